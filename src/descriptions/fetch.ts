import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../util/errors.ts';
import { sha256 } from '../util/hash.ts';
import { specCacheDir } from '../util/paths.ts';
import type { LockEntry, SpecLock } from './lock.ts';
import { describeSource, locate, readFromSource, type SpecSource, sourceFromEnv } from './source.ts';

export interface FetchOptions {
  source?: SpecSource;
  cacheDir?: string;
}

export type FetchStatus = 'cached' | 'fetched' | 'refetched';

export interface FetchResult {
  version: string;
  file: string;
  status: FetchStatus;
  sha256: string;
}

/** The cache mirrors the upstream layout: `<cache>/<commit>/<path>`. */
export function cachePath(entry: Pick<LockEntry, 'commit' | 'path'>, cacheDir = specCacheDir()): string {
  return resolve(cacheDir, entry.commit, entry.path);
}

function cachedHash(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Writes through a temp file and a rename, so that the cache never holds a partial file. */
export function writeAtomically(file: string, data: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Makes sure the cache holds the pinned file of one version, verified by its sha256. A valid cache costs one
 * read and one hash; a corrupted cache file is fetched again; a mismatch at the source is a one-line error.
 */
export async function ensureSpec(
  version: string,
  entry: LockEntry,
  options: FetchOptions = {},
): Promise<FetchResult> {
  const cacheDir = options.cacheDir ?? specCacheDir();
  const file = cachePath(entry, cacheDir);
  const existing = cachedHash(file);
  if (existing === entry.sha256) return { version, file, status: 'cached', sha256: existing };

  const source = options.source ?? sourceFromEnv();
  let body: Buffer;
  try {
    body = await readFromSource(source, entry.repository, entry.commit, entry.path);
  } catch (error) {
    throw new UserError(`spec ${version}: ${(error as Error).message}`);
  }
  const actual = sha256(body);
  if (actual !== entry.sha256) {
    throw new UserError(
      `spec ${version}: sha256 mismatch for ${locate(source, entry.repository, entry.commit, entry.path)}: ` +
        `lock says ${entry.sha256}, source has ${actual}`,
    );
  }
  writeAtomically(file, body);
  return { version, file, status: existing === undefined ? 'fetched' : 'refetched', sha256: actual };
}

export async function ensureSpecs(
  lock: SpecLock,
  versions: string[] = Object.keys(lock.versions),
  options: FetchOptions = {},
): Promise<FetchResult[]> {
  const results: FetchResult[] = [];
  for (const version of versions) {
    const entry = lock.versions[version];
    if (!entry) throw new UserError(`unknown API version "${version}"`);
    results.push(await ensureSpec(version, entry, options));
  }
  return results;
}

export function sourceLabel(options: FetchOptions = {}): string {
  return describeSource(options.source ?? sourceFromEnv());
}
