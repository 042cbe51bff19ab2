import { describe, expect, it } from 'vitest';
import { diffDescriptions } from '../../src/diff/index.ts';
import type { Change, DiffReport } from '../../src/diff/model.ts';
import { registeredQuirkTargets } from '../../src/diff/quirk-targets.ts';
import { COMMITS, mirrorDoc } from './helpers.ts';

/**
 * Every consecutive pair of the pinned descriptions (all at 8889625a; Preview is `descriptions/0`), with
 * the expectations read off the YAML files by hand: the wire changes a running client meets are `breaking`,
 * the descriptions describing themselves are outside it.
 */
const PATH: Record<string, string> = { Preview: '0' };
const doc = (v: string) => mirrorDoc(PATH[v] ?? v, COMMITS.newest);

function diff(a: string, b: string): DiffReport {
  return diffDescriptions(doc(a), doc(b), {
    quirkTargets: [...registeredQuirkTargets(a, 'old'), ...registeredQuirkTargets(b, 'new')],
  });
}

const breaking = (r: DiffReport) =>
  r.changes
    .filter((c) => c.class === 'wire' && c.severity === 'breaking')
    .map((c) => `${c.operationId} ${c.ruleId} ${c.property ?? ''}`.trim())
    .sort();

const find = (r: DiffReport, ruleId: string, operationId: string, property?: string): Change | undefined =>
  r.changes.find(
    (c) =>
      c.ruleId === ruleId &&
      c.operationId === operationId &&
      (property === undefined || c.property === property),
  );

