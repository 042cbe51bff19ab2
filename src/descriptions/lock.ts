import { readFileSync, writeFileSync } from 'node:fs';
import { UserError } from '../util/errors.ts';
import { lockFile } from '../util/paths.ts';
import { locate, sourceFromEnv } from './source.ts';
import {
  notLockedError,
  parseVersionSelection,
  sortVersions,
  type UnlockedProbe,
  upstreamPath,
} from './versions.ts';

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

/** The upstream path of a version's description (`descriptions/0/…` for Preview). */
export function descriptionPath(version: string): string {
  return upstreamPath(version);
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

/** The locked versions in version order (Preview last). */
export function lockedVersions(lock: SpecLock = readLock()): string[] {
  return sortVersions(Object.keys(lock.versions));
}

/** The commit most locked versions are pinned at: where `--add` looks for a new version. */
export function lockedCommit(lock: SpecLock): { repository: string; commit: string } | undefined {
  const counts = new Map<string, number>();
  for (const e of Object.values(lock.versions)) counts.set(e.commit, (counts.get(e.commit) ?? 0) + 1);
  const commit = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!commit) return undefined;
  const repository = Object.values(lock.versions).find((e) => e.commit === commit)!.repository;
  return { repository, commit };
}

/** Looks for an unlocked version in a local mirror (INTERCOM_OPENAPI_MIRROR), at the locked commit. */
function mirrorProbe(lock: SpecLock, env: NodeJS.ProcessEnv = process.env): UnlockedProbe {
  const source = sourceFromEnv(env);
  const at = lockedCommit(lock);
  if (source.kind !== 'dir' || !at) return {};
  return { upstreamFile: (v) => locate(source, at.repository, at.commit, upstreamPath(v)) };
}

/** The entry of one version; an unknown version is a one-line error naming the locked ones and how to add one. */
export function lockEntry(version: string, lock: SpecLock = readLock()): LockEntry {
  const entry = Object.hasOwn(lock.versions, version) ? lock.versions[version] : undefined;
  if (!entry) throw notLockedError(version, Object.keys(lock.versions), mirrorProbe(lock));
  return entry;
}

/**
 * Parses a version selection (`2.10,2.11`, `2.10..2.16`, `2.12..`, `all`) against the lock, in version order.
 * The one parser behind `run`, `validate`, `mock` and INTERCOM_CONFORMANCE_API_VERSIONS.
 */
export function parseVersionList(list: string, lock: SpecLock = readLock()): string[] {
  return parseVersionSelection(list, Object.keys(lock.versions), mirrorProbe(lock));
}
