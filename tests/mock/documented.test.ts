import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Deviation, type MockServer, type QuirkId, startMockServer } from '../../src/mock/index.ts';
import { listedQuirks } from '../../src/mock/render/profile.ts';
import { classifyBody } from '../../src/quirks/classify.ts';
import { quirkAwareResponseTarget } from '../../src/quirks/target.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { schemaCoverage } from '../../src/validate/coverage.ts';
import { responseTarget, type SchemaFinding } from '../../src/validate/validate.ts';
import { call, findings, VERSIONS } from './helpers.ts';

/** The quirks a version's generated registry lists (empty for a version without quirk data). */
const listed = (version: string) => listedQuirks(loadArtifacts(version));

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ scenario: 'documented' });
});
afterAll(() => mock.close());

/** Where a finding points: for a missing property, the property itself. */
function findingPath(f: SchemaFinding): string {
  return f.keyword === 'required' ? `${f.instancePath}/${String(f.params.missingProperty)}` : f.instancePath;
}

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Strict findings vs tagged deviations: findings only under visible tags, and at least one under each. */
function checkExactly(found: SchemaFinding[], deviations: Deviation[]): void {
  const visible = deviations.filter((d) => d.schemaVisible);
  const stray = found.filter((f) => !visible.some((d) => under(findingPath(f), d.instancePath)));
  expect(stray).toEqual([]);
  const silent = visible.filter((d) => !found.some((f) => under(findingPath(f), d.instancePath)));
  expect(silent).toEqual([]);
}

/** Coverage: each invisible deviation is a property no schema describes. */
function checkInvisible(version: string, operationId: string, body: unknown, deviations: Deviation[]): void {
  const target = responseTarget(loadArtifacts(version), operationId, 200);
  const bundle = loadArtifacts(version).schemas()[target.media.validator]!;
  const { undocumented } = schemaCoverage(bundle, body);
  for (const d of deviations.filter((x) => !x.schemaVisible)) {
    const normalised = d.instancePath.replace(/\/\d+(?=\/|$)/g, '/*');
    expect(undocumented.some((u) => under(normalised, u))).toBe(true);
  }
}

/** The versions with quirk data today, and what the scenario shows in each. */
const EXPECTED: Record<string, QuirkId[]> = {
  '2.10': [
    'assignee-ids-as-strings',
    'list-conversations-schema',
    'nullable-allof',
    'nullable-ref',
    'per-page-as-string',
    'rating-all-null-fields',
  ],
  '2.11': [
    'assignee-ids-as-strings',
    'null-ai-agent',
    'null-conversation-rating',
    'null-first-contact-reply',
    'null-sla-applied',
    'null-statistics',
    'null-teammates',
    'nullable-allof',
    'nullable-ref',
    'pages-next-without-per-page',
    'per-page-as-string',
    'rating-all-null-fields',
    'topics-undefined',
  ],
};

describe.each(VERSIONS)('documented scenario, API %s', (version) => {
  const seen = new Set<QuirkId>();

  it('list pages deviate exactly where tagged', async () => {
    let path = '/conversations?per_page=25';
    for (let page = 0; page < 2; page++) {
      const reply = await call(mock.url, path, { version });
      expect(reply.status).toBe(200);
      const logged = mock.state.requests.at(-1)!;
      expect(logged.version).toBe(version);
      const deviations = logged.deviations ?? [];
      // A version without quirk data is served as documented by its own schemas: no deviation at all.
      expect(deviations.length > 0).toBe(listed(version).size > 0);
      expect(mock.state.deviationsFor('GET', path, version)).toEqual(deviations);
      checkExactly(findings(version, 'listConversations', 200, reply.body), deviations);
      checkInvisible(version, 'listConversations', reply.body, deviations);
      for (const d of deviations) seen.add(d.quirk);
      path = `/conversations?per_page=25&starting_after=${reply.body.pages.next.starting_after}`;
      if (listed(version).size === 0)
        expect(findings(version, 'listConversations', 200, reply.body)).toEqual([]);
    }
  });

  it('list items deviate as the same conversation retrieved (2.10 holds items to the conversation schema)', async () => {
    const reply = await call(mock.url, '/conversations?per_page=30', { version });
    reply.body.conversations.forEach((item: { id: string }, k: number) => {
      const own = mock.state
        .deviationsFor('GET', `/conversations/${item.id}`, version)
        .filter((d) => !d.instancePath.startsWith('/conversation_parts'));
      const inList = (mock.state.requests.at(-1)!.deviations ?? [])
        .filter((d) => d.instancePath.startsWith(`/conversations/${k}/`))
        .map((d) => ({ ...d, instancePath: d.instancePath.slice(`/conversations/${k}`.length) }));
      expect(inList.map((d) => [d.quirk, d.instancePath])).toEqual(own.map((d) => [d.quirk, d.instancePath]));
      if (version === '2.10') checkExactly(findings(version, 'retrieveConversation', 200, item), own);
    });
  });

  it('retrieved conversations deviate exactly where tagged', async () => {
    for (let i = 0; i < 40; i++) {
      const path = `/conversations/${mock.state.conversationId(i)}`;
      const reply = await call(mock.url, path, { version });
      expect(reply.status).toBe(200);
      const deviations = mock.state.requests.at(-1)!.deviations ?? [];
      checkExactly(findings(version, 'retrieveConversation', 200, reply.body), deviations);
      checkInvisible(version, 'retrieveConversation', reply.body, deviations);
      for (const d of deviations) seen.add(d.quirk);
    }
  });

  it('produces every quirk of the version, and only those its quirk registry lists', () => {
    const expected = EXPECTED[version];
    if (expected) expect([...seen].sort()).toEqual(expected);
    for (const quirk of seen) expect(listed(version)).toContain(quirk);
    if (listed(version).size === 0) expect([...seen]).toEqual([]);
  });
});

