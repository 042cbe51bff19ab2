import { newestCommit, resolveCommit } from '../descriptions/commits.ts';
import type { SpecLock } from '../descriptions/lock.ts';
import type { SpecSource } from '../descriptions/source.ts';
import type { SideSpec } from './sides.ts';

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
  how: 'given' | 'readme' | 'mtime';
  comparisons: DriftComparison[];
}

/**
 * What `drift` compares: each locked version at its pinned commit with the same version at `to` (resolved
 * against the source), or at the newest commit the source offers. Throws a one-line error when the source
 * cannot tell the newest commit.
 */
export function planDrift(lock: SpecLock, source: SpecSource, to?: string): DriftPlan {
  const target =
    to !== undefined ? { commit: resolveCommit(to, source), how: 'given' as const } : newestCommit(source);
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
