import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.ts';
import type { RunResult } from '../../src/model/result.ts';
import { tempDir } from '../helpers/env.ts';
import { liveEnv, spawnCliAsync, startTarget, waitFor } from './helpers.ts';

/**
 * Ctrl-C in the middle of a live run (the real executable, against a slow mock on loopback): the suites stop,
 * remove the tag they had attached, and the command writes the reports marked partial and exits 130.
 */
let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function interruptMidTrip(
  send: (pid: number) => void,
  command?: string[],
  during: 'tags' | 'states' = 'tags',
) {
  mock = await startTarget(['slow'], { slowMs: 150 });
  const reports = tempDir('ic-interrupt-');
  const cli = spawnCliAsync(
    ['run', '--target', 'live', '--api-version', '2.11', '--report-dir', reports, '--retrieve-sample', '3'],
    liveEnv(mock.url, mock),
    { detached: !command, ...(command ? { command } : {}) },
  );
  const changed = () =>
    during === 'tags' ? mock!.state.tagChanges().length > 0 : mock!.state.stateChanges().length > 0;
  const reached = await waitFor(() => changed() || cli.child.exitCode !== null, 60_000);
  expect(
    reached && cli.child.exitCode === null,
    `the ${during === 'tags' ? 'tag was attached' : 'conversation was snoozed'} while the run went on\n${cli.stderr()}`,
  ).toBe(true);
  send(cli.child.pid!);
  const code = await cli.exited;
  // What a shell reports ($?): the exit code, or 128 + the signal that ended the process.
  const signal = cli.child.signalCode;
  const status = code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : -1);
  return { code, status, reports, stdout: cli.stdout(), stderr: cli.stderr() };
}

function report(dir: string): RunResult {
  return JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')) as RunResult;
}

describe('an interrupted run', () => {
  it('Ctrl-C (SIGINT to the whole process group): partial reports, the tag removed, exit 130', async () => {
    const run = await interruptMidTrip((pid) => process.kill(-pid, 'SIGINT'));
    expect(run.code, run.stderr).toBe(130);
    const result = report(run.reports);
    expect(result.run.partial).toBe(true);
    expect(result.results.filter((r) => r.checkId === 'tag-round-trip').length).toBe(2);
    for (const file of ['junit.xml', 'summary.md', 'report.html'])
      expect(existsSync(join(run.reports, file))).toBe(true);
    expect(readdirSync(run.reports).sort()).toEqual([
      'conformance.json',
      'junit.xml',
      'report.html',
      'summary.md',
    ]);
    expect(run.stderr).toContain(
      'interrupted by SIGINT: the reports hold partial results (run.partial: true)',
    );
    expect(mock!.state.tagChanges()).toEqual([]);
  });

  it('setsid timeout -s INT 300 npx intercom-conformance run …, then SIGINT to the group: every result kept, exit 130', async () => {
    // `timeout` passes the signal it gets on to the run and to the group, which the run is in too: the run gets
    // SIGINT two or three times (the kernel may merge some), and must not lose anything for the later ones.
    const run = await interruptMidTrip(
      (pid) => process.kill(-pid, 'SIGINT'),
      ['setsid', 'timeout', '-s', 'INT', '300', 'npx', 'intercom-conformance'],
    );
    // Our process exits 130; `sh -c` and npm in between report a child's 130 by ending on SIGINT themselves,
    // which the shell running the job reads as 130 too.
    expect(run.status, run.stderr).toBe(130);
    expect(run.stderr).toContain(
      'interrupted by SIGINT: the reports hold partial results (run.partial: true)',
    );
    const result = report(run.reports);
    expect(result.run.partial).toBe(true);
    expect(result.run.requestCount).toBeGreaterThan(0);
    // what was gathered before the signal is all there: /me, the list walk, and the tag round trip cleaned up
    const ops = new Set(result.results.map((r) => r.operationId));
    for (const op of ['identifyAdmin', 'listConversations', 'attachTagToConversation'])
      expect(ops.has(op), `${op} in ${[...ops].join(', ')}`).toBe(true);
    expect(result.results.every((r) => r.apiVersion === '2.11')).toBe(true);
    expect(mock!.state.tagChanges()).toEqual([]);
  });

  it('SIGTERM to the command alone: the same outcome, exit 143', async () => {
    const run = await interruptMidTrip((pid) => process.kill(pid, 'SIGTERM'));
    expect(run.code, run.stderr).toBe(143);
    expect(report(run.reports).run.partial).toBe(true);
    expect(mock!.state.tagChanges()).toEqual([]);
  });

  it('SIGINT to the command alone: the same outcome', async () => {
    const run = await interruptMidTrip((pid) => process.kill(pid, 'SIGINT'));
    expect(run.code, run.stderr).toBe(130);
    expect(report(run.reports).run.partial).toBe(true);
    expect(mock!.state.tagChanges()).toEqual([]);
  });

  it('Ctrl-C while the state round trip has the conversation snoozed: it is restored, the reports are partial, exit 130', async () => {
    const run = await interruptMidTrip((pid) => process.kill(-pid, 'SIGINT'), undefined, 'states');
    expect(run.code, run.stderr).toBe(130);
    const result = report(run.reports);
    expect(result.run.partial).toBe(true);
    const trip = result.results.find((r) => r.checkId === 'state-round-trip')!;
    expect(trip.outcome).toBe('error');
    expect(trip.reason).toMatch(/interrupted/);
    // The mock's own state proves the restoration, after the signal.
    expect(mock!.state.stateChanges()).toEqual([]);
    expect(mock!.state.tagChanges()).toEqual([]);
  });
});