describe.each(VERSIONS)('the kit on the documented scenario, API %s', (version) => {
  it('classifies every strict finding as the known quirk the mock tagged there', async () => {
    const requests: Array<[string, string]> = [['listConversations', '/conversations?per_page=30']];
    for (let i = 0; i < 30; i++)
      requests.push(['retrieveConversation', `/conversations/${mock.state.conversationId(i)}`]);
    const quirks = new Set<string>();
    for (const [operationId, path] of requests) {
      const reply = await call(mock.url, path, { version });
      const deviations = mock.state.requests.at(-1)!.deviations ?? [];
      const classified = classifyBody(
        quirkAwareResponseTarget(loadArtifacts(version), operationId, 200),
        reply.body,
      );
      for (const f of classified) {
        const tag = deviations.find((d) => d.schemaVisible && under(findingPath(f), d.instancePath));
        expect({ path, at: findingPath(f), classification: f.classification, quirk: f.quirk?.id }).toEqual({
          path,
          at: findingPath(f),
          classification: 'known-quirk',
          quirk: tag?.quirk,
        });
        quirks.add(String(f.quirk?.id));
      }
    }
    if (listed(version).size > 0) expect(quirks.size).toBeGreaterThan(3);
    else expect([...quirks]).toEqual([]);
  });
});

describe('documented shapes', () => {
  it('shows the docs pages shapes: all-null rating, string per_page and ids, topic.list, null applied_by', async () => {
    const page = (await call(mock.url, '/conversations?per_page=20', { version: '2.11' })).body;
    expect(page.pages.per_page).toBe('20');
    const items = page.conversations;
    expect(items.some((c: { conversation_rating: unknown }) => c.conversation_rating === null)).toBe(true);
    expect(items).toContainEqual(
      expect.objectContaining({
        conversation_rating: {
          created_at: null,
          contact: { id: null, type: null },
          rating: null,
          remark: null,
          teammate: { id: null, type: null },
        },
      }),
    );
    expect(items.some((c: { admin_assignee_id: unknown }) => typeof c.admin_assignee_id === 'string')).toBe(
      true,
    );
    expect(items[0].topics).toMatchObject({ type: 'topic.list' });
    expect(
      items.some((c: { tags: { tags: Array<{ applied_by: unknown }> } }) =>
        c.tags.tags.some((t) => t.applied_by === null),
      ),
    ).toBe(true);
  });

  it('leaves /me and the tag endpoints conformant', async () => {
    const me = await call(mock.url, '/me');
    expect(findings('2.11', 'identifyAdmin', 200, me.body)).toEqual([]);
    expect(mock.state.requests.at(-1)!.deviations).toBeUndefined();
  });

  it('tags nothing in the conformant scenario', async () => {
    const plain = await startMockServer({ scenario: 'conformant' });
    try {
      const reply = await call(plain.url, '/conversations', { version: '2.11' });
      expect(reply.status).toBe(200);
      expect(plain.state.requests.at(-1)!.deviations).toBeUndefined();
      expect(plain.state.deviationsFor('GET', '/conversations', '2.11')).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
