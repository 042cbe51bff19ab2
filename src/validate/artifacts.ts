import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { SpecDefect } from '../descriptions/defects.ts';
import type { OperationIndex } from '../descriptions/operations.ts';
import type { QuirkRegistry } from '../model/quirk.ts';
import { UserError } from '../util/errors.ts';
import { generatedDir } from '../util/paths.ts';

const require = createRequire(import.meta.url);
const formats = require('./formats.cjs') as unknown;

/**
 * Loads a generated validators module. Its code requires `intercom-conformance/formats`, which Node resolves
 * only from inside a project that has the kit installed; generated output may also live in a cache outside
 * any project (re-pinned locks), so that one request is answered here and everything else by Node.
 */
function loadValidators(file: string): Record<string, ValidateFunction> {
  const own = createRequire(file);
  const scoped = ((id: string) =>
    id === 'intercom-conformance/formats' ? formats : own(id)) as NodeJS.Require;
  const mod = { exports: {} as Record<string, ValidateFunction> };
  new Function('module', 'exports', 'require', readFileSync(file, 'utf8'))(mod, mod.exports, scoped);
  return mod.exports;
}

/** What `npm run generate` produced for one API version, loaded once per process. */
export interface VersionArtifacts {
  apiVersion: string;
  dir: string;
  index: OperationIndex;
  validators: Record<string, ValidateFunction>;
  /** The JSON Schema bundles the validators were compiled from (read on first use). */
  schemas(): Record<string, Record<string, unknown>>;
  defects(): SpecDefect[];
  /** The quirk-aware reading (overlaid description), when the version has a quirk overlay. */
  quirks(): QuirkArtifacts | undefined;
}

export interface QuirkArtifacts {
  registry: QuirkRegistry;
  validators: Record<string, ValidateFunction>;
  schemas: Record<string, Record<string, unknown>>;
}

const cache = new Map<string, VersionArtifacts>();

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function loadArtifacts(apiVersion: string, root = generatedDir()): VersionArtifacts {
  const dir = join(root, apiVersion);
  const key = dir;
  const hit = cache.get(key);
  if (hit) return hit;
  let index: OperationIndex;
  let validators: Record<string, ValidateFunction>;
  try {
    index = readJson<OperationIndex>(join(dir, 'operations.json'));
    validators = loadValidators(join(dir, 'validators.cjs'));
  } catch {
    throw new UserError(
      `no generated validators for API version ${apiVersion} in ${dir} (run: intercom-conformance generate, or npm run generate in a checkout)`,
    );
  }
  let schemas: Record<string, Record<string, unknown>> | undefined;
  let defects: SpecDefect[] | undefined;
  let quirks: QuirkArtifacts | null | undefined;
  const artifacts: VersionArtifacts = {
    apiVersion,
    dir,
    index,
    validators,
    schemas: () => {
      schemas ??= readJson<Record<string, Record<string, unknown>>>(join(dir, 'schemas.json'));
      return schemas;
    },
    quirks: () => {
      if (quirks === undefined) {
        quirks = existsSync(join(dir, 'quirks.json'))
          ? {
              registry: readJson<QuirkRegistry>(join(dir, 'quirks.json')),
              validators: loadValidators(join(dir, 'validators.quirks.cjs')),
              schemas: readJson<Record<string, Record<string, unknown>>>(join(dir, 'schemas.quirks.json')),
            }
          : null;
      }
      return quirks ?? undefined;
    },
    defects: () => {
      defects ??= readJson<{ defects: SpecDefect[] }>(join(dir, 'spec-defects.json')).defects;
      return defects;
    },
  };
  cache.set(key, artifacts);
  return artifacts;
}
