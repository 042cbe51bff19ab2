import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lockedVersions, parseVersionList, readLock, type SpecLock } from '../../src/descriptions/lock.ts';
import { addVersion } from '../../src/descriptions/update.ts';
import {
  compareVersions,
  inRange,
  intercomVersionHeader,
  parseVersionRange,
  parseVersionSelection,
} from '../../src/descriptions/versions.ts';
import { sha256 } from '../../src/util/hash.ts';
import { packageRoot } from '../../src/util/paths.ts';
import { runCli } from '../helpers/cli.ts';
import { MIRROR, mirrorFile, PINNED_COMMIT, tempDir } from '../helpers/env.ts';

const LOCKED = ['2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '2.14', '2.15', '2.16', 'Preview'];

describe('version selections (--api-version, INTERCOM_CONFORMANCE_API_VERSIONS)', () => {
  it.each([
    ['2.11', ['2.11']],
    ['2.11,2.10', ['2.10', '2.11']],
    [' 2.10 , 2.11 ,2.10', ['2.10', '2.11']],
    ['2.10..2.16', ['2.10', '2.11', '2.12', '2.13', '2.14', '2.15', '2.16']],
    ['2.14..', ['2.14', '2.15', '2.16', 'Preview']],
    ['..2.8', ['2.7', '2.8']],
    ['2.16..Preview', ['2.16', 'Preview']],
    ['Preview,2.7', ['2.7', 'Preview']],
    ['all', LOCKED],
    ['2.9..2.10,2.12', ['2.9', '2.10', '2.12']],
  ])('%s → %j', (given, want) => {
    expect(parseVersionSelection(given, LOCKED)).toEqual(want);
  });

  it.each([
    ['', /^no API version given/],
    ['  ', /^no API version given/],
    ['2.10,,2.11', /^empty item in the API version list "2\.10,,2\.11"/],
    ['2.11..2.10', /is empty \(2\.11 comes after 2\.10\)/],
    ['..', /has no bounds/],
    ['2.10..2.11..2.12', /is not a version range/],
    [
      '1.0',
      /^unknown API version "1\.0" \(locked versions: 2\.7, 2\.8, .*, Preview; .*npm run spec:update -- --add 1\.0\)$/,
    ],
    ['latest', /^unknown API version "latest" \(locked versions: 2\.7, .*, Preview\)$/],
    ['2.10..2.99', /^unknown API version "2\.99"/],
    ['preview', /^unknown API version "preview"/],
  ])('%j is a one-line error', (given, want) => {
    expect(() => parseVersionSelection(given, LOCKED)).toThrow(want);
  });

  it('orders Preview after every numbered version, numbers numerically', () => {
    expect(['Preview', '2.10', '2.9', '2.16', '2.7'].sort(compareVersions)).toEqual([
      '2.7',
      '2.9',
      '2.10',
      '2.16',
      'Preview',
    ]);
    expect(lockedVersions()).toEqual(LOCKED);
    expect(parseVersionList('all')).toEqual(LOCKED);
  });

  it('an unlocked version that exists upstream says how to lock it (probe of a local mirror)', () => {
    const probe = { upstreamFile: (v: string) => mirrorFile(PINNED_COMMIT, v) };
    expect(() => parseVersionSelection('2.12', ['2.10', '2.11'], probe)).toThrow(
      /^API version "2\.12" is published upstream but not locked \(locked versions: 2\.10, 2\.11\); lock it with: npm run spec:update -- --add 2\.12$/,
    );
    expect(() => parseVersionSelection('2.99', ['2.10', '2.11'], probe)).toThrow(
      /^unknown API version "2\.99"/,
    );
  });

  it('quirk ranges include both ends; an open end reaches Preview', () => {
    expect(LOCKED.filter((v) => inRange(parseVersionRange('2.11..'), v))).toEqual(LOCKED.slice(4));
    expect(LOCKED.filter((v) => inRange(parseVersionRange('2.10..2.11'), v))).toEqual(['2.10', '2.11']);
    expect(LOCKED.filter((v) => inRange(parseVersionRange('Preview'), v))).toEqual(['Preview']);
  });
});

describe('the Intercom-Version header', () => {
  it('is the version key; for Preview it is "Preview", as the Preview description says (not its folder 0)', () => {
    const preview = parse(readFileSync(mirrorFile(PINNED_COMMIT, '0'), 'utf8')) as {
      components: { schemas: { intercom_version: { enum: string[]; default: string } } };
    };
    const schema = preview.components.schemas.intercom_version;
    expect(schema.default).toBe('Preview');
    expect(intercomVersionHeader('Preview')).toBe('Preview');
    for (const v of LOCKED) expect(schema.enum).toContain(intercomVersionHeader(v));
  });
});

describe('npm run spec:update -- --add <version>', () => {
  /** A temp copy of the mirror holding only some versions at the pinned commit. */
  function tempMirror(versions: string[]): string {
    const root = tempDir();
    for (const folder of versions) {
      const dir = join(root, PINNED_COMMIT, 'descriptions', folder);
      mkdirSync(dir, { recursive: true });
      copyFileSync(mirrorFile(PINNED_COMMIT, folder), join(dir, 'api.intercom.io.yaml'));
    }
    return root;
  }
  const base: SpecLock = {
    versions: { '2.10': readLock().versions['2.10']!, '2.11': readLock().versions['2.11']! },
  };

  it('locks a published version at the locked commit, in version order, with its real hash', async () => {
    const root = tempMirror(['2.10', '2.11', '2.9', '0']);
    const options = { source: { kind: 'dir' as const, root }, cacheDir: tempDir() };
    const withPreview = await addVersion(base, 'Preview', options);
    const both = await addVersion(withPreview, '2.9', options);
    expect(Object.keys(both.versions)).toEqual(['2.9', '2.10', '2.11', 'Preview']);
    expect(both.versions.Preview).toEqual({
      repository: 'intercom/Intercom-OpenAPI',
      commit: PINNED_COMMIT,
      path: 'descriptions/0/api.intercom.io.yaml',
      sha256: sha256(readFileSync(mirrorFile(PINNED_COMMIT, '0'))),
    });
    expect(both.versions['2.9']!.sha256).toBe(readLock().versions['2.9']!.sha256);
    expect(base.versions).not.toHaveProperty('2.9');
  });

  it.each([
    [
      '2.12',
      /^API version 2\.12 does not exist upstream at 8889625 \(no such file in the mirror: .*descriptions\/2\.12\/api\.intercom\.io\.yaml\)$/,
    ],
    ['2.11', /^API version 2\.11 is already locked$/],
    ['latest', /^"latest" is not an API version \(e\.g\. 2\.17 or Preview\)$/],
  ])('--add %s is a one-line error', async (version, want) => {
    const root = tempMirror(['2.10', '2.11']);
    await expect(
      addVersion(base, version, { source: { kind: 'dir', root }, cacheDir: tempDir() }),
    ).rejects.toThrow(want);
  });
});

describe('the CLI commands take versions through the one parser', () => {
  it.each([
    [
      ['run', '--api-version', ''],
      /^intercom-conformance run: --api-version needs at least one API version\n$/,
    ],
    [['run', '--api-version', '2.10..2.99'], /unknown API version "2\.99"/],
    [['mock', '--api-version', ','], /no API version given/],
    [['mock', '--api-version', '2.10..2.11'], /--api-version takes one version/],
  ])('%j is exit 2 with one line', async (argv, want) => {
    const out = await runCli(argv);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(want);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['--add', '2.11'], /^intercom-conformance: API version 2\.11 is already locked$/],
    [
      ['--add', '2.99'],
      /^intercom-conformance: API version 2\.99 does not exist upstream at 8889625 \(no such file in the mirror: /,
    ],
    [[], /^intercom-conformance: usage: npm run spec:update -- --to <commit> \| --add <version>$/],
  ])('npm run spec:update -- %j is one line, exit 2, and leaves the lock as it was', (args, want) => {
    const before = readFileSync(join(packageRoot, 'openapi', 'specs.lock.json'), 'utf8');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(packageRoot, 'scripts', 'update-lock.ts'), ...args],
      {
        cwd: packageRoot,
        // Never the network: the mirror beside the checkout.
        env: { ...process.env, INTERCOM_OPENAPI_MIRROR: MIRROR },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(want);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(packageRoot, 'openapi', 'specs.lock.json'), 'utf8')).toBe(before);
  });
});
