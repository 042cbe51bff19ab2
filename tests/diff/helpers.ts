import { resolve } from 'node:path';
import { loadDescriptionFile, type OpenApiDocument } from '../../src/descriptions/load.ts';
import { packageRoot } from '../../src/util/paths.ts';

/** The read-only mirror of upstream history next to the checkout (`../shared/intercom-openapi`). */
export const MIRROR = resolve(packageRoot, '..', 'shared', 'intercom-openapi');

export const COMMITS = {
  newest: '8889625a7b931d8649e18726e7f872ff073520fc',
  addRequired: '96180ea7aaeea0989390ff6a6187605f43f72146',
  beforeRequired: '1d4e747b1f7ba22dc9aa03f2051f3aae2d598e6f',
  first: '54a014d1f65d30e1709c9f5c6807b3f3778f9f49',
} as const;

/** Points the spec source at the mirror unless the environment already chose one. */
export function useMirror(): void {
  process.env.INTERCOM_OPENAPI_MIRROR ??= MIRROR;
}

export const FIXTURES = resolve(packageRoot, 'tests', 'diff', 'fixtures');

export function fixture(...parts: string[]): string {
  return resolve(FIXTURES, ...parts);
}

const parsed = new Map<string, OpenApiDocument>();

/** A description of the mirror, parsed once per test file. */
export function mirrorDoc(version: string, commit: string): OpenApiDocument {
  const file = resolve(MIRROR, commit, 'descriptions', version, 'api.intercom.io.yaml');
  let doc = parsed.get(file);
  if (!doc) {
    doc = loadDescriptionFile(file);
    parsed.set(file, doc);
  }
  return doc;
}

/** A fixture file, parsed once per test file. */
export function fixtureDoc(...parts: string[]): OpenApiDocument {
  const file = fixture(...parts);
  let doc = parsed.get(file);
  if (!doc) {
    doc = loadDescriptionFile(file);
    parsed.set(file, doc);
  }
  return doc;
}

/** A CLI io that records what was written. */
export function captureIo(): {
  io: import('../../src/cli/io.ts').CliIo;
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
      readStdin: async () => Buffer.alloc(0),
    },
    out: () => out,
    err: () => err,
  };
}
