import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/mock/index.ts';
import { answerSearch } from '../../src/search/index.ts';
import { call, findings, VERSIONS } from './helpers.ts';

/**
 * `POST /conversations/search` on the mock: for every locked version, every page strictly valid, and each query
 * returns exactly the conversations the list shows with the facts it asks for — the expectation is computed here
 * from a list walk of the same workspace (not from the search core, and not hard-coded).
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ scenario: 'conformant' });
});
afterAll(() => mock.close());

async function listAll(url: string, version: string): Promise<Json[]> {
  const items: Json[] = [];
  let path = '/conversations?per_page=150';
  for (let guard = 0; guard < 20; guard++) {
    const reply = await call(url, path, { version });
    expect(reply.status).toBe(200);
    items.push(...reply.body.conversations);
    const next = reply.body.pages.next?.starting_after;
    if (!next) return items;
    path = `/conversations?per_page=150&starting_after=${encodeURIComponent(next)}`;
  }
  throw new Error('the list walk did not end');
}

/** Every page of a search (bounded), each checked against the version's strict validator. */
async function searchAll(
  url: string,
  version: string,
  query: unknown,
  perPage = 20,
): Promise<{ ids: string[]; pages: Json[] }> {
  const pages: Json[] = [];
  let startingAfter: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const reply = await call(url, '/conversations/search', {
      method: 'POST',
      version,
      body: {
        query,
        pagination: { per_page: perPage, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(findings(version, 'searchConversations', 200, reply.body)).toEqual([]);
    pages.push(reply.body);
    startingAfter = reply.body.pages.next?.starting_after;
    if (!startingAfter) {
      const ids = pages.flatMap((p) => p.conversations.map((c: Json) => c.id));
      return { ids, pages };
    }
  }
  throw new Error('the search walk did not end');
}

/** The tokens of an HTML body, computed here independently of the search core. */
const tokens = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());

describe.each(VERSIONS)('search, API %s', (version) => {
  let listed: Json[] = [];
  beforeAll(async () => {
    listed = await listAll(mock.url, version);
    expect(listed).toHaveLength(200);
  });
  const idsWhere = (p: (c: Json) => boolean) => listed.filter(p).map((c) => c.id);

  it('finds by state: each state exactly as the list shows it, in list order, every page valid', async () => {
    for (const state of ['open', 'closed', 'snoozed']) {
      const { ids, pages } = await searchAll(mock.url, version, {
        field: 'state',
        operator: '=',
        value: state,
      });
      const want = idsWhere((c) => c.state === state);
      expect(want.length).toBeGreaterThan(0);
      expect(ids).toEqual(want);
      expect(pages[0].total_count).toBe(want.length);
      expect(pages[0].pages.total_pages).toBe(Math.ceil(want.length / 20));
      for (const p of pages) for (const c of p.conversations) expect(c.conversation_parts).toBeUndefined();
    }
  });

  it('finds by id (= and IN) and returns the list item as the list shows it', async () => {
    const picked = [listed[3], listed[57], listed[140]];
    const one = await searchAll(mock.url, version, { field: 'id', operator: '=', value: picked[0].id });
    expect(one.pages[0].conversations).toEqual([picked[0]]);
    const some = await searchAll(mock.url, version, {
      field: 'id',
      operator: 'IN',
      value: picked.map((c) => c.id),
    });
    expect(some.ids).toEqual(picked.map((c) => c.id));
  });

  it('finds a created_at window (AND of > and <) and an OR of tags', async () => {
    const times = listed.map((c) => c.created_at).sort((a: number, b: number) => a - b);
    const [lo, hi] = [times[40] + 1, times[120] - 1];
    const window = await searchAll(mock.url, version, {
      operator: 'AND',
      value: [
        { field: 'created_at', operator: '>', value: lo },
        { field: 'created_at', operator: '<', value: hi },
      ],
    });
    expect(window.ids).toEqual(idsWhere((c) => c.created_at >= lo && c.created_at <= hi));
    expect(window.ids.length).toBeGreaterThan(50);

    const [a, b] = mock.state.tagCatalogue.map((t) => t.id);
    const tagged = await searchAll(
      mock.url,
      version,
      {
        operator: 'OR',
        value: [
          { field: 'tag_ids', operator: '=', value: a },
          { field: 'tag_ids', operator: '=', value: b },
        ],
      },
      150,
    );
    const want = idsWhere((c) => c.tags.tags.some((t: Json) => t.id === a || t.id === b));
    expect(want.length).toBeGreaterThan(0);
    expect(tagged.ids).toEqual(want);
  });

  it('matches source.body per token: = on a whole word, ~ on part of one, case-insensitive', async () => {
    const exact = await searchAll(mock.url, version, { field: 'source.body', operator: '=', value: 'HEY' });
    const want = idsWhere((c) => tokens(c.source.body).includes('hey'));
    expect(want.length).toBeGreaterThan(0);
    expect(exact.ids).toEqual(want);
    // "he" is no token: = finds nothing, ~ finds the bodies with a token containing it ("Hey", "Hello", "there").
    const none = await searchAll(mock.url, version, { field: 'source.body', operator: '=', value: 'he' });
    expect(none.ids).toEqual([]);
    expect(none.pages[0].total_count).toBe(0);
    const part = await searchAll(mock.url, version, { field: 'source.body', operator: '~', value: 'he' });
    expect(part.ids).toEqual(idsWhere((c) => tokens(c.source.body).some((t) => t.includes('he'))));
    expect(part.ids.length).toBeGreaterThan(want.length);
  });
});

describe('search limits and pagination', () => {
  const filter = { field: 'state', operator: '=', value: 'open' };

  it('refuses a third level of nesting and a 16-filter group with an error.list, and accepts the limits', async () => {
    const deep = {
      operator: 'AND',
      value: [{ operator: 'OR', value: [{ operator: 'AND', value: [filter] }] }],
    };
    const wide = { operator: 'OR', value: Array.from({ length: 16 }, () => filter) };
    for (const query of [deep, wide]) {
      const reply = await call(mock.url, '/conversations/search', { method: 'POST', body: { query } });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ type: 'error.list', request_id: reply.headers['x-request-id'] });
      expect(reply.body.errors).toEqual([{ code: 'parameter_invalid', message: expect.any(String) }]);
    }
    const ok2 = {
      operator: 'AND',
      value: [{ operator: 'OR', value: Array.from({ length: 15 }, () => filter) }],
    };
    expect(
      (await call(mock.url, '/conversations/search', { method: 'POST', body: { query: ok2 } })).status,
    ).toBe(200);
  });

  it('answers bad bodies with one error.list each', async () => {
    const cases: Array<[unknown, number, string]> = [
      ['{not json', 400, 'bad_request'],
      [{}, 400, 'parameter_not_found'],
      [[], 400, 'parameter_invalid'],
      [{ query: { field: 'segment_id', operator: '=', value: 'x' } }, 400, 'invalid_field'],
      [{ query: { field: 'created_at', operator: '~', value: 'x' } }, 400, 'parameter_invalid'],
      [{ query: filter, pagination: { per_page: 0 } }, 400, 'parameter_invalid'],
      [{ query: filter, pagination: { starting_after: 'bm9wZQ' } }, 400, 'parameter_invalid'],
    ];
    for (const [body, status, code] of cases) {
      const reply = await call(mock.url, '/conversations/search', { method: 'POST', body });
      expect({ body, status: reply.status, code: reply.body.errors[0].code }).toEqual({ body, status, code });
      expect(reply.body.type).toBe('error.list');
    }
  });

  it('per_page over 150 behaves as on the list: clamped by default, refused with --per-page-overflow reject', async () => {
    const clampList = await call(mock.url, '/conversations?per_page=151');
    const clampSearch = await call(mock.url, '/conversations/search', {
      method: 'POST',
      body: { query: { field: 'id', operator: '!=', value: '0' }, pagination: { per_page: 151 } },
    });
    expect(clampSearch.status).toBe(clampList.status);
    expect(clampSearch.body.pages.per_page).toBe(clampList.body.pages.per_page);
    expect(clampSearch.body.conversations.length).toBe(150);

    const strict = await startMockServer({ perPageOverflow: 'reject' });
    try {
      const list = await call(strict.url, '/conversations?per_page=151');
      const search = await call(strict.url, '/conversations/search', {
        method: 'POST',
        body: { query: filter, pagination: { per_page: 151 } },
      });
      expect(list.status).toBe(400);
      expect(search.status).toBe(400);
      expect(search.body.errors[0].code).toBe(list.body.errors[0].code);
    } finally {
      await strict.close();
    }
  });

  it('serves the search core: pages equal answerSearch over the list walk (2.10 and 2.16)', async () => {
    for (const version of ['2.10', '2.16']) {
      const listed = await listAll(mock.url, version);
      const query = {
        operator: 'OR',
        value: [
          { field: 'state', operator: '=', value: 'snoozed' },
          { field: 'source.body', operator: '~', value: 'order' },
        ],
      };
      let startingAfter: string | undefined;
      for (let page = 0; page < 40; page++) {
        const body = {
          query,
          pagination: { per_page: 7, ...(startingAfter ? { starting_after: startingAfter } : {}) },
        };
        const core = answerSearch(body, listed, version);
        const served = await call(mock.url, '/conversations/search', { method: 'POST', version, body });
        expect(core.status).toBe(200);
        const { next: coreNext, ...corePages } = (core.body as Json).pages;
        const { next: servedNext, ...servedPages } = served.body.pages;
        expect(servedPages).toEqual(corePages);
        expect(served.body.total_count).toBe((core.body as Json).total_count);
        expect(served.body.conversations).toEqual((core.body as Json).conversations);
        expect(servedNext?.starting_after).toBe(coreNext?.starting_after);
        startingAfter = servedNext?.starting_after;
        if (!startingAfter) break;
      }
      expect(startingAfter).toBeUndefined();
    }
  });

  it('answers GET and HEAD on the search route with 405 and Allow: POST', async () => {
    for (const method of ['GET', 'HEAD']) {
      const reply = await call(mock.url, '/conversations/search', { method });
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe('POST');
    }
  });
});

