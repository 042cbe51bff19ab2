import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../src/util/paths.ts';

/** The read-only mirror of the official descriptions beside the checkout (what CI uses too). */
export const MIRROR = resolve(
  process.env.INTERCOM_OPENAPI_MIRROR ?? join(packageRoot, '..', 'shared', 'intercom-openapi'),
);

export const PINNED_COMMIT = '8889625a7b931d8649e18726e7f872ff073520fc';

export function mirrorFile(commit: string, version: string): string {
  return join(MIRROR, commit, 'descriptions', version, 'api.intercom.io.yaml');
}

export function tempDir(prefix = 'ic-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
