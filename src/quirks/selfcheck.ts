import type { ValidateFunction } from 'ajv';
import type { OperationIndex } from '../descriptions/operations.ts';
import { inRange } from '../descriptions/versions.ts';
import { UserError } from '../util/errors.ts';
import { resolvePointer } from '../util/json-pointer.ts';
import { type CatalogueQuirk, overlayFor, type QuirkProbe } from './catalogue.ts';
import { type AppliedAction, applyOverlay } from './overlay.ts';

/** What the strict reading of one version offers a self-check: its operations, validators and description. */
export interface StrictReading {
  version: string;
  doc: unknown;
  index: OperationIndex;
  validators: Record<string, ValidateFunction>;
}

function validatorFor(reading: StrictReading, probe: QuirkProbe, quirk: CatalogueQuirk): ValidateFunction {
  const op = reading.index.operations[probe.operation!];
  const where = `quirk ${quirk.id} (${reading.version})`;
  if (!op) throw new UserError(`${where}: deviation probe names unknown operation ${probe.operation}`);
  const media = probe.request
    ? op.requestBody?.content['application/json']
    : op.responses[String(probe.status)]?.content['application/json'];
  if (!media)
    throw new UserError(
      `${where}: ${probe.operation} documents no JSON ${probe.request ? 'request body' : `${probe.status} response`}`,
    );
  return reading.validators[media.validator]!;
}

/** Whether the strict reading of the version still shows the deviation one probe documents. */
function showsDeviation(reading: StrictReading, probe: QuirkProbe, quirk: CatalogueQuirk): boolean {
  if (probe.missing) return resolvePointer(reading.doc, probe.missing) === undefined;
  const validate = validatorFor(reading, probe, quirk);
  const at = probe.at!;
  const valid = validate(probe.body);
  const rejected =
    !valid &&
    (validate.errors ?? []).some((e) =>
      probe.requires !== undefined
        ? e.instancePath === at && e.keyword === 'required' && e.params.missingProperty === probe.requires
        : e.instancePath === at || e.instancePath.startsWith(`${at}/`),
    );
  return probe.accepts ? !rejected : rejected;
}

/**
 * Splits the quirks declared for a version into those that apply and those a later description resolved: a
 * quirk with deviation probes is resolved when none of its probes for that version still shows the deviation
 * (the strict description now accepts what Intercom documents). A quirk without probes (data for semantic
 * checks, structural fixes) applies throughout its range; its targets are checked when the overlay applies.
 */
function selfCheck(
  quirks: CatalogueQuirk[],
  reading: StrictReading,
): { applies: CatalogueQuirk[]; resolved: CatalogueQuirk[] } {
  const applies: CatalogueQuirk[] = [];
  const resolved: CatalogueQuirk[] = [];
  for (const quirk of quirks) {
    const probes = quirk.deviation.filter((p) => !p.versions || inRange(p.versions, reading.version));
    if (probes.length === 0 || probes.some((p) => showsDeviation(reading, p, quirk))) applies.push(quirk);
    else resolved.push(quirk);
  }
  return { applies, resolved };
}

/**
 * The quirk-aware reading of one version: the declared quirks self-checked (resolved ones set apart), the
 * others applied as one overlay. A target that selects nothing in the description is a one-line error naming
 * the quirk, the version and the target.
 */
export function quirkReading<T>(
  declared: CatalogueQuirk[],
  reading: StrictReading & { doc: T },
): { doc: T; applied: AppliedAction[]; applies: CatalogueQuirk[]; resolved: CatalogueQuirk[] } {
  const { applies, resolved } = selfCheck(declared, reading);
  const overlaid = applyOverlay(reading.doc, overlayFor(applies, reading.version));
  const missed = overlaid.unmatched[0];
  if (missed) {
    const quirk = applies.find((q) => q.id === missed.quirk.id)!;
    throw new UserError(
      `quirk ${quirk.id} (API ${reading.version}): target ${missed.target} selects nothing in the description (${quirk.file}: narrow its versions or fix the target)`,
    );
  }
  return { doc: overlaid.doc, applied: overlaid.applied, applies, resolved };
}
