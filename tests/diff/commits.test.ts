import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  listCommits,
  newestCommit,
  readmeCommitDates,
  resolveCommit,
} from '../../src/descriptions/commits.ts';
import type { SpecLock } from '../../src/descriptions/lock.ts';
import type { SpecSource } from '../../src/descriptions/source.ts';
import { planDrift } from '../../src/diff/drift.ts';
import { loadSide, parseSideSpec } from '../../src/diff/sides.ts';
import { UserError } from '../../src/util/errors.ts';
import { COMMITS, fixture, MIRROR } from './helpers.ts';

const mirror: SpecSource = { kind: 'dir', root: MIRROR };
const temp = mkdtempSync(join(tmpdir(), 'diff-commits-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const LOCK: SpecLock = {
  versions: {
    '2.10': {
      repository: 'intercom/Intercom-OpenAPI',
      commit: COMMITS.newest,
      path: 'descriptions/2.10/api.intercom.io.yaml',
      sha256: 'a'.repeat(64),
    },
    '2.11': {
      repository: 'intercom/Intercom-OpenAPI',
      commit: COMMITS.newest,
      path: 'descriptions/2.11/api.intercom.io.yaml',
      sha256: 'b'.repeat(64),
    },
  },
};

/** A folder mirror with the given commit folders (empty), and optionally a README. */
function fakeMirror(name: string, commits: string[], readme?: string): SpecSource {
  const root = join(temp, name);
  mkdirSync(root, { recursive: true });
  for (const c of commits) mkdirSync(join(root, c), { recursive: true });
  if (readme !== undefined) writeFileSync(join(root, 'README.md'), readme);
  return { kind: 'dir', root };
}

function oneLineError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).not.toMatch(/\n/);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('commits of a source', () => {
  it('lists the commit folders of the mirror', () => {
    expect(listCommits(mirror)).toEqual([
      COMMITS.beforeRequired,
      COMMITS.first,
      COMMITS.newest,
      COMMITS.addRequired,
    ]);
    expect(listCommits({ kind: 'github' })).toBeUndefined();
  });

  it('resolves short commits against a folder mirror', () => {
    expect(resolveCommit('54a014d', mirror)).toBe(COMMITS.first);
    expect(resolveCommit('96180EA7', mirror)).toBe(COMMITS.addRequired);
    expect(resolveCommit(COMMITS.newest, mirror)).toBe(COMMITS.newest);
  });

  it('rejects unknown, ambiguous and malformed commits in one line', () => {
    expect(oneLineError(() => resolveCommit('deadbeef', mirror))).toMatch(
      /^unknown commit "deadbeef" in the mirror .* \(commits there: 1d4e747b, 54a014d1, 8889625a, 96180ea7\)$/,
    );
    const twins = fakeMirror('twins', [`abcd1${'0'.repeat(35)}`, `abcd2${'0'.repeat(35)}`]);
    expect(oneLineError(() => resolveCommit('abcd', twins))).toMatch(
      /^ambiguous commit "abcd": abcd1000, abcd2000/,
    );
    expect(oneLineError(() => resolveCommit('zz12', mirror))).toMatch(/^bad commit "zz12"/);
    expect(oneLineError(() => resolveCommit('abc', mirror))).toMatch(
      /^bad commit "abc" \(expected 4 to 40 hex digits\)/,
    );
    expect(oneLineError(() => listCommits({ kind: 'dir', root: join(temp, 'nowhere') }))).toMatch(
      /^cannot read the mirror .*nowhere \(ENOENT\)$/,
    );
  });

  it('passes short commits through to GitHub, but needs full ones for a URL mirror', () => {
    expect(resolveCommit('54a014d', { kind: 'github' })).toBe('54a014d');
    expect(
      oneLineError(() => resolveCommit('54a014d', { kind: 'url', base: 'https://example.test/m' })),
    ).toMatch(/give all 40 hex digits/);
    expect(resolveCommit(COMMITS.first, { kind: 'url', base: 'https://example.test/m' })).toBe(COMMITS.first);
  });

  it("tells the newest commit from the mirror's README table", () => {
    expect(
      readmeCommitDates('| 96180ea7aaeea0989390ff6a6187605f43f72146 | 2024-12-13 | x |\n| commit | date |'),
    ).toEqual([{ commit: COMMITS.addRequired, date: '2024-12-13' }]);
    expect(newestCommit(mirror)).toEqual({ commit: COMMITS.newest, how: 'readme' });
  });

  it('else by the most recently modified commit folder', () => {
    const [older, newer] = [`1111${'0'.repeat(36)}`, `2222${'0'.repeat(36)}`];
    const source = fakeMirror('by-time', [older, newer]);
    const root = (source as { root: string }).root;
    utimesSync(join(root, newer), new Date('2024-01-01'), new Date('2024-01-01'));
    utimesSync(join(root, older), new Date('2025-01-01'), new Date('2025-01-01'));
    expect(newestCommit(source)).toEqual({ commit: older, how: 'mtime' });
  });

  it('cannot tell the newest commit of GitHub offline', () => {
    expect(oneLineError(() => newestCommit({ kind: 'github' }))).toBe(
      'cannot tell the newest upstream commit of https://raw.githubusercontent.com offline: pass --to <commit>',
    );
    expect(oneLineError(() => newestCommit(fakeMirror('empty', [])))).toMatch(/holds no commit folders/);
  });
});

