import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/mock/index.ts';
import { collect } from '../../src/run/collect.ts';
import { configFromEnv } from '../../src/run/config.ts';
import { RequestBudget } from '../../src/run/http.ts';
import { checkTransportSecurity } from '../../src/run/targets.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { runCli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/env.ts';
import { observeRun, timeless } from '../helpers/run.ts';

const SANDBOX = 'sandbox_app_123';
const CANARY = 'tok_canary_5f1c0a9e7b3d';
let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ token: CANARY, admin: { app: { id_code: SANDBOX } } });
});
afterAll(async () => {
  await mock.close();
});

const liveEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  INTERCOM_CONFORMANCE_TARGET: 'live',
  INTERCOM_ACCESS_TOKEN: CANARY,
  INTERCOM_BASE_URL: mock.url,
  INTERCOM_CONFORMANCE_API_VERSIONS: '2.11',
  ...extra,
});
const tagResults = (r: Awaited<ReturnType<typeof observeRun>>['result']) =>
  r.results
    .filter((x) => x.checkId === 'tag-round-trip')
    .map((x) => [x.operationId, x.outcome, x.reason ?? null]);
const stateResult = (r: Awaited<ReturnType<typeof observeRun>>['result']) => {
  const x = r.results.find((y) => y.checkId === 'state-round-trip')!;
  return [x.operationId, x.outcome, x.reason ?? null];
};
/** Writes the mock applied (a search is a POST that only reads; the 401 probes carry a bad token). */
const appliedWrites = () =>
  mock.state.requests.filter(
    (r) => r.method !== 'GET' && r.status < 400 && r.operationId !== 'searchConversations',
  ).length;

