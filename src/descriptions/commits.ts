import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../util/errors.ts';
import { describeSource, type SpecSource } from './source.ts';

/**
 * Upstream commits as a source knows them. A folder mirror can list its commits (its `<commit>/` folders);
 * GitHub's raw URLs take a short sha as they are; a URL mirror can do neither, so it needs full shas.
 */

export const FULL_COMMIT = /^[0-9a-f]{40}$/;
const COMMIT_PREFIX = /^[0-9a-f]{4,40}$/;

export function shortCommit(commit: string): string {
  return commit.slice(0, 8);
}

function isDirLink(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The commit folders of a folder mirror, sorted; undefined for sources that cannot list. */
export function listCommits(source: SpecSource): string[] | undefined {
  if (source.kind !== 'dir') return undefined;
  let names: string[];
  try {
    // Commit folders may be symlinks (a mirror assembled from other checkouts): follow them.
    names = readdirSync(source.root, { withFileTypes: true })
      .filter((e) => FULL_COMMIT.test(e.name) && (e.isDirectory() || isDirLink(resolve(source.root, e.name))))
      .map((e) => e.name);
  } catch (error) {
    throw new UserError(
      `cannot read the mirror ${source.root} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return names.sort();
}

/** Resolves a commit or a prefix of one (at least 4 hex digits) against the source. */
export function resolveCommit(text: string, source: SpecSource): string {
  const prefix = text.trim().toLowerCase();
  if (!COMMIT_PREFIX.test(prefix)) throw new UserError(`bad commit "${text}" (expected 4 to 40 hex digits)`);
  const commits = listCommits(source);
  if (!commits) {
    if (source.kind === 'url' && !FULL_COMMIT.test(prefix)) {
      throw new UserError(
        `the mirror ${source.base} cannot resolve the short commit "${text}": give all 40 hex digits`,
      );
    }
    return prefix;
  }
  const matches = commits.filter((c) => c.startsWith(prefix));
  const known = commits.map(shortCommit).join(', ') || 'none';
  if (matches.length === 0)
    throw new UserError(
      `unknown commit "${text}" in the mirror ${describeSource(source)} (commits there: ${known})`,
    );
  if (matches.length > 1) {
    throw new UserError(
      `ambiguous commit "${text}": ${matches.map(shortCommit).join(', ')} in the mirror ${describeSource(source)}`,
    );
  }
  return matches[0]!;
}

/** Rows `| <commit> | <YYYY-MM-DD> | …` of a mirror's README.md table. */
export function readmeCommitDates(text: string): Array<{ commit: string; date: string }> {
  const rows: Array<{ commit: string; date: string }> = [];
  for (const line of text.split('\n')) {
    const m = /^\|\s*`?([0-9a-f]{7,40})`?\s*\|\s*(\d{4}-\d{2}-\d{2})\s*\|/.exec(line.trim());
    if (m) rows.push({ commit: m[1]!, date: m[2]! });
  }
  return rows;
}

export interface NewestCommit {
  commit: string;
  /** How it was decided: the README's table (commit | date), or the most recently modified commit folder. */
  how: 'readme' | 'mtime';
}

/**
 * The newest commit a source offers. A folder mirror tells it by its README.md table if it has one (latest
 * date; ties keep the first row), else by the most recently modified commit folder. GitHub and URL mirrors
 * cannot tell offline: a one-line error asks for `--to`.
 */
export function newestCommit(source: SpecSource): NewestCommit {
  const commits = listCommits(source);
  if (!commits) {
    throw new UserError(
      `cannot tell the newest upstream commit of ${describeSource(source)} offline: pass --to <commit>`,
    );
  }
  if (commits.length === 0)
    throw new UserError(`the mirror ${describeSource(source)} holds no commit folders`);
  const root = (source as { root: string }).root;
  let readme: string | undefined;
  try {
    readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  } catch {
    readme = undefined;
  }
  if (readme) {
    let best: { commit: string; date: string } | undefined;
    for (const row of readmeCommitDates(readme)) {
      const commit = commits.find((c) => c.startsWith(row.commit));
      if (commit && (!best || row.date > best.date)) best = { commit, date: row.date };
    }
    if (best) return { commit: best.commit, how: 'readme' };
  }
  const byTime = commits
    .map((commit) => ({ commit, mtime: statSync(resolve(root, commit)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || (a.commit < b.commit ? -1 : 1));
  return { commit: byTime[0]!.commit, how: 'mtime' };
}
