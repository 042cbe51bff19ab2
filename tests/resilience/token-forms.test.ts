import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.ts';
import { tempDir } from '../helpers/env.ts';
import { type HostileServer, liveEnv, spawnCliAsync, startProxy, startTarget } from './helpers.ts';

/**
 * A short token (7 characters, with characters URL encoding changes) echoed back by a hostile server in every
 * encoding — in bodies, in an HTML error page and in headers — through a real `run --record`. The search
 * below does not reuse the scrubber's list of forms: it decodes every output (percent escapes, \u escapes,
 * hex runs, base64 and base64url runs at every offset) and looks for the token in what comes out.
 */
const SHORT_TOKEN = 'tK7/+q9';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const everyByte = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16)}`).join('');
const uEscaped = (s: string) =>
  [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/** Every form the server echoes, from the Authorization header it received. */
function echoes(header: string) {
  const token = header.replace(/^Bearer /, '');
  return {
    plain: header,
    url: encodeURIComponent(header),
    url_every_byte: everyByte(token),
    b64_bearer: b64(header),
    b64_token: b64(token),
    b64_basic: b64(`${token}:`),
    b64_json: b64(JSON.stringify({ token })),
    b64_prefix_1: b64(`x${token}y`),
    b64_prefix_2: b64(`xy${token}`),
    b64url_bearer: b64url(header),
    hex: hex(token),
    hex_upper: hex(token).toUpperCase(),
  };
}

/** Where the token can be read back out of a text, by decoding it every way; empty when it cannot. */
function recoverable(text: string, token: string): string[] {
  const found: string[] = [];
  const has = (label: string, decoded: string) => {
    if (decoded.includes(token)) found.push(label);
  };
  has('plain', text);
  has(
    'percent',
    text.replace(/(%[0-9a-f]{2})+/gi, (m) => Buffer.from(m.replace(/%/g, ''), 'hex').toString('latin1')),
  );
  has(
    '\\u',
    text.replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
  );
  for (const run of text.match(/[0-9a-f]{6,}/gi) ?? [])
    for (const shift of [0, 1])
      has(
        'hex',
        Buffer.from(
          run.slice(shift).replace(/.$/, (c) => ((run.length - shift) % 2 ? '' : c)),
          'hex',
        ).toString('latin1'),
      );
  for (const run of text.match(/[A-Za-z0-9+/_-]{6,}/g) ?? []) {
    const std = run.replace(/-/g, '+').replace(/_/g, '/');
    for (const shift of [0, 1, 2, 3])
      has('base64', Buffer.from(std.slice(shift), 'base64').toString('latin1'));
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let mock: MockServer;
let proxy: HostileServer;
let echoed = 0;

beforeAll(async () => {
  mock = await startTarget([], {}, { token: SHORT_TOKEN });
  proxy = await startProxy(mock.url, async (r, forward) => {
    const header = String(r.headers.authorization ?? '');
    if (header !== `Bearer ${SHORT_TOKEN}`) return forward();
    echoed++;
    const forms = echoes(header);
    const reply = await forward();
    const headers = {
      ...reply.headers,
      'x-echo': forms.b64_bearer,
      'retry-after': forms.b64_json,
      'content-type': `${reply.headers['content-type'] ?? 'application/json'}; echo=${forms.hex}`,
    };
    if (r.url.startsWith('/conversations/999999999999999'))
      return {
        status: 404,
        headers: { ...headers, 'content-type': 'text/html' },
        body: `<html><body><pre>${Object.values(forms).join('\n')}</pre></body></html>`,
      };
    if (!String(reply.headers['content-type']).includes('json')) return { ...reply, headers };
    const text = Buffer.from(reply.body as Buffer).toString('utf8');
    // every form as a property, plus the token JSON-escaped character by character (raw in the body text)
    const extra = Object.entries(forms)
      .map(([k, v]) => `${JSON.stringify(`echo_${k}`)}:${JSON.stringify(v)}`)
      .join(',');
    return { ...reply, headers, body: `{${extra},"echo_u":"${uEscaped(SHORT_TOKEN)}",${text.slice(1)}` };
  });
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
});

describe('the token in no form', () => {
  it('the decoder finds the token in every form the server echoes (it is a real search)', () => {
    const forms = echoes(`Bearer ${SHORT_TOKEN}`);
    for (const [name, form] of Object.entries(forms))
      expect(recoverable(`"${form}"`, SHORT_TOKEN), name).not.toEqual([]);
    expect(recoverable(`"${uEscaped(SHORT_TOKEN)}"`, SHORT_TOKEN)).not.toEqual([]);
  });

  it('a 7-character token echoed in every encoding: no report, cassette, log or output can give it back', async () => {
    const reports = tempDir('ic-forms-reports-');
    const cassettes = tempDir('ic-forms-cassettes-');
    const cli = spawnCliAsync(
      ['run', '--target', 'live', '--api-version', '2.11', '--report-dir', reports, '--record', cassettes],
      { ...liveEnv(proxy.url, mock), INTERCOM_ACCESS_TOKEN: SHORT_TOKEN },
    );
    await cli.exited;
    expect(echoed).toBeGreaterThan(10);
    const outputs: Record<string, string> = { stdout: cli.stdout(), stderr: cli.stderr() };
    for (const file of [...filesUnder(reports), ...filesUnder(cassettes)])
      outputs[file] = readFileSync(file, 'latin1');
    expect(Object.keys(outputs).length).toBe(2 + 4 + 1);
    const leaks = Object.entries(outputs).flatMap(([where, text]) =>
      recoverable(text, SHORT_TOKEN).map((how) => `${where}: ${how}`),
    );
    expect(leaks).toEqual([]);
    // the server did echo: the marker stands where each form was
    expect(outputs[join(cassettes, '2.11.json')]).toContain('[REDACTED]');
    expect(mock.state.tagChanges()).toEqual([]);
  }, 180_000);
});
