import { UserError } from '../util/errors.ts';
import { sha256 } from '../util/hash.ts';
import { ensureSpec, type FetchOptions } from './fetch.ts';
import type { SpecLock } from './lock.ts';
import { readFromSource, sourceFromEnv } from './source.ts';

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
