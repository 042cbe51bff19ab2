import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLock } from '../../src/descriptions/lock.ts';
import { packageRoot } from '../../src/util/paths.ts';
import { MIRROR, tempDir } from '../helpers/env.ts';

/**
 * The npm package as a user gets it: one `npm pack` of this checkout (prepack builds dist/ and generated/), one
 * `npm i -D <tarball>` into an empty project, then the CLI and the library used from there. Slow by nature
 * (one pack, one install): the timeouts are generous bounds, nothing here measures time.
 */
const LOCKED = Object.keys(readLock().versions);
const work = tempDir('ic-package-');
const consumer = join(work, 'consumer');
let files: string[] = [];

/** The environment of a user's shell: none of the repo's INTERCOM_CONFORMANCE_* settings, caches in the temp dir. */
function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('INTERCOM_') && !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST')
      env[k] = v;
  }
  return {
    ...env,
    HOME: work,
    XDG_CACHE_HOME: join(work, 'cache'),
    npm_config_update_notifier: 'false',
    INTERCOM_OPENAPI_MIRROR: MIRROR,
    ...extra,
  };
}

function sh(command: string, args: string[], cwd: string, env = userEnv(), timeout = 240_000) {
  const r: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const npx = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
  sh('npx', ['--no-install', 'intercom-conformance', ...args], consumer, userEnv(extra));
/** The same installed bin without npx's own start-up (for the many --help calls). */
const bin = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
  sh(
    process.execPath,
    [join(consumer, 'node_modules', '.bin', 'intercom-conformance'), ...args],
    consumer,
    userEnv(extra),
  );
const SLOW = 180_000;

beforeAll(() => {
  const pack = sh('npm', ['pack', '--json', '--pack-destination', work], packageRoot, {
    ...userEnv(),
    HOME: process.env.HOME, // npm's own cache: keep the machine's, so the install can be offline-friendly
  });
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = info!.files.map((f) => f.path).sort();
  sh('mkdir', ['-p', consumer], work);
  writeFileSync(
    join(consumer, 'package.json'),
    '{ "name": "consumer", "private": true, "type": "module" }\n',
  );
  const install = sh(
    'npm',
    ['i', '-D', join(work, info!.filename), '--prefer-offline', '--no-audit', '--no-fund'],
    consumer,
    { ...userEnv(), HOME: process.env.HOME },
  );
  expect(install.code, install.stderr).toBe(0);
}, 600_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it(
    'ships the built code, the generated artifacts of every locked version and the notices; no tests, scripts, CI or descriptions',
    () => {
      for (const f of [
        'bin/intercom-conformance.mjs',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/cli/main.js',
      ])
        expect(files).toContain(f);
      for (const v of LOCKED) {
        for (const name of ['validators.cjs', 'validators.quirks.cjs', 'operations.json', 'schema.d.ts'])
          expect(files).toContain(`generated/${v}/${name}`);
      }
      expect(files).toContain('generated/versions.d.ts');
      expect(files).toContain('openapi/specs.lock.json');
      expect(files).toContain('openapi/NOTICE-Intercom-OpenAPI.md');
      expect(files).toContain('README.md');
      const forbidden = files.filter(
        (f) =>
          /^(tests|scripts|\.ci|generated\/suites|\.cache|reports)\//.test(f) ||
          (f.startsWith('src/') && f !== 'src/validate/formats.cjs') ||
          /api\.intercom\.io\.ya?ml$/.test(f) ||
          /\.test\.|vitest\.|tsconfig/.test(f),
      );
      expect(forbidden).toEqual([]);
      expect(
        readFileSync(
          join(consumer, 'node_modules/intercom-conformance/openapi/NOTICE-Intercom-OpenAPI.md'),
          'utf8',
        ),
      ).toContain('Copyright (c) 2022 Intercom, Inc.');
    },
    SLOW,
  );

  it(
    'installs without vitest, tsx or openapi-typescript (run-time dependencies only)',
    () => {
      for (const dev of ['vitest', 'tsx', 'openapi-typescript', 'typescript'])
        expect(existsSync(join(consumer, 'node_modules', dev)), dev).toBe(false);
    },
    SLOW,
  );

  it(
    '`npx intercom-conformance run` on the embedded mock writes its four reports and exits 0',
    () => {
      const r = npx(['run', '--report-dir', 'reports']);
      expect(r.code, r.stderr).toBe(0);
      for (const f of ['conformance.json', 'junit.xml', 'summary.md', 'report.html'])
        expect(existsSync(join(consumer, 'reports', f)), f).toBe(true);
      const result = JSON.parse(readFileSync(join(consumer, 'reports', 'conformance.json'), 'utf8')) as {
        run: { target: string; apiVersions?: string[] };
        results: Array<{ apiVersion: string; outcome: string }>;
      };
      expect(result.run.target).toBe('mock');
      expect(new Set(result.results.map((x) => x.apiVersion))).toEqual(new Set(LOCKED));
      expect(result.results.filter((x) => x.outcome === 'pass').length).toBeGreaterThan(0);
      // Nothing written inside node_modules.
      expect(existsSync(join(consumer, 'node_modules/intercom-conformance/.cache'))).toBe(false);
    },
    SLOW,
  );

  it(
    '--help, --version and every command’s --help exit 0',
    () => {
      const help = npx(['--help']);
      expect(help.code, help.stderr).toBe(0);
      const commands = [...help.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
      expect(commands).toEqual(
        expect.arrayContaining(['run', 'mock', 'validate', 'diff', 'drift', 'report', 'generate']),
      );
      const version = bin(['--version']);
      expect(version.code).toBe(0);
      expect(version.stdout.trim()).toBe(
        `intercom-conformance ${(JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version}`,
      );
      for (const command of commands) {
        const r = bin([command, '--help']);
        expect(r.code, `${command} --help: ${r.stderr}`).toBe(0);
        expect(r.stdout).toContain(`usage: intercom-conformance ${command}`);
      }
    },
    SLOW,
  );

  it(
    '`import { startMockServer } from "intercom-conformance"` works from a plain .mjs file',
    () => {
      writeFileSync(
        join(consumer, 'mock.mjs'),
        `import { startMockServer } from 'intercom-conformance';
const mock = await startMockServer({ port: 0 });
const res = await fetch(mock.url + '/conversations', { headers: { authorization: 'Bearer test-token', 'intercom-version': '2.11' } });
console.log(JSON.stringify({ url: mock.url, status: res.status, type: (await res.json()).type }));
await mock.close();
`,
      );
      const r = sh(process.execPath, ['mock.mjs'], consumer);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { url: string; status: number; type: string };
      expect(out.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(out.status).toBe(200);
      expect(out.type).toBe('conversation.list');
    },
    SLOW,
  );

  it(
    'is typed: `tsc --noEmit` in the consumer accepts correct use and rejects wrong use',
    () => {
      writeFileSync(
        join(consumer, 'use.ts'),
        `import { createIntercomClient, type MockServer, type RunResult, startMockServer } from 'intercom-conformance';

const mock: MockServer = await startMockServer({ port: 0 });
// @ts-expect-error the mock's url is a string: the types are real, not any
const wrong: number = mock.url;
const client = createIntercomClient({ apiVersion: '2.11', token: 'test-token', baseUrl: mock.url });
const res = await client.GET('/conversations/{conversation_id}', { params: { path: { conversation_id: '1' } } });
// @ts-expect-error the generated paths type knows the operations of each version
await client.GET('/no-such-path');
const result: RunResult | undefined = undefined;
console.log(wrong, res.response.status, result);
await mock.close();
`,
      );
      writeFileSync(
        join(consumer, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            noEmit: true,
            // The consumer's Node types (a Node project has @types/node).
            typeRoots: [join(packageRoot, 'node_modules', '@types')],
            types: ['node'],
            skipLibCheck: true,
          },
          files: ['use.ts'],
        }),
      );
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      const r = sh(process.execPath, [tsc, '-p', '.'], consumer);
      expect(r.stdout + r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
    SLOW,
  );

  it(
    're-pinning: `generate --lock` writes validators (no openapi-typescript needed) to the user cache, which run then uses',
    () => {
      const version = LOCKED.at(-1)!;
      const lock = { versions: { [version]: readLock().versions[version]! } };
      writeFileSync(join(consumer, 'my.lock.json'), JSON.stringify(lock));
      const shipped = bin(['generate']);
      expect(shipped.code, shipped.stderr).toBe(0);
      expect(shipped.stdout).toContain('already carries');
      const gen = npx(['generate', '--lock', 'my.lock.json']);
      expect(gen.code, gen.stderr).toBe(0);
      const cache = join(work, 'cache', 'intercom-conformance', 'generated', version);
      expect(existsSync(join(cache, 'validators.cjs'))).toBe(true);
      expect(existsSync(join(cache, 'schema.d.ts'))).toBe(false);
      expect(gen.stderr).toContain('install openapi-typescript');
      const run = npx(['run', '--api-version', version, '--report-dir', 'reports-repinned'], {
        INTERCOM_CONFORMANCE_LOCK: join(consumer, 'my.lock.json'),
      });
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(
        readFileSync(join(consumer, 'reports-repinned', 'conformance.json'), 'utf8'),
      ) as {
        results: unknown[];
      };
      expect(result.results.length).toBeGreaterThan(0);
      // The run read the cache: without it, the re-pinned lock has nothing to validate with.
      sh('rm', ['-rf', join(work, 'cache')], work);
      const missing = bin(['run', '--api-version', version, '--report-dir', 'reports-missing'], {
        INTERCOM_CONFORMANCE_LOCK: join(consumer, 'my.lock.json'),
      });
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('intercom-conformance generate');
    },
    SLOW,
  );
});
