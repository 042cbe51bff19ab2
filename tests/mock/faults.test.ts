import { describe, expect, it } from 'vitest';
import {
  FAULT_IDS,
  type FaultId,
  type FaultOptions,
  type MockServer,
  startMockServer,
} from '../../src/mock/index.ts';
import { call, rawGet } from './helpers.ts';

const NOW = 1_800_000_000_000;

async function withFault(
  faults: FaultId[],
  faultOptions: FaultOptions,
  fn: (mock: MockServer) => Promise<void>,
): Promise<void> {
  const mock = await startMockServer({ scenario: 'faults', faults, faultOptions, clock: () => NOW });
  try {
    await fn(mock);
    // the server survives: /me (never faulted by default) and a healthy conversation endpoint still answer
    expect((await call(mock.url, '/me')).status).toBe(200);
  } finally {
    await mock.close();
  }
}

function isJson(bytes: Buffer | string): boolean {
  try {
    JSON.parse(bytes.toString());
    return true;
  } catch {
    return false;
  }
}

describe('faults scenario', () => {
  it('offers each fault on its own, by a stable id', () => {
    expect(FAULT_IDS).toEqual([
      '429',
      '500',
      '503',
      'html',
      'malformed-json',
      'truncated-json',
      'slow',
      'oversized',
      'reset',
    ]);
  });

  it('429: a storm with Retry-After and reset headers, then recovery; /me stays healthy', async () => {
    await withFault(['429'], { stormLength: 3, retryAfterSeconds: 2 }, async (mock) => {
      for (let i = 0; i < 3; i++) {
        const reply = await call(mock.url, '/conversations');
        expect(reply.status).toBe(429);
        expect(reply.body).toMatchObject({ type: 'error.list', errors: [{ code: 'rate_limit_exceeded' }] });
        expect(reply.headers).toMatchObject({
          'retry-after': '2',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(NOW / 1000 + 2),
        });
        expect((await call(mock.url, '/me')).status).toBe(200);
      }
      expect((await call(mock.url, '/conversations')).status).toBe(200);
      expect(mock.state.requests.filter((r) => r.fault === '429')).toHaveLength(3);
    });
  });

  it('500 and 503 answer error.list before the operation runs (a tag is not attached)', async () => {
    await withFault(['500', '503'], {}, async (mock) => {
      const id = mock.state.conversationId(0);
      const first = await call(mock.url, `/conversations/${id}/tags`, {
        method: 'POST',
        body: { id: '7522901', admin_id: mock.state.admin.id as string },
      });
      expect(first.status).toBe(500);
      expect(first.body).toMatchObject({ type: 'error.list', errors: [{ code: 'server_error' }] });
      const second = await call(mock.url, `/conversations/${id}`);
      expect(second.status).toBe(503);
      expect(second.body).toMatchObject({ type: 'error.list', errors: [{ code: 'service_unavailable' }] });
      expect(second.headers['retry-after']).toBe('1');
      expect(mock.state.tagsOf(id)).toEqual([]);
    });
  });

  it('every: n makes a fault intermittent, so that a retrying client succeeds', async () => {
    await withFault(['500'], { every: 2 }, async (mock) => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await call(mock.url, '/conversations?per_page=1')).status);
      expect(statuses).toEqual([500, 200, 500, 200, 500, 200]);
    });
  });

  it('times: n stops faulting after n faulted responses', async () => {
    await withFault(['503'], { times: 2 }, async (mock) => {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(mock.url, '/conversations?per_page=1')).status);
      expect(statuses).toEqual([503, 503, 200, 200]);
    });
  });

  it('html: a 200 with an HTML page; the operation did run', async () => {
    await withFault(['html'], {}, async (mock) => {
      const id = mock.state.conversationId(0);
      const reply = await call(mock.url, `/conversations/${id}/tags`, {
        method: 'POST',
        body: { id: '7522901', admin_id: mock.state.admin.id as string },
      });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.text).toMatch(/^<!DOCTYPE html>/);
      expect(isJson(reply.text)).toBe(false);
      expect(mock.state.tagsOf(id)).toEqual(['7522901']);
    });
  });

  it('malformed-json: a complete application/json body that is not JSON', async () => {
    await withFault(['malformed-json'], {}, async (mock) => {
      const reply = await rawGet(mock.url, '/conversations?per_page=2');
      expect(reply.status).toBe(200);
      expect(reply.headers?.['content-type']).toMatch(/^application\/json/);
      expect(Number(reply.headers?.['content-length'])).toBe(reply.bytes.length);
      expect(reply.error).toBeUndefined();
      expect(isJson(reply.bytes)).toBe(false);
    });
  });

  it('truncated-json: the body cut in the middle, with a Content-Length that matches the cut', async () => {
    const healthy = await startMockServer({ clock: () => NOW });
    const whole = (await rawGet(healthy.url, '/conversations?per_page=2')).bytes.toString();
    await healthy.close();
    await withFault(['truncated-json'], {}, async (mock) => {
      const reply = await rawGet(mock.url, '/conversations?per_page=2');
      expect(reply.status).toBe(200);
      expect(reply.error).toBeUndefined();
      expect(Number(reply.headers?.['content-length'])).toBe(reply.bytes.length);
      expect(isJson(reply.bytes)).toBe(false);
      expect(reply.bytes.length).toBe(Math.floor(whole.length / 2));
      expect(whole.startsWith(reply.bytes.toString())).toBe(true);
    });
  });

  it('slow: the response comes after slowMs, so a client with a shorter timeout gives up', async () => {
    await withFault(['slow'], { slowMs: 400, every: 2 }, async (mock) => {
      const timedOut = await fetch(`${mock.url}/conversations?per_page=1`, {
        headers: { Authorization: 'Bearer test-token' },
        signal: AbortSignal.timeout(50),
      }).then(
        () => 'answered',
        (e: Error) => e.name,
      );
      expect(timedOut).toBe('TimeoutError');
      // the next one is not faulted (every: 2)
      expect((await call(mock.url, '/conversations?per_page=1')).status).toBe(200);
      // a slow response arrives, complete, when the client waits
      const waited = await call(mock.url, '/conversations?per_page=1');
      expect(waited.status).toBe(200);
      expect(waited.body.conversations).toHaveLength(1);
    });
  });

  it('slow: closing the server does not wait for a pending slow response', async () => {
    const mock = await startMockServer({
      scenario: 'faults',
      faults: ['slow'],
      faultOptions: { slowMs: 600_000 },
    });
    const pending = call(mock.url, '/conversations').then(
      () => 'answered',
      () => 'failed',
    );
    while (mock.state.requestCount === 0) await new Promise((r) => setImmediate(r));
    await mock.close();
    expect(await pending).toBe('failed');
  });

  it('oversized: a 200 list page streamed past the size, far more items than per_page', async () => {
    await withFault(['oversized'], { oversizedBytes: 300_000 }, async (mock) => {
      const reply = await rawGet(mock.url, '/conversations?per_page=5');
      expect(reply.status).toBe(200);
      expect(reply.error).toBeUndefined();
      expect(reply.headers?.['content-length']).toBeUndefined();
      expect(reply.headers?.['transfer-encoding']).toBe('chunked');
      expect(reply.bytes.length).toBeGreaterThanOrEqual(300_000);
      const body = JSON.parse(reply.bytes.toString());
      expect(body.type).toBe('conversation.list');
      expect(body.conversations.length).toBeGreaterThan(150);
      expect(body.pages.per_page).toBe(body.conversations.length);
      // other operations are served normally under this fault
      expect((await call(mock.url, `/conversations/${mock.state.conversationId(1)}`)).status).toBe(200);
    });
  });

  it('reset: headers announce the whole body, half of it arrives, then the connection is reset', async () => {
    await withFault(['reset'], {}, async (mock) => {
      const reply = await rawGet(mock.url, `/conversations/${mock.state.conversationId(3)}`);
      expect(reply.status).toBe(200);
      expect(reply.error).toMatch(/ECONNRESET|aborted/);
      const announced = Number(reply.headers?.['content-length']);
      expect(reply.bytes.length).toBeLessThan(announced);
      expect(reply.bytes.length).toBeGreaterThan(0);
    });
  });

  it('several faults take turns', async () => {
    await withFault(['500', 'html', 'malformed-json'], {}, async (mock) => {
      const seen = [];
      for (let i = 0; i < 4; i++) {
        const reply = await call(mock.url, '/conversations?per_page=1');
        seen.push(reply.status === 500 ? '500' : reply.headers['content-type']!.toString().split(';')[0]);
      }
      expect(seen).toEqual(['500', 'text/html', 'application/json', '500']);
      expect(mock.state.requests.map((r) => r.fault)).toEqual(['500', 'html', 'malformed-json', '500']);
    });
  });

  it('scope: all faults /me too', async () => {
    const mock = await startMockServer({
      scenario: 'faults',
      faults: ['500'],
      faultOptions: { scope: 'all' },
    });
    try {
      expect((await call(mock.url, '/me')).status).toBe(500);
    } finally {
      await mock.close();
    }
  });
});
