import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type MockServer, startMockServer } from '../../src/mock/index.ts';
import { packageRoot } from '../../src/util/paths.ts';
import { MIRROR, tempDir } from '../helpers/env.ts';

/**
 * The GitHub Actions recipes in examples/github-actions/ are executed, not just read: each job's `run:` steps
 * (all but `npm ci`) run through bash as the runner would (`bash -e`), in a temporary project, with `npx`
 * answering `intercom-conformance` with this checkout's bin and the secrets pointing at our mock on 127.0.0.1.
 * A command or flag that does not work fails its step, and so this test. Children are spawned asynchronously:
 * the mock answers from this process.
 */
const DIR = join(packageRoot, 'examples', 'github-actions');
const WORKFLOWS = readdirSync(DIR).filter((f) => f.endsWith('.yml'));

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Job {
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const load = (file: string) => parse(readFileSync(join(DIR, file), 'utf8')) as Workflow;

const TOKEN = 'tok_example_3c9e1f';
const SANDBOX_APP = 'sandbox_app_example';
let mock: MockServer;
let secrets: Record<string, string>;
const work = tempDir('ic-examples-');
const shims = join(work, 'bin');

beforeAll(async () => {
  mock = await startMockServer({ token: TOKEN, admin: { app: { id_code: SANDBOX_APP } } });
  secrets = {
    INTERCOM_SANDBOX_TOKEN: TOKEN,
    INTERCOM_SANDBOX_APP_ID: SANDBOX_APP,
    INTERCOM_TEST_TAG_ID: mock.state.tagCatalogue[0]!.id,
    INTERCOM_ADMIN_ID: String(mock.state.admin.id),
  };
  // `npx intercom-conformance …` → this checkout's bin; anything else npx is asked for is an error.
  mkdirSync(shims, { recursive: true });
  writeFileSync(
    join(shims, 'npx'),
    `#!/usr/bin/env bash
if [ "$1" != intercom-conformance ]; then echo "npx $1: not an intercom-conformance command" >&2; exit 127; fi
shift
exec "${process.execPath}" "${join(packageRoot, 'bin', 'intercom-conformance.mjs')}" "$@"
`,
  );
  chmodSync(join(shims, 'npx'), 0o755);
});
afterAll(async () => {
  await mock.close();
  rmSync(work, { recursive: true, force: true });
});

/** `${{ secrets.NAME }}` from the fake secrets; any other expression in an env value is refused. */
function resolveEnv(env: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => {
      const value = String(v).replace(/\$\{\{\s*secrets\.([A-Z0-9_]+)\s*\}\}/g, (_, name: string) => {
        if (!(name in secrets)) throw new Error(`unknown secret ${name}`);
        return secrets[name]!;
      });
      if (value.includes('${{')) throw new Error(`unsupported expression in ${k}: ${v}`);
      return [k, value];
    }),
  );
}

/** A child process to completion (bounded by `timeout`), without blocking the mock in this process. */
function exec(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 240_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('INTERCOM_') && !k.startsWith('VITEST') && k !== 'TEST') env[k] = v;
  return env;
}

const commandsOf = (script: string) =>
  script
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((l) => l.includes('intercom-conformance'))
    .map((l) => l.trim());

/** Runs a job's run steps in order (a failed step stops the job; `if: always()` steps still run). */
async function runJob(job: Job, project: string) {
  const summary = join(project, 'step-summary.md');
  writeFileSync(summary, '');
  const ran: Array<{ step: string; code: number; stderr: string }> = [];
  let failed = false;
  for (const step of job.steps) {
    if (!step.run || step.run.trim() === 'npm ci') continue;
    if (failed && !/always\(\)/.test(step.if ?? '')) continue;
    const r = await exec('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run], {
      cwd: project,
      env: {
        ...cleanEnv(),
        ...resolveEnv(job.env),
        ...resolveEnv(step.env),
        // Pointed at the mock, on loopback; the descriptions (for drift) from the offline mirror.
        INTERCOM_BASE_URL: mock.url,
        INTERCOM_OPENAPI_MIRROR: MIRROR,
        GITHUB_STEP_SUMMARY: summary,
        PATH: `${shims}:${process.env.PATH}`,
      },
    });
    const code = r.code;
    ran.push({ step: step.name ?? step.run, code, stderr: r.stderr });
    if (code !== 0) failed = true;
  }
  return { ran, summary: readFileSync(summary, 'utf8') };
}

