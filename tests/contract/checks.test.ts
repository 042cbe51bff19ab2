import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.ts';
import type { CheckContext } from '../../src/checks/types.ts';
import type { Collected } from '../../src/model/collected.ts';
import type { Exchange } from '../../src/model/exchange.ts';
import { loadArtifacts, type VersionArtifacts } from '../../src/validate/artifacts.ts';
import { conformingConversation211, listPage } from '../helpers/conversations.ts';

/** Each check on hand-made exchanges: the deviation it exists for is found, and a clean input passes. */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are reached into freely
type Body = Record<string, any>;
const NOW = 1_700_000_000;

function ex(operationId: string, body: unknown, extra: Partial<Exchange> = {}): Exchange {
  return {
    step: 'test',
    apiVersion: '2.11',
    operationId,
    request: {
      method: operationId.startsWith('attach') ? 'POST' : operationId.startsWith('detach') ? 'DELETE' : 'GET',
      url: '/x',
    },
    status: 200,
    headers: { 'content-type': 'application/json' },
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    ...(typeof body === 'string' ? {} : { body }),
    ...extra,
  };
}

function conv(overrides: Body = {}): Body {
  return { ...conformingConversation211(), ...overrides };
}

function collected(partial: Partial<Collected> = {}): Collected {
  return {
    apiVersion: '2.11',
    walk: [],
    walkTruncated: false,
    retrieves: [],
    errors401: [],
    tags: { skipped: 'not in this test' },
    ...partial,
  };
}

function withoutQuirk(artifacts: VersionArtifacts, id: string): VersionArtifacts {
  const q = artifacts.quirks()!;
  const registry = { ...q.registry, quirks: q.registry.quirks.filter((x) => x.id !== id) };
  return { ...artifacts, quirks: () => ({ ...q, registry }) };
}

function run(checkId: string, c: Collected, artifacts = loadArtifacts('2.11')) {
  const check = CHECKS.find((x) => x.id === checkId)!;
  const ctx: CheckContext = { apiVersion: '2.11', artifacts, collected: c, now: NOW, redact: (v) => v };
  return check.run(ctx);
}
const messages = (verdicts: ReturnType<typeof run>) =>
  verdicts.flatMap((v) => v.findings.map((f) => `${v.operationId} ${f.classification} ${f.message}`));

describe('the check registry', () => {
  it('has unique kebab-case ids and a summary for each', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.summary.length).toBeGreaterThan(10);
    }
  });
});

describe('transport checks', () => {
  it('status-documented flags an undocumented status and errors on a transport failure', () => {
    const c = collected({
      retrieves: [ex('retrieveConversation', conv(), { status: 418 })],
      error404: ex('retrieveConversation', {}, { status: undefined, error: 'timeout on GET /x' }),
    });
    const [v] = run('status-documented', c);
    expect(v!.findings.map((f) => f.message)).toEqual([
      'status 418 is not documented for retrieveConversation (documented: 200, 401, 403, 404)',
    ]);
    expect(v).toMatchObject({ outcome: 'error', reason: 'timeout on GET /x' });
  });

  it('content-type-json and body-parses flag an HTML 200', () => {
    const html = ex('retrieveConversation', '<html>oops</html>', {
      headers: { 'content-type': 'text/html' },
      parseError: 'Unexpected token <',
    });
    expect(messages(run('content-type-json', collected({ retrieves: [html] })))).toEqual([
      'retrieveConversation violation content-type is "text/html", not application/json',
    ]);
    expect(messages(run('body-parses', collected({ retrieves: [html] })))).toEqual([
      'retrieveConversation violation the body is not JSON (Unexpected token <)',
    ]);
    expect(
      messages(run('body-parses', collected({ retrieves: [ex('retrieveConversation', conv())] }))),
    ).toEqual([]);
  });
});

describe('schema', () => {
  it('classifies a documented quirk and keeps an unrelated violation', () => {
    const c = collected({
      retrieves: [ex('retrieveConversation', conv({ statistics: null, state: 'pending' }))],
    });
    expect(messages(run('schema', c))).toEqual(
      [
        'retrieveConversation violation /state must be equal to one of the allowed values',
        'retrieveConversation known-quirk /statistics must be object',
      ].sort((a, b) => (a.includes('violation') ? -1 : b.includes('violation') ? 1 : 0)),
    );
    const finding = run('schema', c)[0]!.findings.find((f) => f.instancePath === '/state')!;
    expect(finding).toMatchObject({
      keyword: 'enum',
      specPointer: '#/components/schemas/conversation/properties/state/enum',
      value: 'pending',
      request: { method: 'GET', url: '/x', status: 200 },
    });
  });
});

