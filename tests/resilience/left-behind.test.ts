import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.ts';
import { readRunResult, writeReports } from '../../src/report/index.ts';
import { configFromEnv } from '../../src/run/config.ts';
import { emptyRunResult } from '../../src/run/partial.ts';
import { tempDir } from '../helpers/env.ts';
import { type HostileServer, liveEnv, spawnCliAsync, startProxy, startTarget, TOKEN } from './helpers.ts';

/** What the command prints and writes when the sandbox could not be restored, and when nothing ran at all. */
let mock: MockServer;
let proxy: HostileServer;

beforeAll(async () => {
  mock = await startTarget();
  proxy = await startProxy(mock.url, async (r, forward) =>
    r.method === 'DELETE' && r.headers.authorization === `Bearer ${TOKEN}`
      ? { status: 503, headers: { 'content-type': 'application/json' }, body: '{}' }
      : forward(),
  );
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
});

describe('a tag the run could not remove', () => {
  it('is printed, with the tag and the conversation, and is an error in the reports', async () => {
    const reports = tempDir('ic-left-');
    const cli = spawnCliAsync(
      ['run', '--target', 'live', '--api-version', '2.11', '--report-dir', reports, '--max-retries', '1'],
      liveEnv(proxy.url, mock, { INTERCOM_CONFORMANCE_BACKOFF_MS: '10' }),
    );
    // a tag left in the workspace fails the run (it used to exit 0)
    expect(await cli.exited, cli.stderr()).toBe(1);
    const [left] = mock.state.tagChanges();
    expect(left?.added).toHaveLength(1);
    const reason = `could not remove tag ${left!.added[0]} from conversation ${left!.conversationId}: remove it by hand`;
    expect(cli.stderr()).toContain(`intercom-conformance run: LEFT IN THE WORKSPACE: API 2.11: ${reason}\n`);
    const result = readRunResult(join(reports, 'conformance.json'));
    expect(
      result.results.find(
        (r) => r.checkId === 'tag-round-trip' && r.operationId === 'detachTagFromConversation',
      ),
    ).toMatchObject({ outcome: 'error', reason });
    // in every report
    for (const file of ['summary.md', 'junit.xml', 'report.html'])
      expect(readFileSync(join(reports, file), 'utf8'), file).toContain(reason);
    expect(cli.stderr()).toMatch(/exit 1 \(--fail-on error\): .*1 left in the workspace/);
  });
});

describe('a run interrupted before any suite wrote its part', () => {
  it('still gets valid reports, marked partial, with no results', async () => {
    const dir = tempDir('ic-empty-');
    const config = configFromEnv({ INTERCOM_CONFORMANCE_API_VERSIONS: '2.11' });
    await writeReports(emptyRunResult(config, new Date().toISOString()), dir, { schemaExcerpt: false });
    const result = readRunResult(join(dir, 'conformance.json'));
    expect(result.run.partial).toBe(true);
    expect(result.results).toEqual([]);
  });
});
