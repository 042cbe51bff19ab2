import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.ts';
import { writeReports } from '../../src/report/index.ts';
import type { RunConfig } from '../../src/run/config.ts';
import { tempDir } from '../helpers/env.ts';
import {
  type HostileServer,
  type LiveRun,
  type ProxyReply,
  resultKeys,
  runLive,
  startProxy,
  startTarget,
  TOKEN,
} from './helpers.ts';

/**
 * Hostile bodies, served by a loopback proxy in place of the first retrieve of a live run: each is a finding
 * or an error with its cause — never a crash — the run completes, and the reports are written.
 */
let mock: MockServer;
let completeKeys: string[];
const proxies: HostileServer[] = [];

beforeAll(async () => {
  mock = await startTarget();
  const passThrough = await startProxy(mock.url, (_r, forward) => forward());
  proxies.push(passThrough);
  completeKeys = resultKeys((await runLive(passThrough.url, mock, { concurrency: 1 })).result);
});
afterAll(async () => {
  for (const p of proxies) await p.close();
  await mock.close();
});

type Hostile = (original: ProxyReply) => ProxyReply;
const json = (body: ProxyReply['body']): ProxyReply => ({
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body,
});
/** The original body with `insert` put right after its opening brace. */
const inserting =
  (insert: Buffer | string): Hostile =>
  (original) =>
    json(
      Buffer.concat([
        Buffer.from('{'),
        Buffer.from(insert),
        Buffer.from(original.body as Buffer).subarray(1),
      ]),
    );

async function serving(
  hostile: Hostile,
  overrides: Partial<RunConfig> = {},
): Promise<LiveRun & { id: string; proxy: HostileServer }> {
  let id = '';
  const proxy = await startProxy(mock.url, async (r, forward) => {
    const m = /^\/conversations\/(\d+)$/.exec(r.url);
    if (id !== '' || !m || r.method !== 'GET' || r.headers.authorization !== `Bearer ${TOKEN}`)
      return forward();
    id = m[1]!;
    return hostile(await forward());
  });
  proxies.push(proxy);
  const run = await runLive(proxy.url, mock, { concurrency: 1, ...overrides });
  expect(resultKeys(run.result), 'the run completed').toEqual(completeKeys);
  const reports = tempDir('ic-hostile-');
  expect(await writeReports(run.result, reports, { secrets: [TOKEN], schemaExcerpt: false })).toHaveLength(4);
  expect(existsSync(join(reports, 'conformance.json'))).toBe(true);
  expect(mock.state.tagChanges()).toEqual([]);
  return { ...run, id, proxy };
}

const bodyParses = (run: LiveRun) =>
  run.result.results.find((r) => r.checkId === 'body-parses' && r.operationId === 'retrieveConversation')!;
const messages = (run: LiveRun) => bodyParses(run).findings.map((f) => `${f.instancePath} ${f.message}`);

describe('hostile bodies are findings, not crashes', () => {
  it('JSON nested 100,000 deep: not parsed (the readers after it recurse), an error with the cause', async () => {
    const run = await serving(() => json(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    expect(bodyParses(run)).toMatchObject({
      outcome: 'error',
      reason: `JSON nested deeper than 512 levels (not parsed) on GET /conversations/${run.id}`,
    });
    expect(messages(run)).toEqual([
      '/0/0/0/0/0/0/0/0 the body is nested deeper than 512 levels (from /0/0/0/0/0/0/0/0/…): not parsed',
    ]);
  });

  it('a 50 MB page: an error "body larger than …", read no further than the limit', async () => {
    const chunk = 'x'.repeat(1 << 20);
    const run = await serving(
      () =>
        json(function* () {
          yield '{"type":"conversation","id":"1","pad":"';
          for (let i = 0; i < 50; i++) yield chunk;
          yield '"}';
        }),
      // No timeout and no retry can come first: a timed-out attempt retried would read the healthy body and
      // pass (what made this test pass quiet and fail under load). The limit alone must end the read.
      { timeoutMs: 120_000, maxRetries: 0 },
    );
    expect(bodyParses(run)).toMatchObject({
      outcome: 'error',
      reason: `body larger than 20971520 bytes on GET /conversations/${run.id}`,
    });
    expect(run.proxy.bytesWritten()).toBeLessThan(40 * 1024 * 1024);
  });

  it('invalid UTF-8: a finding with the byte offset (the body is read leniently)', async () => {
    const run = await serving(inserting(Buffer.from([0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x2c])));
    expect(bodyParses(run).outcome).toBe('fail');
    expect(messages(run)).toEqual([' the body is not valid UTF-8 (invalid UTF-8 at byte 6)']);
  });

  it('duplicate keys: a finding naming the key and the object (JSON.parse silently keeps the last)', async () => {
    const run = await serving(inserting('"state":"bogus",'));
    expect(messages(run)).toEqual([
      ' key "state" appears more than once in the object at (root): parsers disagree on which value counts (JSON.parse keeps the last)',
    ]);
  });

  it('__proto__ and constructor keys: findings, handled as data, no prototype pollution', async () => {
    const run = await serving(
      inserting('"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},'),
    );
    expect(messages(run)).toEqual([
      '/__proto__ /__proto__ is a "__proto__" key: kept as data, never as an object prototype',
      '/constructor /constructor is a "constructor" key: kept as data, never as an object prototype',
      '/constructor/prototype /constructor/prototype is a "prototype" key: kept as data, never as an object prototype',
    ]);
    const retrieve = run.exchanges.find((e) => e.step === 'retrieve' && e.request.url.endsWith(run.id))!;
    expect(Object.hasOwn(retrieve.body as object, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(retrieve.body)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('integers beyond 2^53 as ids: a finding naming the path and the exact digits', async () => {
    const run = await serving(inserting('"legacy_id":9007199254740993,"import_id":-12345678901234567890,'));
    expect(messages(run)).toEqual([
      '/legacy_id /legacy_id is the integer 9007199254740993, beyond 2^53: JavaScript reads it as 9007199254740992',
      '/import_id /import_id is the integer -12345678901234567890, beyond 2^53: JavaScript reads it as -12345678901234567000',
    ]);
  });
});
