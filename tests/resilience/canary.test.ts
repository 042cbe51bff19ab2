import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.ts';
import { configFromEnv } from '../../src/run/config.ts';
import { runConformance } from '../../src/run/engine.ts';
import { tempDir } from '../helpers/env.ts';
import { CANARY_TOKEN, secretLeaks } from '../report/helpers.ts';
import { type HostileServer, liveEnv, spawnCliAsync, startProxy, startTarget } from './helpers.ts';

/**
 * The canary token across every output of a live run (the real executable, recording cassettes), against a
 * hostile server that echoes the Authorization header back — in a header, in every JSON body (plain and
 * base64), in a value a finding shows, and in an HTML error page. No file written and no line printed may
 * contain the token in any form (plain, URL-encoded, base64, Basic, JSON- or HTML-escaped).
 */
let mock: MockServer;
let proxy: HostileServer;

beforeAll(async () => {
  mock = await startTarget([], {}, { token: CANARY_TOKEN });
  let served = 0;
  proxy = await startProxy(mock.url, async (r, forward) => {
    const echoed = String(r.headers.authorization ?? '');
    const reply = await forward();
    const headers = { ...reply.headers, 'x-echo': echoed, 'retry-after': echoed };
    if (r.url.startsWith('/conversations/999999999999999'))
      return {
        status: 404,
        headers: { ...headers, 'content-type': 'text/html' },
        body: `<html><body><h1>Not found</h1><pre>Authorization: ${echoed}</pre></body></html>`,
      };
    if (!String(reply.headers['content-type']).includes('json')) return { ...reply, headers };
    const body = JSON.parse(Buffer.from(reply.body as Buffer).toString('utf8')) as Record<string, unknown>;
    body.echo = echoed;
    body.echo_b64 = Buffer.from(`${echoed.replace(/^Bearer /, '')}:`).toString('base64');
    if (/^\/conversations\/\d+$/.test(r.url) && served++ === 0) body.state = echoed.replace(/^Bearer /, '');
    return { ...reply, headers, body: JSON.stringify(body) };
  });
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
});

describe('the access token never leaks', () => {
  it('a full live run with --record against a server echoing it: no report, cassette or log holds it', async () => {
    const reports = tempDir('ic-canary-reports-');
    const cassettes = tempDir('ic-canary-cassettes-');
    const cli = spawnCliAsync(
      ['run', '--target', 'live', '--api-version', '2.11', '--report-dir', reports, '--record', cassettes],
      { ...liveEnv(proxy.url, mock), INTERCOM_ACCESS_TOKEN: CANARY_TOKEN },
    );
    const code = await cli.exited;
    expect(code, cli.stderr()).toBe(1); // the echoed state is a violation
    expect(readdirSync(reports).sort()).toEqual([
      'conformance.json',
      'junit.xml',
      'report.html',
      'summary.md',
    ]);
    expect(readdirSync(cassettes)).toEqual(['2.11.json']);
    const texts = { stdout: cli.stdout(), stderr: cli.stderr() };
    expect(secretLeaks(reports, CANARY_TOKEN, texts)).toEqual([]);
    expect(secretLeaks(cassettes, CANARY_TOKEN)).toEqual([]);
    // the hostile server really did echo it: the scrubbed marker is where the token was
    expect(readFileSync(join(reports, 'conformance.json'), 'utf8')).toContain(
      'Authorization: Bearer [REDACTED]',
    );
    expect(readFileSync(join(cassettes, '2.11.json'), 'utf8')).toContain('[REDACTED]');
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('a token put in the base URL by mistake is refused, and the message does not show it', async () => {
    const url = `${mock.url}/?access_token=${encodeURIComponent(CANARY_TOKEN)}`;
    const cli = spawnCliAsync(['run', '--target', 'live', '--report-dir', tempDir()], {
      ...liveEnv(url, mock),
      INTERCOM_ACCESS_TOKEN: CANARY_TOKEN,
    });
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toMatch(
      /^intercom-conformance run: the base URL http:\/\/127\.0\.0\.1:\d+\/… must not carry credentials, a query or a fragment: pass the token in INTERCOM_ACCESS_TOKEN\n$/,
    );
    expect(secretLeaks(tempDir(), CANARY_TOKEN, { stdout: cli.stdout(), stderr: cli.stderr() })).toEqual([]);
    const userinfo = `http://user:${encodeURIComponent(CANARY_TOKEN)}@127.0.0.1:1`;
    await expect(
      runConformance(configFromEnv({ ...liveEnv(userinfo, mock), INTERCOM_ACCESS_TOKEN: CANARY_TOKEN })),
    ).rejects.toThrow(/^the base URL http:\/\/127\.0\.0\.1:1\/… must not carry credentials/);
  });

  it('plain http to anything but loopback is refused before any request, unless --allow-insecure', async () => {
    const cli = spawnCliAsync(['run', '--target', 'live', '--report-dir', tempDir()], {
      ...liveEnv('http://api.example.com', mock),
    });
    expect(await cli.exited).toBe(2);
    expect(cli.stderr()).toBe(
      'intercom-conformance run: refusing to send the access token over plain http to api.example.com (use https, or --allow-insecure)\n',
    );
  });
});
