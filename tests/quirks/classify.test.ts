import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../src/model/result.ts';
import { classifyBody } from '../../src/quirks/classify.ts';
import { quirkAwareResponseTarget } from '../../src/quirks/target.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { requestTarget, validateAgainst } from '../../src/validate/validate.ts';
import { conformingConversation211, conversation210, listPage } from '../helpers/conversations.ts';

// biome-ignore lint/suspicious/noExplicitAny: test bodies are reached into freely
type Body = Record<string, any>;
const classify = (version: string, operationId: string, body: unknown) =>
  classifyBody(quirkAwareResponseTarget(loadArtifacts(version), operationId, 200), body);
const summary = (findings: ReturnType<typeof classify>) =>
  findings.map((f) => [f.instancePath, f.classification, f.quirk?.id ?? null]);

const allNullRating = {
  rating: null,
  remark: null,
  created_at: null,
  contact: { id: null, type: null },
  teammate: { id: null, type: null, name: null, email: null },
};
const part = (assigned_to: unknown) => ({
  type: 'conversation_part',
  id: '1',
  part_type: 'comment',
  body: '<p>hi</p>',
  created_at: 1663597223,
  updated_at: 1663597223,
  notified_at: 1663597223,
  assigned_to,
  author: { type: 'admin', id: '1', name: 'A', email: 'a@example.com' },
  attachments: [],
  external_id: null,
  redacted: false,
});
const withParts = (c: Body, parts: unknown[]) => ({
  ...c,
  conversation_parts: {
    type: 'conversation_part.list',
    conversation_parts: parts,
    total_count: parts.length,
  },
});
const withTag = (c: Body, applied_by: unknown) => ({
  ...c,
  tags: {
    type: 'tag.list',
    tags: [{ type: 'tag', id: '9', name: 'vip', applied_at: 1663597223, applied_by }],
  },
});

/**
 * Each quirk, shown the way Intercom documents it, is a known quirk that names it; with the quirk's action
 * removed from its overlay the same finding would be a violation, so each row fails without its handling.
 */
describe.each([
  [
    '2.11',
    'retrieveConversation',
    'null-conversation-rating',
    (c: Body) => ({ ...c, conversation_rating: null }),
    ['/conversation_rating'],
  ],
  [
    '2.11',
    'retrieveConversation',
    'null-statistics',
    (c: Body) => ({ ...c, statistics: null }),
    ['/statistics'],
  ],
  [
    '2.11',
    'retrieveConversation',
    'null-teammates',
    (c: Body) => ({ ...c, teammates: null }),
    ['/teammates'],
  ],
  [
    '2.11',
    'retrieveConversation',
    'null-first-contact-reply',
    (c: Body) => ({ ...c, first_contact_reply: null }),
    ['/first_contact_reply'],
  ],
  [
    '2.11',
    'retrieveConversation',
    'null-sla-applied',
    (c: Body) => ({ ...c, sla_applied: null }),
    ['/sla_applied'],
  ],
  ['2.11', 'retrieveConversation', 'null-ai-agent', (c: Body) => ({ ...c, ai_agent: null }), ['/ai_agent']],
  [
    '2.11',
    'retrieveConversation',
    'rating-all-null-fields',
    (c: Body) => ({ ...c, conversation_rating: allNullRating }),
    [
      '/conversation_rating/contact/id',
      '/conversation_rating/contact/type',
      '/conversation_rating/created_at',
      '/conversation_rating/rating',
      '/conversation_rating/remark',
      '/conversation_rating/teammate/type',
    ],
  ],
  [
    '2.11',
    'retrieveConversation',
    'assignee-ids-as-strings',
    (c: Body) => ({ ...c, admin_assignee_id: '814860', team_assignee_id: '5017691' }),
    ['/admin_assignee_id', '/team_assignee_id'],
  ],
  ['2.11', 'retrieveConversation', 'topics-undefined', ({ topics: _t, ...c }: Body) => c, ['']],
  [
    '2.11',
    'retrieveConversation',
    'nullable-ref',
    (c: Body) => withParts(c, [part(null)]),
    ['/conversation_parts/conversation_parts/0/assigned_to'],
  ],
  [
    '2.11',
    'retrieveConversation',
    'nullable-allof',
    (c: Body) => withTag(c, null),
    ['/tags/tags/0/applied_by'],
  ],
  ['2.11', 'listConversations', 'per-page-as-string', (c: Body) => listPage([c], '20'), ['/pages/per_page']],
  [
    '2.11',
    'listConversations',
    'pages-next-without-per-page',
    (c: Body) => ({
      ...listPage([c]),
      pages: {
        type: 'pages',
        page: 1,
        per_page: 20,
        total_pages: 2,
        next: { page: 2, starting_after: 'WzE2NTg3NTk2MzAwMDAsNCwzXQ==' },
      },
    }),
    ['/pages/next'],
  ],
  [
    '2.10',
    'retrieveConversation',
    'rating-all-null-fields',
    (c: Body) => ({ ...c, conversation_rating: allNullRating }),
    [
      '/conversation_rating/contact/id',
      '/conversation_rating/contact/type',
      '/conversation_rating/created_at',
      '/conversation_rating/rating',
      '/conversation_rating/remark',
      '/conversation_rating/teammate/type',
    ],
  ],
  [
    '2.10',
    'retrieveConversation',
    'assignee-ids-as-strings',
    (c: Body) => ({ ...c, admin_assignee_id: '814860' }),
    ['/admin_assignee_id'],
  ],
  [
    '2.10',
    'retrieveConversation',
    'nullable-ref',
    (c: Body) => withParts(c, [part(null)]),
    ['/conversation_parts/conversation_parts/0/assigned_to'],
  ],
  [
    '2.10',
    'retrieveConversation',
    'nullable-allof',
    (c: Body) => withTag(c, null),
    ['/tags/tags/0/applied_by'],
  ],
] as const)('%s %s: %s', (version, operationId, quirk, mutate, paths) => {
  const base = version === '2.11' ? conformingConversation211() : conversation210();

  it('the base conforms', () => {
    expect(
      classify(version, operationId, operationId === 'listConversations' ? listPage([base]) : base),
    ).toEqual([]);
  });

  it('is a known quirk naming it, at exactly the documented places', () => {
    const findings = classify(version, operationId, mutate(structuredClone(base)));
    expect([...new Set(findings.map((f) => f.instancePath))].sort()).toEqual([...paths].sort());
    for (const f of findings) {
      expect(f.classification).toBe('known-quirk');
      expect(f.quirk?.id).toBe(quirk);
      expect(f.quirk?.source).toBeTruthy();
    }
    expect(verdictOf(findings)).toBe('known-quirk');
  });
});