describe('semantic checks', () => {
  const snoozedClosed = conv({ state: 'snoozed', open: false, snoozed_until: NOW - 10 });
  it('state-invariants: snoozed ⇒ open and a future snoozed_until; closed ⇒ not open', () => {
    const c = collected({
      retrieves: [
        ex('retrieveConversation', snoozedClosed),
        ex('retrieveConversation', conv({ state: 'closed', open: true })),
      ],
    });
    expect(
      messages(run('state-invariants', c)).map((m) => m.replace(/conversation \d+/, 'conversation N')),
    ).toEqual([
      'retrieveConversation violation conversation N: state snoozed but open is false',
      'retrieveConversation violation conversation N: snoozed but snoozed_until 1699999990 is not in the future',
      'retrieveConversation violation conversation N: state closed but open is true',
    ]);
    const ok = collected({
      retrieves: [
        ex('retrieveConversation', conv({ state: 'snoozed', open: true, snoozed_until: NOW + 60 })),
      ],
    });
    expect(messages(run('state-invariants', ok))).toEqual([]);
  });

  it('state-invariants takes its rules from the snoozed-open quirk: without it, it skips', () => {
    const verdicts = run(
      'state-invariants',
      collected({ retrieves: [ex('retrieveConversation', snoozedClosed)] }),
      withoutQuirk(loadArtifacts('2.11'), 'snoozed-open'),
    );
    expect(verdicts.map((v) => v.outcome)).toEqual(['skip', 'skip', 'skip', 'skip']);
  });

  const part = (type: string) => ({
    type: 'conversation_part',
    id: '1',
    part_type: 'comment',
    body: 'x',
    created_at: 1,
    updated_at: 1,
    notified_at: 1,
    author: { type, id: '1' },
    attachments: [],
    redacted: false,
  });
  it("waiting-since: null iff the last reply is an admin's", () => {
    const parts = (type: string) => ({
      type: 'conversation_part.list',
      conversation_parts: [part('user'), part(type)],
      total_count: 2,
    });
    const c = collected({
      retrieves: [
        ex('retrieveConversation', conv({ conversation_parts: parts('admin'), waiting_since: NOW })),
        ex('retrieveConversation', conv({ conversation_parts: parts('user'), waiting_since: null })),
        ex('retrieveConversation', conv({ conversation_parts: parts('admin'), waiting_since: null })),
      ],
    });
    expect(
      messages(run('waiting-since', c)).map((m) => m.replace(/conversation \d+/, 'conversation N')),
    ).toEqual([
      `retrieveConversation violation conversation N: last reply by admin but waiting_since is ${NOW}`,
      'retrieveConversation violation conversation N: last reply by user but waiting_since is null',
    ]);
  });

  it('rating-range: 1–5 or null', () => {
    const rating = (r: unknown) =>
      conv({ conversation_rating: { ...conv().conversation_rating, rating: r } });
    const c = collected({
      retrieves: [
        ex('retrieveConversation', rating(0)),
        ex('retrieveConversation', rating(6)),
        ex('retrieveConversation', rating(null)),
        ex('retrieveConversation', rating(5)),
      ],
    });
    expect(messages(run('rating-range', c)).length).toBe(2);
  });

  it('parts-cap: no parts on list items, at most 500 on a retrieve with total_count kept; needs the quirk data', () => {
    const parts = (n: number, total: number) => ({
      type: 'conversation_part.list',
      conversation_parts: Array.from({ length: n }, () => part('admin')),
      total_count: total,
    });
    const page = listPage([conv()]);
    (page.conversations as Body[])[0]!.conversation_parts = parts(1, 1);
    const c = collected({
      walk: [ex('listConversations', page)],
      retrieves: [
        ex('retrieveConversation', conv({ conversation_parts: parts(501, 600) })),
        ex('retrieveConversation', conv({ conversation_parts: parts(400, 700) })),
      ],
    });
    expect(messages(run('parts-cap', c)).map((m) => m.replace(/(item|conversation) \d+/, '$1 N'))).toEqual([
      'listConversations violation list item N carries conversation_parts',
      'retrieveConversation violation conversation N: 501 parts returned, more than 500',
      'retrieveConversation violation conversation N: 501 parts returned of total_count 600',
      'retrieveConversation violation conversation N: 400 parts returned of total_count 700',
    ]);
    expect(
      run('parts-cap', c, withoutQuirk(loadArtifacts('2.11'), 'conversation-parts-cap')).map(
        (v) => v.outcome,
      ),
    ).toEqual(['skip', 'skip']);
  });

  it('plaintext: bodies without HTML', () => {
    const body = conv({ source: { ...conv().source, body: '<p>Hi</p>' } });
    expect(messages(run('plaintext', collected({ plaintext: ex('retrieveConversation', body) })))).toEqual([
      'retrieveConversation violation /source/body still contains HTML',
    ]);
    expect(
      messages(
        run(
          'plaintext',
          collected({
            plaintext: ex('retrieveConversation', conv({ source: { ...conv().source, body: 'Hi' } })),
          }),
        ),
      ),
    ).toEqual([]);
    expect(run('plaintext', collected())[0]!.outcome).toBe('skip');
  });
});

