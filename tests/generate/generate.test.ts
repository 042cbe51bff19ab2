import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  descriptionPath,
  readLock,
  type SpecLock,
  UPSTREAM_REPOSITORY,
} from '../../src/descriptions/lock.ts';
import { updateLock } from '../../src/descriptions/update.ts';
import { generate } from '../../src/generate/index.ts';
import { sha256 } from '../../src/util/hash.ts';
import { generatedDir } from '../../src/util/paths.ts';
import { MIRROR, mirrorFile, PINNED_COMMIT, tempDir } from '../helpers/env.ts';

const source = { kind: 'dir' as const, root: MIRROR };

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, name.name);
      if (name.isDirectory()) walk(p);
      else out[p.slice(dir.length)] = sha256(readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe('npm run generate', () => {
  it('is deterministic: same lock, byte-identical output', async () => {
    // Generated once here, compared with what the test set-up generated in another process from the full lock:
    // one generation instead of two keeps this test well within its time under load.
    const lock: SpecLock = { versions: { '2.11': readLock().versions['2.11']! } };
    const a = tempDir();
    await generate({ lock, outDir: a, source });
    const files = snapshot(a);
    expect(Object.keys(files).sort()).toEqual([
      '/2.11/operations.json',
      '/2.11/quirks.json',
      '/2.11/schema.d.ts',
      '/2.11/schemas.json',
      '/2.11/schemas.quirks.json',
      '/2.11/spec-defects.json',
      '/2.11/validators.cjs',
      '/2.11/validators.quirks.cjs',
      '/manifest.json',
      '/versions.d.ts',
    ]);
    const version = (snap: Record<string, string>) =>
      Object.fromEntries(Object.entries(snap).filter(([k]) => k.startsWith('/2.11/')));
    expect(version(snapshot(generatedDir()))).toEqual(version(files));
  });

  it('takes a new version from one lock entry and nothing else (2.16)', async () => {
    const entry = {
      repository: UPSTREAM_REPOSITORY,
      commit: PINNED_COMMIT,
      path: descriptionPath('2.16'),
      sha256: sha256(readFileSync(mirrorFile(PINNED_COMMIT, '2.16'))),
    };
    const out = tempDir();
    await generate({ lock: { versions: { '2.16': entry } }, outDir: out, source });
    const index = JSON.parse(readFileSync(join(out, '2.16', 'operations.json'), 'utf8'));
    expect(Object.keys(index.operations).sort()).toEqual([
      'attachTagToConversation',
      'detachTagFromConversation',
      'identifyAdmin',
      'listConversations',
      'manageConversation',
      'retrieveConversation',
      'searchConversations',
    ]);
    expect(readFileSync(join(out, 'versions.d.ts'), 'utf8')).toContain(
      `"2.16": import('./2.16/schema.js').paths;`,
    );
  });

  it('records the per_page parameter with its default and maximum in the operation index', () => {
    for (const v of ['2.10', '2.11']) {
      const index = JSON.parse(readFileSync(join('generated', v, 'operations.json'), 'utf8'));
      const perPage = index.operations.listConversations.parameters.find(
        (p: { name: string }) => p.name === 'per_page',
      );
      expect(perPage).toMatchObject({
        in: 'query',
        required: false,
        schema: { type: 'integer', default: 20, maximum: 150 },
      });
    }
  });

  it('keys operations by operationId: path templates differ between 2.10 and 2.11', () => {
    const path = (v: string, id: string) =>
      JSON.parse(readFileSync(join('generated', v, 'operations.json'), 'utf8')).operations[id].path;
    expect(path('2.10', 'retrieveConversation')).toBe('/conversations/{id}');
    expect(path('2.11', 'retrieveConversation')).toBe('/conversations/{conversation_id}');
    expect(path('2.10', 'detachTagFromConversation')).toBe('/conversations/{conversation_id}/tags/{id}');
    expect(path('2.11', 'detachTagFromConversation')).toBe('/conversations/{conversation_id}/tags/{tag_id}');
  });
});

describe('npm run spec:update', () => {
  it('rewrites every locked version to another commit with the new hashes', async () => {
    const commit = '96180ea7aaeea0989390ff6a6187605f43f72146';
    // That older commit holds 2.10 and 2.11 only.
    const lock: SpecLock = {
      versions: { '2.10': readLock().versions['2.10']!, '2.11': readLock().versions['2.11']! },
    };
    const next = await updateLock(lock, commit, { source, cacheDir: tempDir() });
    for (const v of ['2.10', '2.11']) {
      expect(next.versions[v]).toEqual({
        repository: UPSTREAM_REPOSITORY,
        commit,
        path: descriptionPath(v),
        sha256: sha256(readFileSync(mirrorFile(commit, v))),
      });
    }
  });

  it('fails in one line when a version is missing at that commit', async () => {
    const lock: SpecLock = {
      versions: {
        '2.16': {
          repository: UPSTREAM_REPOSITORY,
          commit: PINNED_COMMIT,
          path: descriptionPath('2.16'),
          sha256: '0'.repeat(64),
        },
      },
    };
    await expect(
      updateLock(lock, '96180ea7aaeea0989390ff6a6187605f43f72146', { source, cacheDir: tempDir() }),
    ).rejects.toThrow(
      /^spec 2\.16 at 96180ea7aaeea0989390ff6a6187605f43f72146: no such file in the mirror: /,
    );
  });
});