describe('a quirk never hides a deviation it does not explain', () => {
  it('keeps an unrelated violation in the same response a violation', () => {
    const body = { ...conformingConversation211(), statistics: null, state: 'pending' };
    const findings = classify('2.11', 'retrieveConversation', body);
    expect(summary(findings)).toEqual([
      ['/state', 'violation', null],
      ['/statistics', 'known-quirk', 'null-statistics'],
    ]);
    expect(verdictOf(findings)).toBe('violation');
  });

  it('does not excuse a different deviation at a quirk-touched place', () => {
    const body = { ...conformingConversation211(), statistics: 'n/a', admin_assignee_id: 'abc' };
    expect(summary(classify('2.11', 'retrieveConversation', body))).toEqual([
      ['/admin_assignee_id', 'violation', null],
      ['/statistics', 'violation', null],
    ]);
  });

  it('does not excuse a missing required property other than topics', () => {
    const { topics: _t, id: _id, ...body } = conformingConversation211();
    const findings = classify('2.11', 'retrieveConversation', body);
    expect(findings.map((f) => [f.params.missingProperty, f.classification, f.quirk?.id ?? null])).toEqual([
      ['id', 'violation', null],
      ['topics', 'known-quirk', 'topics-undefined'],
    ]);
  });
});

describe('2.10 list-conversations-schema', () => {
  const page = (item: Body) => ({ ...conversation210ListPage(), conversations: [item] });
  function conversation210ListPage(): Body {
    const op = loadArtifacts('2.10').index.operations.listConversations!;
    return structuredClone(op.responses['200']!.content['application/json']!.examples.successful) as Body;
  }

  it('the strict reading cannot see inside conversations; the quirk-aware one validates items against the conversation schema, saying so', () => {
    const body = page({ ...conversation210(), state: 'pending' });
    const strictOnly = classifyBody(
      { ...quirkAwareResponseTarget(loadArtifacts('2.10'), 'listConversations', 200), overlaid: undefined },
      body,
    );
    expect(strictOnly).toEqual([]);
    const findings = classify('2.10', 'listConversations', body);
    expect(summary(findings)).toEqual([['/conversations/0/state', 'violation', null]]);
    expect(findings[0]).toMatchObject({
      reading: 'quirks',
      specPointer: '#/components/schemas/conversation/properties/state/enum',
    });
  });
});

describe('quirks that make the quirk-aware reading stricter or looser than the strict one', () => {
  it("custom-attributes-dangling: strict cannot see custom_attributes; the docs' shape can, and a string is a violation", () => {
    const body = { ...conformingConversation211(), custom_attributes: 'not an object' };
    const findings = classify('2.11', 'retrieveConversation', body);
    expect(summary(findings)).toEqual([['/custom_attributes', 'violation', null]]);
    expect(findings[0]!.reading).toBe('quirks');
    expect(
      classify('2.11', 'retrieveConversation', {
        ...conformingConversation211(),
        custom_attributes: { tier: 'gold', seats: 3, vip: true },
      }),
    ).toEqual([]);
  });

  it('tag-request-numeric-ids: the docs send numeric ids, which only the quirk-aware request schema accepts', () => {
    for (const version of ['2.10', '2.11']) {
      const artifacts = loadArtifacts(version);
      const strict = requestTarget(artifacts, 'attachTagToConversation');
      const overlaid = artifacts.quirks()!.validators[strict.media.validator]!;
      const docsExample = { id: 130, admin_id: 991267921 };
      expect(validateAgainst(strict, docsExample).map((f) => f.instancePath)).toEqual(['/admin_id', '/id']);
      expect(overlaid(docsExample)).toBe(true);
      expect(overlaid({ id: [], admin_id: '1' })).toBe(false);
    }
  });
});
