import { UserError } from '../util/errors.ts';
import { sha256 } from '../util/hash.ts';
import { ensureSpec, type FetchOptions } from './fetch.ts';
import { type LockEntry, lockedCommit, type SpecLock } from './lock.ts';
import { readFromSource, sourceFromEnv } from './source.ts';
import { isVersionName, PREVIEW, sortVersions, upstreamPath } from './versions.ts';

/**
 * The lock moved to another upstream commit: same versions and paths, new commit and hashes (each file is
 * fetched and cached). A version missing at that commit is a one-line error and the lock is left as it was.
 */
export async function updateLock(
  lock: SpecLock,
  commit: string,
  options: FetchOptions = {},
): Promise<SpecLock> {
  if (!/^[0-9a-f]{7,40}$/.test(commit)) throw new UserError(`"${commit}" is not a commit hash`);
  const source = options.source ?? sourceFromEnv();
  const next: SpecLock = { versions: {} };
  for (const [version, entry] of Object.entries(lock.versions)) {
    let body: Buffer;
    try {
      body = await readFromSource(source, entry.repository, commit, entry.path);
    } catch (error) {
      throw new UserError(`spec ${version} at ${commit}: ${(error as Error).message}`);
    }
    const updated = { ...entry, commit, sha256: sha256(body) };
    await ensureSpec(version, updated, { ...options, source });
    next.versions[version] = updated;
  }
  return next;
}

/**
 * Locks one more published version: `descriptions/<v>` (`descriptions/0` for Preview) at the commit the lock
 * already pins, fetched through the same source and cache and verified. A version already locked, a name that
 * is not a version, or a file that does not exist upstream is a one-line error; the lock is left as it was.
 * The new lock keeps versions in version order.
 */
export async function addVersion(
  lock: SpecLock,
  version: string,
  options: FetchOptions = {},
): Promise<SpecLock> {
  if (!isVersionName(version))
    throw new UserError(`"${version}" is not an API version (e.g. 2.17 or ${PREVIEW})`);
  if (Object.hasOwn(lock.versions, version)) throw new UserError(`API version ${version} is already locked`);
  const at = lockedCommit(lock);
  if (!at) throw new UserError('the spec lock pins no version: no commit to add a version at');
  const source = options.source ?? sourceFromEnv();
  const path = upstreamPath(version);
  let body: Buffer;
  try {
    body = await readFromSource(source, at.repository, at.commit, path);
  } catch (error) {
    throw new UserError(
      `API version ${version} does not exist upstream at ${at.commit.slice(0, 7)} (${(error as Error).message})`,
    );
  }
  const entry: LockEntry = { repository: at.repository, commit: at.commit, path, sha256: sha256(body) };
  await ensureSpec(version, entry, { ...options, source });
  const versions: Record<string, LockEntry> = {};
  for (const v of sortVersions([...Object.keys(lock.versions), version]))
    versions[v] = v === version ? entry : lock.versions[v]!;
  return { versions };
}