describe('search under the documented scenario and faults', () => {
  it('documented: the list page deviations apply to search pages where the search response shares them', async () => {
    const doc = await startMockServer({ scenario: 'documented' });
    try {
      const body = { query: { field: 'state', operator: '=', value: 'closed' }, pagination: { per_page: 5 } };
      let seen = 0;
      for (const version of ['2.10', '2.11', '2.16']) {
        const reply = await call(doc.url, '/conversations/search', { method: 'POST', version, body });
        expect(reply.status).toBe(200);
        const deviations = doc.state.requests.at(-1)!.deviations ?? [];
        const visible = deviations.filter((d) => d.schemaVisible);
        const paths = new Set(
          findings(version, 'searchConversations', 200, reply.body).map((f) => f.instancePath),
        );
        // Every visible deviation is found by strict validation, and strict validation finds nothing else (a
        // missing property is reported at its parent: `required` at /pages/next for /pages/next/per_page).
        const near = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
        for (const d of visible) expect([...paths].some((p) => near(p, d.instancePath))).toBe(true);
        for (const p of paths) expect(visible.some((d) => near(p, d.instancePath))).toBe(true);
        const asString = deviations.some((d) => d.quirk === 'per-page-as-string');
        expect(typeof reply.body.pages.per_page).toBe(asString ? 'string' : 'number');
        seen += deviations.length;
      }
      expect(seen).toBeGreaterThan(0);
    } finally {
      await doc.close();
    }
  });

  it('faults: a 500 before the search runs, a reset mid-body, on the search and manage routes too', async () => {
    const faulty = await startMockServer({
      scenario: 'faults',
      faults: ['500'],
      faultOptions: { every: 1, times: 2 },
    });
    try {
      const search = await call(faulty.url, '/conversations/search', {
        method: 'POST',
        body: { query: { field: 'state', operator: '=', value: 'open' } },
      });
      expect(search.status).toBe(500);
      expect(search.body.type).toBe('error.list');
      const id = faulty.state.conversationId(0);
      const manage = await call(faulty.url, `/conversations/${id}/parts`, {
        method: 'POST',
        body: { message_type: 'close', type: 'admin', admin_id: String(faulty.state.admin.id) },
      });
      expect(manage.status).toBe(500);
      // The fault answered before the operation: nothing changed.
      expect(faulty.state.stateChanges()).toEqual([]);
      expect(faulty.state.requests.map((r) => [r.operationId, r.fault])).toEqual([
        ['searchConversations', '500'],
        ['manageConversation', '500'],
      ]);
    } finally {
      await faulty.close();
    }
  });
});