describe('examples/github-actions', () => {
  it('holds the three recipes: replay on pull requests, live nightly, drift weekly', () => {
    expect(WORKFLOWS.sort()).toEqual(['nightly-live.yml', 'pull-request.yml', 'weekly-drift.yml']);
    expect(Object.keys(load('pull-request.yml').on)).toEqual(['pull_request']);
    expect(Object.keys(load('nightly-live.yml').on)).toContain('schedule');
    expect(Object.keys(load('weekly-drift.yml').on)).toContain('schedule');
    // Pull requests (also from forks) get no secrets: the replay must not need any.
    expect(readFileSync(join(DIR, 'pull-request.yml'), 'utf8')).not.toContain('secrets.');
    for (const file of WORKFLOWS) {
      const all = Object.values(load(file).jobs).flatMap((j) =>
        j.steps.flatMap((s) => commandsOf(s.run ?? '')),
      );
      expect(all.length, file).toBeGreaterThan(0);
    }
  });

  it('pull-request.yml: replays cassettes recorded from the mock, writes JUnit and the job summary', async () => {
    const job = load('pull-request.yml').jobs.replay!;
    const replay = job.steps
      .flatMap((s) => commandsOf(s.run ?? ''))
      .find((c) => c.includes('--target replay'))!;
    const versions = /--api-version (\S+)/.exec(replay)?.[1];
    const cassettes = /--cassettes (\S+)/.exec(replay)![1]!;
    const project = join(work, 'pull-request');
    mkdirSync(project, { recursive: true });
    // The cassettes the nightly job would have uploaded, recorded here from the mock.
    const record = await exec(
      process.execPath,
      [
        join(packageRoot, 'bin', 'intercom-conformance.mjs'),
        'run',
        '--target',
        'live',
        ...(versions ? ['--api-version', versions] : []),
        '--record',
        cassettes,
        '--report-dir',
        join(work, 'recording'),
      ],
      { cwd: project, env: { ...cleanEnv(), INTERCOM_ACCESS_TOKEN: TOKEN, INTERCOM_BASE_URL: mock.url } },
    );
    expect(record.code, record.stderr).toBe(0);
    const requestsBefore = mock.state.requests.length;
    const { ran, summary } = await runJob(job, project);
    expect(ran.filter((r) => r.code !== 0)).toEqual([]);
    expect(ran.length).toBeGreaterThanOrEqual(2);
    // A replay sends nothing to the target.
    expect(mock.state.requests.length).toBe(requestsBefore);
    expect(existsSync(join(project, 'reports', 'junit.xml'))).toBe(true);
    expect(summary).toContain(readFileSync(join(project, 'reports', 'summary.md'), 'utf8'));
    expect(summary.length).toBeGreaterThan(0);
  }, 300_000);

  it('nightly-live.yml: the live run with the sandbox guard satisfied writes (tag round trip) and restores, records cassettes', async () => {
    const job = load('nightly-live.yml').jobs.live!;
    expect(job.env?.INTERCOM_ALLOW_WRITES).toBe('1');
    expect(job.env?.INTERCOM_SANDBOX_APP_ID).toMatch(/secrets\./);
    const project = join(work, 'nightly');
    mkdirSync(project, { recursive: true });
    const writes = () => mock.state.requests.filter((r) => r.method !== 'GET' && r.status < 400).length;
    const before = writes();
    const { ran, summary } = await runJob(job, project);
    expect(ran.filter((r) => r.code !== 0)).toEqual([]);
    expect(writes()).toBeGreaterThan(before);
    expect(mock.state.tagChanges()).toEqual([]);
    const result = JSON.parse(readFileSync(join(project, 'reports', 'conformance.json'), 'utf8')) as {
      results: Array<{ checkId: string; outcome: string }>;
    };
    expect(result.results.filter((r) => r.checkId === 'tag-round-trip').map((r) => r.outcome)).toEqual([
      'pass',
      'pass',
    ]);
    expect(existsSync(join(project, 'reports', 'junit.xml'))).toBe(true);
    expect(readdirSync(join(project, 'cassettes')).length).toBeGreaterThan(0);
    expect(summary.length).toBeGreaterThan(0);
    // The token never lands in what the job uploads.
    for (const dir of ['reports', 'cassettes'])
      for (const f of readdirSync(join(project, dir)))
        expect(readFileSync(join(project, dir, f), 'utf8'), f).not.toContain(TOKEN);
  }, 300_000);

  it('weekly-drift.yml: drift of the pinned descriptions, in the job summary', async () => {
    const job = load('weekly-drift.yml').jobs.drift!;
    const project = join(work, 'drift');
    mkdirSync(project, { recursive: true });
    const { ran, summary } = await runJob(job, project);
    expect(ran.filter((r) => r.code !== 0)).toEqual([]);
    expect(summary).toMatch(/^## drift /m);
  }, 300_000);
});
