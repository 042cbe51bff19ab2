import type { VersionArtifacts } from '../validate/artifacts.ts';
import { responseTarget } from '../validate/validate.ts';
import type { QuirkAwareTarget } from './classify.ts';

/** The strict and the overlaid validator of one documented response, with the version's quirks. */
export function quirkAwareResponseTarget(
  artifacts: VersionArtifacts,
  operationId: string,
  status: number | string,
  mediaType = 'application/json',
): QuirkAwareTarget {
  const strict = responseTarget(artifacts, operationId, status, mediaType);
  const quirks = artifacts.quirks();
  const validate = quirks?.validators[strict.media.validator];
  const bundle = quirks?.schemas[strict.media.validator];
  if (!quirks || !validate || !bundle) return { strict, quirks: [] };
  return { strict, overlaid: { ...strict, validate, bundle }, quirks: quirks.registry.quirks };
}
