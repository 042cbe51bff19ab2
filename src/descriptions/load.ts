import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { UserError } from '../util/errors.ts';
import { specCacheDir } from '../util/paths.ts';
import { cachePath, ensureSpec, type FetchOptions, writeAtomically } from './fetch.ts';
import {
  descriptionPath,
  type LockEntry,
  lockEntry,
  readLock,
  type SpecLock,
  UPSTREAM_REPOSITORY,
} from './lock.ts';
import { readFromSource, sourceFromEnv } from './source.ts';

/** An OpenAPI description as plain data. */
export type OpenApiDocument = Record<string, unknown> & {
  openapi?: string;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
};

export function parseDescription(text: string, label: string): OpenApiDocument {
  let doc: unknown;
  try {
    doc = label.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1, uniqueKeys: false });
  } catch (error) {
    throw new UserError(`${label} is not valid YAML/JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!doc || typeof doc !== 'object' || !('paths' in doc)) {
    throw new UserError(`${label} is not an OpenAPI description (no "paths")`);
  }
  return doc as OpenApiDocument;
}

export function loadDescriptionFile(file: string): OpenApiDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseDescription(text, file);
}

/** Loads a locked version's description, fetching it into the cache first if needed. */
export async function loadLockedDescription(
  version: string,
  lock: SpecLock = readLock(),
  options: FetchOptions = {},
): Promise<{ entry: LockEntry; file: string; doc: OpenApiDocument }> {
  const entry = lockEntry(version, lock);
  const { file } = await ensureSpec(version, entry, options);
  return { entry, file, doc: loadDescriptionFile(file) };
}

/**
 * Loads a version at any upstream commit (unpinned: no hash to verify), through the same source and cache.
 * Used by `diff 2.11@54a014d` and `drift`.
 */
export async function loadDescriptionAt(
  version: string,
  commit: string,
  options: FetchOptions & { repository?: string; path?: string } = {},
): Promise<{ file: string; doc: OpenApiDocument }> {
  const entry = {
    repository: options.repository ?? UPSTREAM_REPOSITORY,
    commit,
    // The lock's path when the caller knows it (Preview lives in descriptions/0).
    path: options.path ?? descriptionPath(version),
  };
  const file = cachePath(entry, options.cacheDir ?? specCacheDir());
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    const body = await readFromSource(
      options.source ?? sourceFromEnv(),
      entry.repository,
      commit,
      entry.path,
    ).catch((error: Error) => {
      throw new UserError(`spec ${version}@${commit}: ${error.message}`);
    });
    writeAtomically(file, body);
    text = body.toString('utf8');
  }
  return { file, doc: parseDescription(text, file) };
}