const VERSIONS = ['2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '2.14', '2.15', '2.16', 'Preview'];
const PAIRS = VERSIONS.slice(1).map((b, i) => [VERSIONS[i]!, b] as const);

describe('every consecutive pair of the pinned descriptions', () => {
  it.each(PAIRS)("%s → %s: the Intercom-Version header's own default and enum are artefacts", (a, b) => {
    const r = diff(a, b);
    const header = r.changes.filter((c) => c.args.name === 'Intercom-Version');
    // the default moves with every file (7 covered operations)
    expect(header.filter((c) => c.ruleId === 'parameter-default-changed')).toHaveLength(7);
    for (const c of header) expect([c.ruleId, c.class]).toEqual([c.ruleId, 'artefact']);
    // never a same-URL rename counted as a wire change, never twice
    expect(r.changes.filter((c) => c.ruleId === 'operation-path-changed')).toEqual([]);
    for (const c of r.changes.filter((x) => x.ruleId === 'path-parameter-renamed'))
      expect(c.class).toBe('type-only');
    // `required` lists only change generated types
    for (const c of r.changes.filter(
      (x) => /became-(optional|required)$/.test(x.ruleId) && x.location === 'response',
    ))
      expect(c.class).not.toBe('wire');
  });

  it('2.7 → 2.8 → 2.9: nothing but the header, and the search value arrays folded and split again', () => {
    // 2.7's single_filter_search_request.value: string | integer | boolean | array of string | array of
    // integer; 2.8 folds the two arrays into one array of (string | integer), which accepts every array 2.7 did:
    // no request is rejected, nothing to report.
    expect(diff('2.7', '2.8').counts).toEqual({
      breaking: 0,
      warning: 0,
      info: 0,
      'type-only': 0,
      artefact: 7,
    });
    // 2.9 splits them again: an array mixing strings and integers, valid in 2.8, matches no branch.
    const r = diff('2.8', '2.9');
    expect(r.counts).toEqual({ breaking: 1, warning: 0, info: 0, 'type-only': 0, artefact: 7 });
    expect(breaking(r)).toEqual([
      'searchConversations request-union-branch-removed query<single_filter_search_request>.value<oneOf[3]>[]',
    ]);
    expect(r.changes.find((c) => c.class === 'wire')).toMatchObject({
      location: 'request',
      args: { combinator: 'oneOf', branch: 'oneOf[1]' },
      oldPointer: '#/components/schemas/single_filter_search_request/properties/value/oneOf/3/items/oneOf/1',
    });
  });

  it('2.9 → 2.10: linked_objects is new on the conversation (info), nothing breaks', () => {
    const r = diff('2.9', '2.10');
    expect(breaking(r)).toEqual([]);
    expect(find(r, 'response-property-added', 'retrieveConversation', 'linked_objects')?.class).toBe('wire');
  });

  it('2.10 → 2.11: only search pagination breaks; the list schema swap is an artefact of 2.10, the null quirks of 2.11 explain the narrowing', () => {
    const r = diff('2.10', '2.11');
    // 2.11's starting_after_paging requires per_page: a search request paging without it is rejected.
    expect(breaking(r)).toEqual(['searchConversations request-property-became-required pagination.per_page']);
    // 2.10's own list example carries `conversations` where its schema has `data`
    const data = find(r, 'response-property-removed', 'listConversations', 'data')!;
    expect(data.class).toBe('artefact');
    expect(data.reason).toBe(
      'the old description did not describe itself: its example carries conversations where its schema has data',
    );
    expect(find(r, 'response-property-added', 'listConversations', 'conversations')?.class).toBe('artefact');
    // 2.11 drops `nullable` from conversation_rating, but its own quirk says the API still sends null
    const rating = find(
      r,
      'response-property-stopped-nullable',
      'retrieveConversation',
      'conversation_rating',
    )!;
    expect(rating.class).toBe('artefact');
    expect(rating.quirks?.map((q) => `${q.quirkId} ${q.relation}`)).toEqual([
      'null-conversation-rating introduces',
    ]);
  });

  it('2.11 → 2.12: the null quirks resolve; the wire breaks are custom_attributes leaving the conversation and search pages becoming nullable', () => {
    const r = diff('2.11', '2.12');
    // conversation is also manage's answer; the search answer's items are the list item (2.11: one schema,
    // paginated_conversation_response, whose pages is cursor_pages without nullable; 2.12's conversation_list
    // points at a cursor_pages that is nullable again).
    expect(breaking(r)).toEqual([
      'manageConversation response-property-removed custom_attributes',
      'retrieveConversation response-property-removed custom_attributes',
      'searchConversations response-property-became-nullable pages',
      'searchConversations response-property-removed conversations[].custom_attributes',
    ]);
    for (const property of [
      'conversation_rating',
      'statistics',
      'teammates',
      'first_contact_reply',
      'sla_applied',
    ]) {
      const c = find(r, 'response-property-became-nullable', 'retrieveConversation', property);
      expect(c?.class, property).toBe('artefact');
      expect(c?.reason, property).toMatch(/of the old version: the old API already sent this/);
    }
    // 2.11 alone states one-value enums (`type: conversation`); 2.12 drops them: the same value arrives
    const constant = find(r, 'response-property-enum-value-added', 'retrieveConversation', 'type')!;
    expect([constant.class, constant.args.wholeEnum]).toEqual(['type-only', true]);
    // 2.12's list example carries `conversations` where its schema has `data` again
    expect(find(r, 'response-property-removed', 'listConversations', 'conversations')?.class).toBe(
      'artefact',
    );
  });

  it('2.12 → 2.13 and 2.13 → 2.14: only search groups break; the list schema and custom_attributes return as the examples had them', () => {
    const r13 = diff('2.12', '2.13');
    // multiple_filter_search_request.value: an array of (group | filter) becomes array of groups | array of
    // filters, so `a AND (b OR c)` matches neither branch. The single filter's value arrays fold into one
    // array of (string | integer) again, which rejects nothing.
    expect(breaking(r13)).toEqual([
      'searchConversations request-union-narrowed query<multiple_filter_search_request>.value',
    ]);
    expect(find(r13, 'request-union-narrowed', 'searchConversations')?.args).toEqual({
      combinator: 'oneOf',
      oldShape: 'array of (multiple_filter_search_request | single_filter_search_request)',
      newShape: 'array of multiple_filter_search_request | array of single_filter_search_request',
    });
    const r = diff('2.13', '2.14');
    expect(breaking(r)).toEqual([]);
    for (const op of ['retrieveConversation', 'manageConversation'])
      expect(find(r, 'response-property-added', op, 'custom_attributes')?.reason, op).toBe(
        "the old description's own example already carries custom_attributes: its schema was missing it",
      );
    // 2.13's search example has no custom_attributes: for search it is simply new (info)
    expect(
      find(r, 'response-property-added', 'searchConversations', 'conversations[].custom_attributes'),
    ).toMatchObject({ class: 'wire', severity: 'info' });
  });

  it('2.14 → 2.15: new resolution states (values added and removed) and a new event_details branch break readers', () => {
    expect(breaking(diff('2.14', '2.15'))).toEqual([
      'listConversations response-property-enum-value-added conversations[].ai_agent.resolution_state',
      'manageConversation response-property-enum-value-added ai_agent.resolution_state',
      'manageConversation response-union-branch-added conversation_parts.conversation_parts[].event_details',
      'retrieveConversation response-property-enum-value-added ai_agent.resolution_state',
      'retrieveConversation response-union-branch-added conversation_parts.conversation_parts[].event_details',
      'searchConversations response-property-enum-value-added conversations[].ai_agent.resolution_state',
    ]);
  });

  it('2.15 → 2.16: priority replaced, assignee ids from null to 0, source.type open, source.author reshaped', () => {
    const r = diff('2.15', '2.16');
    const priority = find(r, 'response-enum-domain-replaced', 'retrieveConversation', 'priority')!;
    expect(priority.args).toEqual({
      oldValues: ['priority', 'not_priority'],
      newValues: ['none', 'low', 'medium', 'high', 'urgent'],
    });
    // reported once, not as values added plus values removed
    expect(find(r, 'response-property-enum-value-added', 'retrieveConversation', 'priority')).toBeUndefined();
    expect(
      find(r, 'response-property-enum-value-removed', 'retrieveConversation', 'priority'),
    ).toBeUndefined();
    for (const property of ['admin_assignee_id', 'team_assignee_id']) {
      const c = find(r, 'response-property-stopped-nullable', 'retrieveConversation', property)!;
      expect([c.class, c.severity, c.args.sentinel], property).toEqual(['wire', 'breaking', '0']);
    }
    expect(breaking(r)).toEqual(
      expect.arrayContaining([
        'retrieveConversation response-property-enum-value-added source.type',
        'retrieveConversation response-property-removed source.author.from_ai_agent',
        'retrieveConversation response-property-became-nullable source.id',
      ]),
    );
    // the component rename of source.author only changes generated type names
    expect(find(r, 'response-schema-component-changed', 'retrieveConversation', 'source.author')?.class).toBe(
      'type-only',
    );
  });

  it('2.16 → Preview: body and subject become nullable, new event_details branches; new optional parameters are info', () => {
    const r = diff('2.16', 'Preview');
    expect(breaking(r)).toEqual(
      expect.arrayContaining([
        'retrieveConversation response-property-became-nullable source.body',
        'retrieveConversation response-union-branch-added conversation_parts.conversation_parts[].event_details',
      ]),
    );
    const optional = r.changes.filter((c) => c.ruleId === 'parameter-added-optional');
    expect(optional.length).toBeGreaterThan(0);
    for (const c of optional) expect([c.class, c.severity]).toEqual(['wire', 'info']);
  });
});

/**
 * searchConversations and manageConversation in every pair, from the YAML: manage's 200 is `conversation` in
 * every version (retrieve's schema); search's 200 is the list's schema wherever the two name the same
 * component (conversation_list from 2.13 on; 2.7–2.10 and 2.12 the list is the mislabelled
 * paginated_response, 2.11 both are paginated_conversation_response); the manage request components
 * (close/snooze/open/assign_conversation_request) are identical in all eleven files; the parts path is
 * `{id}` in 2.7–2.10, 2.12, 2.13 and Preview, `{conversation_id}` in 2.11 and 2.14–2.16.
 */
describe('every consecutive pair: searchConversations and manageConversation', () => {
  const RENAMED: Record<string, [string, string]> = {
    '2.10': ['id', 'conversation_id'],
    '2.11': ['conversation_id', 'id'],
    '2.13': ['id', 'conversation_id'],
    '2.16': ['conversation_id', 'id'],
  };
  const responseChanges = (r: DiffReport, operationId: string, withClass = true) =>
    r.changes
      .filter((c) => c.operationId === operationId && c.location === 'response')
      .map(
        (c) =>
          `${c.ruleId}${withClass ? ` ${c.class}/${c.severity}` : ''} ${c.property?.replace(/^conversations\[\]\./, '')}`,
      )
      .sort();

  it.each(PAIRS)(
    '%s → %s: the parts path parameter is renamed at most once, type-only; the manage request never changes',
    (a, b) => {
      const r = diff(a, b);
      const manage = r.changes.filter((c) => c.operationId === 'manageConversation');
      const renames = manage.filter((c) => c.ruleId === 'path-parameter-renamed');
      const want = RENAMED[a];
      expect(renames.map((c) => [c.args.oldName, c.args.newName, c.class])).toEqual(
        want ? [[want[0], want[1], 'type-only']] : [],
      );
      expect(manage.filter((c) => c.ruleId === 'operation-path-changed')).toEqual([]);
      expect(manage.filter((c) => c.location === 'request')).toEqual([]);
    },
  );

  it.each(PAIRS)(
    '%s → %s: manage answers with the conversation, so its response changes are retrieve’s',
    (a, b) => {
      const r = diff(a, b);
      // The same places change; only the class may differ, as each operation's own examples tell artefacts
      // (2.13's manage examples already carry the parts' metadata; retrieve's do not).
      expect(responseChanges(r, 'manageConversation', false)).toEqual(
        responseChanges(r, 'retrieveConversation', false),
      );
      const wireBreaks = (op: string) => responseChanges(r, op).filter((c) => c.includes(' wire/breaking '));
      expect(wireBreaks('manageConversation')).toEqual(wireBreaks('retrieveConversation'));
    },
  );

  it.each(PAIRS.filter(([a]) => ['2.13', '2.14', '2.15', '2.16'].includes(a)))(
    '%s → %s: the search answer is the list’s conversation_list, so its response changes are the list’s',
    (a, b) => {
      const r = diff(a, b);
      expect(responseChanges(r, 'searchConversations')).toEqual(responseChanges(r, 'listConversations'));
    },
  );

  it('the search request: only 2.8 → 2.9 (mixed value arrays), 2.10 → 2.11 (per_page required; null pagination an artefact) and 2.12 → 2.13 (mixed groups) change it', () => {
    const requestChanges = PAIRS.flatMap(([a, b]) =>
      diff(a, b)
        .changes.filter((c) => c.operationId === 'searchConversations' && c.location === 'request')
        .map((c) => `${a} ${c.ruleId} ${c.class} ${c.property}`),
    );
    expect(requestChanges).toEqual([
      '2.8 request-union-branch-removed wire query<single_filter_search_request>.value<oneOf[3]>[]',
      '2.10 request-property-became-required wire pagination.per_page',
      '2.10 request-property-stopped-nullable artefact pagination',
      '2.12 request-union-narrowed wire query<multiple_filter_search_request>.value',
    ]);
  });

  it('2.10 → 2.11: search pagination null is an artefact — 2.11 keeps nullable only beside the $ref (nullable-ref)', () => {
    const c = find(diff('2.10', '2.11'), 'request-property-stopped-nullable', 'searchConversations')!;
    expect(c.class).toBe('artefact');
    expect(c.reason).toMatch(/quirk nullable-ref .* still accepts what the old description allowed/);
  });

  it('2.15 → 2.16 and 2.16 → Preview: the search answer meets the same breaks as the list and manage as retrieve', () => {
    expect(breaking(diff('2.15', '2.16'))).toEqual(
      expect.arrayContaining([
        'manageConversation response-enum-domain-replaced priority',
        'manageConversation response-property-stopped-nullable admin_assignee_id',
        'searchConversations response-enum-domain-replaced conversations[].priority',
        'searchConversations response-property-removed conversations[].source.author.from_ai_agent',
      ]),
    );
    expect(breaking(diff('2.16', 'Preview'))).toEqual(
      expect.arrayContaining([
        'manageConversation response-property-became-nullable source.body',
        'searchConversations response-property-became-nullable conversations[].source.subject',
      ]),
    );
  });
});