describe('the live target (tested against our mock on loopback)', () => {
  it('refuses to start without a token, in one line, before any test', async () => {
    expect(() => configFromEnv({ INTERCOM_CONFORMANCE_TARGET: 'live' })).toThrow(
      /^--target live needs INTERCOM_ACCESS_TOKEN/,
    );
    const run = await runCli(['run', '--target', 'live', '--report-dir', tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^intercom-conformance run: --target live needs INTERCOM_ACCESS_TOKEN .*\n$/);
  });

  it('refuses plain http to anything but loopback unless --allow-insecure', () => {
    expect(() => checkTransportSecurity('http://api.example.com', false)).toThrow(
      'refusing to send the access token over plain http to api.example.com (use https, or --allow-insecure)',
    );
    expect(() => checkTransportSecurity('http://127.0.0.1:4010', false)).not.toThrow();
    expect(() => checkTransportSecurity('http://api.example.com', true)).not.toThrow();
    expect(() => checkTransportSecurity('https://api.eu.intercom.io', false)).not.toThrow();
  });

  it('reads, and skips the writes with the reason when INTERCOM_ALLOW_WRITES is not set', async () => {
    const before = mock.state.requestCount;
    const { result } = await observeRun({}, liveEnv());
    expect(mock.state.requestCount).toBeGreaterThan(before);
    expect(result.run.target).toBe('live');
    const off = 'writes are off (set INTERCOM_ALLOW_WRITES=1 to run the tag and state round trips)';
    expect(tagResults(result)).toEqual([
      ['attachTagToConversation', 'skip', off],
      ['detachTagFromConversation', 'skip', off],
    ]);
    expect(stateResult(result)).toEqual(['manageConversation', 'skip', off]);
    expect(result.results.filter((r) => r.outcome === 'fail' || r.outcome === 'error')).toEqual([]);
  });

  it.each([
    [
      { INTERCOM_SANDBOX_APP_ID: 'production_app' },
      'GET /me shows app sandbox_app_123, not the sandbox INTERCOM_SANDBOX_APP_ID: no writes',
    ],
    [{}, 'INTERCOM_SANDBOX_APP_ID is not set: writes need the sandbox app id'],
    [{ INTERCOM_SANDBOX_APP_ID: SANDBOX }, 'INTERCOM_ADMIN_ID is not set: writes need an admin id'],
    [
      { INTERCOM_SANDBOX_APP_ID: SANDBOX, INTERCOM_TEST_TAG_ID: '1' },
      'INTERCOM_ADMIN_ID is not set: writes need an admin id',
    ],
  ])('guards writes: %j → both round trips skipped, nothing written', async (extra, reason) => {
    const writesBefore = appliedWrites();
    const { result } = await observeRun({}, liveEnv({ INTERCOM_ALLOW_WRITES: '1', ...extra }));
    expect(tagResults(result)[0]).toEqual(['attachTagToConversation', 'skip', reason]);
    expect(stateResult(result)).toEqual(['manageConversation', 'skip', reason]);
    expect(appliedWrites()).toBe(writesBefore);
  });

  it('without INTERCOM_TEST_TAG_ID only the tag round trip skips: the state round trip runs and restores', async () => {
    const writesBefore = appliedWrites();
    const { result } = await observeRun(
      {},
      liveEnv({
        INTERCOM_ALLOW_WRITES: '1',
        INTERCOM_SANDBOX_APP_ID: SANDBOX,
        INTERCOM_ADMIN_ID: String(mock.state.admin.id),
      }),
    );
    expect(tagResults(result)[0]).toEqual([
      'attachTagToConversation',
      'skip',
      'INTERCOM_TEST_TAG_ID is not set: the tag round trip needs a tag of the sandbox',
    ]);
    expect(stateResult(result)).toEqual(['manageConversation', 'pass', null]);
    // snooze, open, close, reopen: four writes, all undone
    expect(appliedWrites()).toBe(writesBefore + 4);
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('runs the tag round trip in the sandbox and leaves nothing attached', async () => {
    const tag = mock.state.tagCatalogue[0]!;
    const { result } = await observeRun(
      {},
      liveEnv({
        INTERCOM_ALLOW_WRITES: '1',
        INTERCOM_SANDBOX_APP_ID: SANDBOX,
        INTERCOM_TEST_TAG_ID: tag.id,
        INTERCOM_ADMIN_ID: String(mock.state.admin.id),
      }),
    );
    expect(tagResults(result)).toEqual([
      ['attachTagToConversation', 'pass', null],
      ['detachTagFromConversation', 'pass', null],
    ]);
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('restores the tags when detach fails: cleanup detaches again and the mock state proves it', async () => {
    const artifacts = loadArtifacts('2.11');
    let deletes = 0;
    const flaky: typeof fetch = async (input, init) => {
      const goodToken = new Headers(init?.headers).get('authorization') === `Bearer ${CANARY}`;
      if (init?.method === 'DELETE' && goodToken && deletes++ === 0)
        return new Response('<html>Service Unavailable</html>', {
          status: 503,
          headers: { 'content-type': 'text/html' },
        });
      return fetch(input, init);
    };
    const collected = await collect(artifacts, {
      settings: {
        baseUrl: mock.url,
        token: CANARY,
        timeoutMs: 5000,
        maxBodyBytes: 1 << 24,
        maxRequests: 500,
        maxRetries: 0,
        maxWaitMs: 0,
        fetch: flaky,
      },
      budget: new RequestBudget(500),
      maxPages: 2,
      retrieveSample: 3,
      writes: () => ({ allowed: true, adminId: String(mock.state.admin.id) }),
      pickTag: (conversation) => {
        const on = new Set(
          (conversation as { tags: { tags: Array<{ id: string }> } }).tags.tags.map((t) => t.id),
        );
        return mock.state.tagCatalogue.find((t) => !on.has(t.id))!.id;
      },
    });
    expect(collected.tags.skipped).toBeUndefined();
    expect(collected.tags.detach?.status).toBe(503);
    expect(collected.tags.cleanup).toMatchObject({ attempted: true, leftAttached: false });
    expect(collected.tags.cleanup?.exchange?.status).toBe(200);
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('records cassettes with the token and customer data scrubbed, and replays them offline to the same results', async () => {
    const dir = tempDir();
    const env = liveEnv({
      INTERCOM_ALLOW_WRITES: '1',
      INTERCOM_SANDBOX_APP_ID: SANDBOX,
      INTERCOM_TEST_TAG_ID: mock.state.tagCatalogue[2]!.id,
      INTERCOM_ADMIN_ID: String(mock.state.admin.id),
      INTERCOM_CONFORMANCE_API_VERSIONS: '2.10,2.11',
    });
    const recorded = await observeRun({ record: dir }, env);
    // Recorded answers hold masked customer data: no search is built on a masked value (a body token), so none
    // asks for "redacted" and fails; every check passes on what the cassette holds.
    expect(recorded.result.results.filter((r) => r.outcome === 'fail' || r.outcome === 'error')).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['2.10.json', '2.11.json']);
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text).not.toContain(CANARY);
      expect(text).toContain('redacted@example.com');
    }
    const replayed = await observeRun(
      {},
      {
        INTERCOM_CONFORMANCE_TARGET: 'replay',
        INTERCOM_CONFORMANCE_CASSETTES: dir,
        INTERCOM_CONFORMANCE_API_VERSIONS: '2.10,2.11',
      },
    );
    const strip = (r: typeof recorded.result) => ({
      ...timeless(r),
      run: { ...timeless(r).run, target: 'x' },
    });
    expect(strip(replayed.result)).toEqual(strip(recorded.result));
    expect(
      replayed.result.results
        .filter((r) => r.checkId === 'tag-round-trip' || r.checkId === 'state-round-trip')
        .map((r) => `${r.apiVersion} ${r.checkId} ${r.outcome}`),
    ).toEqual(
      ['2.10', '2.11'].flatMap((v) => [
        `${v} tag-round-trip pass`,
        `${v} tag-round-trip pass`,
        `${v} state-round-trip pass`,
      ]),
    );
  });
});