describe('drift plan', () => {
  it('compares every locked version with the newest commit by default', async () => {
    const plan = await planDrift(LOCK, mirror);
    expect(plan.to).toBe(COMMITS.newest);
    expect(plan.how).toBe('readme');
    expect(plan.comparisons.map((c) => [c.version, c.from, c.new])).toEqual([
      ['2.10', COMMITS.newest, { kind: 'commit', version: '2.10', commit: COMMITS.newest }],
      ['2.11', COMMITS.newest, { kind: 'commit', version: '2.11', commit: COMMITS.newest }],
    ]);
  });

  it('resolves --to against the source', async () => {
    const plan = await planDrift(LOCK, mirror, '96180ea');
    expect([plan.to, plan.how]).toEqual([COMMITS.addRequired, 'given']);
  });

  it('works on a mirror whose commit folders are symlinks', async () => {
    const root = join(temp, 'linked');
    mkdirSync(root);
    for (const c of [COMMITS.newest, COMMITS.addRequired]) symlinkSync(join(MIRROR, c), join(root, c));
    const linked: SpecSource = { kind: 'dir', root };
    expect(listCommits(linked)).toEqual([COMMITS.addRequired, COMMITS.newest].sort());
    expect(resolveCommit('8889625', linked)).toBe(COMMITS.newest);
    const plan = await planDrift(LOCK, linked, '96180ea');
    expect(plan.to).toBe(COMMITS.addRequired);
  });

  it('asks the GitHub API (a loopback fake) for the newest upstream commit when the source cannot list', async () => {
    const seen: string[] = [];
    let answer = JSON.stringify([{ sha: COMMITS.addRequired }]);
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    const env = { INTERCOM_OPENAPI_GITHUB_API: `http://127.0.0.1:${port}` };
    try {
      const plan = await planDrift(LOCK, { kind: 'github' }, undefined, env);
      expect([plan.to, plan.how]).toEqual([COMMITS.addRequired, 'upstream']);
      expect(seen).toEqual(['/repos/intercom/Intercom-OpenAPI/commits?per_page=1']);
      answer = '{"message": "rate limited"}';
      await expect(planDrift(LOCK, { kind: 'github' }, undefined, env)).rejects.toThrow(
        `cannot learn the newest upstream commit from http://127.0.0.1:${port} (no commit sha in the answer): pass --to <commit>`,
      );
    } finally {
      await new Promise((done) => server.close(done));
    }
    // unreachable (nothing listens on port 1): one line asking for --to
    await expect(
      planDrift(LOCK, { kind: 'github' }, undefined, { INTERCOM_OPENAPI_GITHUB_API: 'http://127.0.0.1:1' }),
    ).rejects.toThrow(
      /^cannot learn the newest upstream commit from http:\/\/127\.0\.0\.1:1 \(.+\): pass --to <commit>$/,
    );
  });
});

describe('diff sides', () => {
  it('reads a locked version, a version at a commit, and a file', () => {
    expect(parseSideSpec('2.10', LOCK)).toEqual({ kind: 'locked', version: '2.10' });
    expect(parseSideSpec('2.11@54a014d', LOCK)).toEqual({
      kind: 'commit',
      version: '2.11',
      commit: '54a014d',
    });
    expect(parseSideSpec('2.16@8889625', LOCK)).toEqual({
      kind: 'commit',
      version: '2.16',
      commit: '8889625',
    });
    const file = fixture('rules', 'operation-removed', 'old.yaml');
    expect(parseSideSpec(file, LOCK)).toEqual({ kind: 'file', path: file });
  });

  it('rejects an unknown version and a bad version name in one line', () => {
    expect(oneLineError(() => parseSideSpec('2.99', LOCK))).toMatch(
      /^unknown API version "2.99" \(locked versions: 2.10, 2.11; use 2.99@<commit> for a version at an upstream commit, or give a file\)$/,
    );
    expect(oneLineError(() => parseSideSpec('../x@54a014d', LOCK))).toMatch(/^bad API version "..\/x"/);
    expect(oneLineError(() => parseSideSpec(' ', LOCK))).toMatch(/^empty description name/);
  });

  it('loads a version at a short commit through the mirror into the cache', async () => {
    const cacheDir = join(temp, 'cache');
    const side = await loadSide(
      { kind: 'commit', version: '2.10', commit: '54a014d' },
      { lock: LOCK, source: mirror, cacheDir },
    );
    expect(side.info).toEqual({
      label: '2.10@54a014d1',
      kind: 'commit',
      version: '2.10',
      commit: COMMITS.first,
      file: join(cacheDir, COMMITS.first, 'descriptions', '2.10', 'api.intercom.io.yaml'),
    });
    expect(side.doc.openapi).toMatch(/^3\.0/);
  });

  it('reports a version missing at a commit, and an unreadable file, in one line', async () => {
    const cacheDir = join(temp, 'cache');
    await expect(
      loadSide(
        { kind: 'commit', version: '2.16', commit: '54a014d' },
        { lock: LOCK, source: mirror, cacheDir },
      ),
    ).rejects.toThrow(
      /^spec 2.16@54a014d1f65d30e1709c9f5c6807b3f3778f9f49: no such file in the mirror: .*2.16\/api.intercom.io.yaml$/,
    );
    await expect(
      loadSide({ kind: 'file', path: join(temp, 'missing.yaml') }, { lock: LOCK }),
    ).rejects.toThrow(/^cannot read .*missing.yaml \(ENOENT\)$/);
  });
});
