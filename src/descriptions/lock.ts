import { readFileSync, writeFileSync } from 'node:fs';
import { UserError } from '../util/errors.ts';
import { lockFile } from '../util/paths.ts';

/** One pinned description: an API version of the upstream repository at a commit, with the file's hash. */
export interface LockEntry {
  repository: string;
  commit: string;
  path: string;
  sha256: string;
}

export interface SpecLock {
  versions: Record<string, LockEntry>;
}

export const UPSTREAM_REPOSITORY = 'intercom/Intercom-OpenAPI';

export function descriptionPath(version: string): string {
  return `descriptions/${version}/api.intercom.io.yaml`;
}

export function readLock(file = lockFile): SpecLock {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`cannot read the spec lock ${file}`);
  }
  let lock: SpecLock;
  try {
    lock = JSON.parse(text) as SpecLock;
  } catch {
    throw new UserError(`the spec lock ${file} is not valid JSON`);
  }
  if (!lock || typeof lock.versions !== 'object')
    throw new UserError(`the spec lock ${file} has no "versions"`);
  for (const [version, entry] of Object.entries(lock.versions)) {
    for (const key of ['repository', 'commit', 'path', 'sha256'] as const) {
      if (typeof entry?.[key] !== 'string' || entry[key] === '') {
        throw new UserError(`the spec lock ${file}: version ${version} has no "${key}"`);
      }
    }
    if (!/^[0-9a-f]{64}$/.test(entry.sha256)) {
      throw new UserError(`the spec lock ${file}: version ${version} has a malformed sha256`);
    }
  }
  return lock;
}

export function writeLock(lock: SpecLock, file = lockFile): void {
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}

export function lockedVersions(lock: SpecLock = readLock()): string[] {
  return Object.keys(lock.versions);
}

/** The entry of one version; an unknown version is a one-line error naming the known ones. */
export function lockEntry(version: string, lock: SpecLock = readLock()): LockEntry {
  const entry = lock.versions[version];
  if (!entry) {
    throw new UserError(
      `unknown API version "${version}" (locked versions: ${Object.keys(lock.versions).join(', ')})`,
    );
  }
  return entry;
}

/** Parses `2.10,2.11` style lists, checking every version against the lock. */
export function parseVersionList(list: string, lock: SpecLock = readLock()): string[] {
  const versions = list
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (versions.length === 0) throw new UserError('no API version given');
  for (const v of versions) lockEntry(v, lock);
  return [...new Set(versions)];
}