describe('pagination checks', () => {
  const page = (ids: string[], next: string | null, total: number, totalPages: number) => ({
    ...listPage(ids.map((id) => conv({ id }))),
    total_count: total,
    pages: {
      type: 'pages',
      page: 1,
      per_page: 150,
      total_pages: totalPages,
      ...(next ? { next: { page: 2, starting_after: next, per_page: 150 } } : {}),
    },
  });

  it('pagination: duplicates, totals and a chain that does not end', () => {
    const c = collected({
      walk: [
        ex('listConversations', page(['1', '2'], 'a', 4, 2)),
        ex('listConversations', page(['2', '3'], 'a', 4, 2)),
      ],
    });
    expect(messages(run('pagination', c))).toEqual([
      'listConversations violation conversation 2 appears twice in the walk',
      'listConversations violation the cursor chain repeats a cursor instead of ending',
      // An unfinished walk cannot count, but the totals must still fit each other.
      'listConversations violation total_pages 2 does not fit total_count 4 at per_page=150',
    ]);
    const ok = collected({
      walk: [
        ex('listConversations', page(['1', '2'], 'a', 3, 2)),
        ex('listConversations', page(['3'], null, 3, 2)),
      ],
    });
    expect(messages(run('pagination', ok))).toEqual([]);
    const wrongTotal = collected({
      walk: [
        ex('listConversations', page(['1', '2'], 'a', 5, 3)),
        ex('listConversations', page(['3'], null, 5, 3)),
      ],
    });
    expect(messages(run('pagination', wrongTotal))).toEqual([
      'listConversations violation total_count is 5 but the walk saw 3 conversations',
      'listConversations violation total_pages is 3 but the walk took 2 pages',
    ]);
  });

  it('per-page-cap records reject vs clamp, and flags more than 150', () => {
    const err = {
      type: 'error.list',
      request_id: null,
      errors: [{ code: 'parameter_invalid', message: 'per_page is too big' }],
    };
    const reject = run(
      'per-page-cap',
      collected({ perPageOverflow: ex('listConversations', err, { status: 400 }) }),
    )[0]!;
    expect(reject).toMatchObject({ findings: [], observations: { perPageOverflow: 'reject' } });
    const clamp = run(
      'per-page-cap',
      collected({
        perPageOverflow: ex(
          'listConversations',
          page(
            Array.from({ length: 150 }, (_, i) => String(i)),
            null,
            150,
            1,
          ),
        ),
      }),
    )[0]!;
    expect(clamp.observations).toEqual({ perPageOverflow: 'clamp' });
    expect(clamp.findings.map((f) => [f.classification, f.quirk?.id])).toEqual([
      ['known-quirk', 'per-page-cap'],
    ]);
    const over = run(
      'per-page-cap',
      collected({
        perPageOverflow: ex(
          'listConversations',
          page(
            Array.from({ length: 151 }, (_, i) => String(i)),
            null,
            151,
            1,
          ),
        ),
      }),
    )[0]!;
    expect(over.findings.map((f) => f.message)).toEqual([
      'per_page=151 returned 151 items, past the cap of 150',
    ]);
    const badError = run(
      'per-page-cap',
      collected({ perPageOverflow: ex('listConversations', { message: 'too big' }, { status: 400 }) }),
    )[0]!;
    expect(badError.findings.map((f) => f.classification)).toEqual(['violation']);
  });

  it('per-page-default: 20 passes, 150 is the per-page-default quirk, anything else a violation', () => {
    const withDefault = (perPage: unknown) =>
      collected({
        listDefault: ex('listConversations', {
          ...listPage([conv()]),
          total_count: 500,
          pages: { type: 'pages', page: 1, per_page: perPage, total_pages: 25 },
        }),
      });
    expect(run('per-page-default', withDefault(20))[0]!.findings).toEqual([]);
    expect(
      run('per-page-default', withDefault(150))[0]!.findings.map((f) => [f.classification, f.quirk?.id]),
    ).toEqual([['known-quirk', 'per-page-default']]);
    expect(run('per-page-default', withDefault(50))[0]!.findings.map((f) => f.message)).toEqual([
      'the default page size is 50, documented as 20 or 150',
    ]);
    const noQuirk = run(
      'per-page-default',
      withDefault(150),
      withoutQuirk(loadArtifacts('2.11'), 'per-page-default'),
    )[0]!;
    expect(noQuirk.findings.map((f) => f.classification)).toEqual(['violation']);
  });
});

