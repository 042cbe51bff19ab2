import { describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.ts';
import { resolveOptions } from '../../src/mock/options/options.ts';
import { UserError } from '../../src/util/errors.ts';
import { call } from './helpers.ts';

const LOCKED = ['2.10', '2.11'];

describe('mock options', () => {
  it('fills in the defaults', () => {
    const o = resolveOptions({}, LOCKED);
    expect(o).toMatchObject({
      apiVersions: LOCKED,
      defaultVersion: '2.11',
      scenario: 'conformant',
      faults: [],
      seed: 1,
      conversations: 200,
      perPageOverflow: 'clamp',
      rateLimit: { limit: 10_000, windowSeconds: 10 },
      token: 'test-token',
      port: 0,
    });
    expect(o.now).toBe(resolveOptions({}, LOCKED).now);
    expect(resolveOptions({ scenario: 'faults' }, LOCKED).faults).toHaveLength(9);
  });

  it.each([
    [{ apiVersions: ['3.0'] }, 'unknown API version "3.0"'],
    [{ defaultVersion: '2.10', apiVersions: ['2.11'] }, 'default API version "2.10" is not served'],
    [{ conversations: 100_001 }, 'conversations must be an integer from 0 to 100000'],
    [{ seed: -1 }, 'seed must be an integer'],
    [{ faults: ['500'] }, 'faults are only produced by the "faults" scenario'],
    [{ scenario: 'faults', faults: ['boom'] }, 'unknown fault "boom"'],
    [{ tags: [{ id: 'x', name: 'X' }] }, 'a tag needs a digit-string id'],
    [{ tags: [] }, 'the tag catalogue is empty'],
    [{ token: 'has space' }, 'the token must be'],
    [{ rateLimit: { limit: 0, windowSeconds: 1 } }, 'rate limit must be an integer'],
  ])('%j is a one-line UserError', (options, message) => {
    expect(() => resolveOptions(options as never, LOCKED)).toThrow(UserError);
    expect(() => resolveOptions(options as never, LOCKED)).toThrow(message);
  });

  it('serves the configured admin, tag catalogue and log size', async () => {
    const mock = await startMockServer({
      admin: { id: '42', app: { id_code: 'sandbox1' } },
      tags: [{ id: '1', name: 'Only' }],
      requestLogLimit: 2,
    });
    try {
      const me = await call(mock.url, '/me');
      expect(me.body).toMatchObject({ id: '42', app: { id_code: 'sandbox1' } });
      await call(mock.url, '/me');
      await call(mock.url, '/nope');
      expect(mock.state.requests.map((r) => r.path)).toEqual(['/me', '/nope']);
      expect(mock.state.requestCount).toBe(3);
      expect(mock.state.tagCatalogue).toEqual([{ id: '1', name: 'Only' }]);
      const id = mock.state.conversationId(0);
      expect(
        (await call(mock.url, `/conversations/${id}/tags`, { method: 'POST', body: { id: 1, admin_id: 42 } }))
          .status,
      ).toBe(200);
      expect(mock.state.tagsOf(id)).toEqual(['1']);
    } finally {
      await mock.close();
    }
  });
});
