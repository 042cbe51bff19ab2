import { newestCommit, resolveCommit } from '../descriptions/commits.ts';
import type { SpecLock } from '../descriptions/lock.ts';
import type { SpecSource } from '../descriptions/source.ts';
import type { SideSpec } from './sides.ts';
import { newestUpstreamCommit } from './upstream.ts';

export interface DriftComparison {
  version: string;
  /** The pinned commit. */
  from: string;
  old: SideSpec;
  new: SideSpec;
}

export interface DriftPlan {
  /** The commit every locked version is compared with, and how it was chosen. */
  to: string;
  how: 'given' | 'readme' | 'mtime' | 'upstream';
  comparisons: DriftComparison[];
}

/**
 * What `drift` compares: each locked version at its pinned commit with the same version at `to` (resolved
 * against the source), or at the newest commit: a folder mirror tells it offline (its README table, else
 * the newest folder); GitHub and URL mirrors are asked through the GitHub API (`newestUpstreamCommit`).
 * Throws a one-line error when the newest commit cannot be learnt.
 */
export async function planDrift(
  lock: SpecLock,
  source: SpecSource,
  to?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DriftPlan> {
  const target =
    to !== undefined
      ? { commit: resolveCommit(to, source), how: 'given' as const }
      : source.kind === 'dir'
        ? newestCommit(source)
        : { commit: await newestUpstreamCommit(env), how: 'upstream' as const };
  const comparisons = Object.entries(lock.versions)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([version, entry]) => ({
      version,
      from: entry.commit,
      old: { kind: 'locked', version } as SideSpec,
      new: { kind: 'commit', version, commit: target.commit } as SideSpec,
    }));
  return { to: target.commit, how: target.how, comparisons };
}