describe('error and tag checks', () => {
  const errorList = {
    type: 'error.list',
    request_id: null,
    errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }],
  };
  it('error-401 and error-404 expect the status and an error.list', () => {
    expect(
      messages(
        run('error-401', collected({ errors401: [ex('listConversations', errorList, { status: 401 })] })),
      ),
    ).toEqual([]);
    expect(
      messages(
        run('error-401', collected({ errors401: [ex('listConversations', conv(), { status: 200 })] })),
      ),
    ).toEqual([
      'listConversations violation expected 401, got 200',
      'listConversations violation the error body\'s type is "conversation", not "error.list"',
    ]);
    expect(
      messages(
        run('error-404', collected({ error404: ex('retrieveConversation', errorList, { status: 404 }) })),
      ),
    ).toEqual([]);
  });

  const tag = { type: 'tag', id: '7', name: 'vip', applied_at: 1, applied_by: { type: 'admin', id: '1' } };
  const tagged = conv({ tags: { type: 'tag.list', tags: [tag] } });
  it('tag-round-trip: visible after attach, gone after detach; a tag left attached is reported by id', () => {
    const trip = (afterDetach: Body, cleanup?: Collected['tags']['cleanup']) =>
      collected({
        tags: {
          conversationId: '1',
          tagId: '7',
          attach: ex('attachTagToConversation', tag),
          afterAttach: ex('retrieveConversation', tagged),
          detach: ex('detachTagFromConversation', tag),
          afterDetach: ex('retrieveConversation', afterDetach),
          ...(cleanup ? { cleanup } : {}),
        },
      });
    expect(messages(run('tag-round-trip', trip(conv())))).toEqual([]);
    expect(messages(run('tag-round-trip', trip(tagged)))).toEqual([
      'detachTagFromConversation violation tag 7 still shows on conversation 1 after detach',
    ]);
    const left = run('tag-round-trip', trip(tagged, { attempted: true, leftAttached: true }))[1]!;
    expect(left).toMatchObject({
      outcome: 'error',
      reason: 'could not remove tag 7 from conversation 1: remove it by hand',
    });
    expect(run('tag-round-trip', collected())[0]).toMatchObject({
      outcome: 'skip',
      reason: 'not in this test',
    });
  });

  it('tag-echo: the tag returned is the tag requested', () => {
    const c = collected({
      tags: {
        conversationId: '1',
        tagId: '7',
        attach: ex('attachTagToConversation', { ...tag, id: '8' }),
        detach: ex('detachTagFromConversation', tag),
      },
    });
    expect(messages(run('tag-echo', c))).toEqual([
      'attachTagToConversation violation returned tag "8" instead of 7',
    ]);
  });
});
