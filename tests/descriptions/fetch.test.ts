import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachePath, ensureSpec, ensureSpecs } from '../../src/descriptions/fetch.ts';
import { lockedVersions, readLock, type SpecLock } from '../../src/descriptions/lock.ts';
import { sha256 } from '../../src/util/hash.ts';
import { MIRROR, mirrorFile, PINNED_COMMIT, tempDir } from '../helpers/env.ts';

const lock = readLock();
const entry = lock.versions['2.11']!;
const mirror = { kind: 'dir' as const, root: MIRROR };
const nowhere = { kind: 'dir' as const, root: '/nonexistent/mirror' };

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('spec:fetch', () => {
  it('pins every published version (2.7 … 2.16, Preview from descriptions/0) at the newest mirrored commit, with the real hashes', () => {
    expect(lockedVersions(lock)).toEqual([
      '2.7',
      '2.8',
      '2.9',
      '2.10',
      '2.11',
      '2.12',
      '2.13',
      '2.14',
      '2.15',
      '2.16',
      'Preview',
    ]);
    for (const v of lockedVersions(lock)) {
      const folder = v === 'Preview' ? '0' : v;
      const e = lock.versions[v]!;
      expect(e).toMatchObject({
        repository: 'intercom/Intercom-OpenAPI',
        commit: PINNED_COMMIT,
        path: `descriptions/${folder}/api.intercom.io.yaml`,
      });
      expect(e.sha256).toBe(sha256(readFileSync(mirrorFile(PINNED_COMMIT, folder))));
    }
  });

  it('a lock entry whose file is missing at its commit is one clear error and leaves no partial cache (temp mirror)', async () => {
    const root = tempDir();
    const at = join(root, PINNED_COMMIT, 'descriptions', '2.11');
    mkdirSync(at, { recursive: true });
    copyFileSync(mirrorFile(PINNED_COMMIT, '2.11'), join(at, 'api.intercom.io.yaml'));
    const cacheDir = tempDir();
    const partial: SpecLock = { versions: { '2.11': entry, '2.12': lock.versions['2.12']! } };
    const error = (await ensureSpecs(partial, undefined, {
      source: { kind: 'dir', root },
      cacheDir,
    }).catch((e: Error) => e)) as Error;
    expect(error.message).toBe(
      `spec 2.12: no such file in the mirror: ${join(root, PINNED_COMMIT, 'descriptions/2.12/api.intercom.io.yaml')}`,
    );
    expect(existsSync(cachePath(lock.versions['2.12']!, cacheDir))).toBe(false);
    const dir = dirname(cachePath(lock.versions['2.12']!, cacheDir));
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('fetches into the cache, then a valid cache is a no-op that never touches the source', async () => {
    const cacheDir = tempDir();
    const first = await ensureSpec('2.11', entry, { source: mirror, cacheDir });
    expect(first.status).toBe('fetched');
    expect(first.file).toBe(join(cacheDir, PINNED_COMMIT, 'descriptions/2.11/api.intercom.io.yaml'));
    // A source that does not exist would fail if it were read.
    const second = await ensureSpec('2.11', entry, { source: nowhere, cacheDir });
    expect(second.status).toBe('cached');
  });

  it('detects a corrupted cache file and fetches it again', async () => {
    const cacheDir = tempDir();
    await ensureSpec('2.11', entry, { source: mirror, cacheDir });
    const file = cachePath(entry, cacheDir);
    writeFileSync(file, 'openapi: 3.0.1\n# tampered\n');
    const again = await ensureSpec('2.11', entry, { source: mirror, cacheDir });
    expect(again.status).toBe('refetched');
    expect(sha256(readFileSync(file))).toBe(entry.sha256);
    await expect(ensureSpec('2.11', entry, { source: nowhere, cacheDir: tempDir() })).rejects.toThrow(
      /no such file/,
    );
  });

  it('rejects a wrong lock hash in one line naming the version, the source and both hashes, leaving no file', async () => {
    const cacheDir = tempDir();
    const wrong = { ...entry, sha256: '0'.repeat(64) };
    const error = await ensureSpec('2.11', wrong, { source: mirror, cacheDir }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain('spec 2.11');
    expect(message).toContain(mirrorFile(PINNED_COMMIT, '2.11'));
    expect(message).toContain('0'.repeat(64));
    expect(message).toContain(entry.sha256);
    expect(existsSync(cachePath(wrong, cacheDir))).toBe(false);
    const dir = dirname(cachePath(wrong, cacheDir));
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('reports a file missing from the mirror in one line', async () => {
    const missing = { ...entry, commit: 'deadbeef'.repeat(5) };
    const error = (await ensureSpec('2.11', missing, { source: mirror, cacheDir: tempDir() }).catch(
      (e: Error) => e,
    )) as Error;
    expect(error.message).toMatch(
      /^spec 2\.11: no such file in the mirror: .*deadbeef.*api\.intercom\.io\.yaml$/,
    );
  });

  it('reports an unreachable URL source in one line', async () => {
    const port = await closedPort();
    const source = { kind: 'url' as const, base: `http://127.0.0.1:${port}` };
    const error = (await ensureSpec('2.11', entry, { source, cacheDir: tempDir() }).catch(
      (e: Error) => e,
    )) as Error;
    expect(error.message).toBe(
      `spec 2.11: cannot reach http://127.0.0.1:${port}/${PINNED_COMMIT}/descriptions/2.11/api.intercom.io.yaml (ECONNREFUSED)`,
    );
  });
});

describe('spec sources', () => {
  it('defaults to the raw-file URL of the pinned commit on GitHub, or INTERCOM_OPENAPI_MIRROR (folder or URL)', async () => {
    const { locate, sourceFromEnv } = await import('../../src/descriptions/source.ts');
    const github = sourceFromEnv({});
    expect(locate(github, entry.repository, entry.commit, entry.path)).toBe(
      `https://raw.githubusercontent.com/intercom/Intercom-OpenAPI/${PINNED_COMMIT}/descriptions/2.11/api.intercom.io.yaml`,
    );
    expect(sourceFromEnv({ INTERCOM_OPENAPI_MIRROR: 'http://127.0.0.1:8080/mirror/' })).toEqual({
      kind: 'url',
      base: 'http://127.0.0.1:8080/mirror',
    });
    expect(sourceFromEnv({ INTERCOM_OPENAPI_MIRROR: MIRROR })).toEqual({ kind: 'dir', root: MIRROR });
  });
});
