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
    // the default moves with every file (5 covered operations)
    expect(header.filter((c) => c.ruleId === 'parameter-default-changed')).toHaveLength(5);
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

  it('2.7 → 2.8 → 2.9: nothing but the header (the files differ only in the version they name)', () => {
    for (const [a, b] of [
      ['2.7', '2.8'],
      ['2.8', '2.9'],
    ] as const) {
      const r = diff(a, b);
      expect(r.counts).toEqual({ breaking: 0, warning: 0, info: 0, 'type-only': 0, artefact: 5 });
    }
  });

  it('2.9 → 2.10: linked_objects is new on the conversation (info), nothing breaks', () => {
    const r = diff('2.9', '2.10');
    expect(breaking(r)).toEqual([]);
    expect(find(r, 'response-property-added', 'retrieveConversation', 'linked_objects')?.class).toBe('wire');
  });

  it('2.10 → 2.11: no wire change breaks; the list schema swap is an artefact of 2.10, the null quirks of 2.11 explain the narrowing', () => {
    const r = diff('2.10', '2.11');
    expect(breaking(r)).toEqual([]);
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

  it('2.11 → 2.12: the null quirks resolve; the only wire break is custom_attributes leaving the conversation', () => {
    const r = diff('2.11', '2.12');
    expect(breaking(r)).toEqual(['retrieveConversation response-property-removed custom_attributes']);
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

  it('2.12 → 2.13 and 2.13 → 2.14: no wire break; the list schema and custom_attributes return as the examples had them', () => {
    expect(breaking(diff('2.12', '2.13'))).toEqual([]);
    const r = diff('2.13', '2.14');
    expect(breaking(r)).toEqual([]);
    expect(find(r, 'response-property-added', 'retrieveConversation', 'custom_attributes')?.reason).toBe(
      "the old description's own example already carries custom_attributes: its schema was missing it",
    );
  });

  it('2.14 → 2.15: new resolution states (values added and removed) and a new event_details branch break readers', () => {
    expect(breaking(diff('2.14', '2.15'))).toEqual([
      'listConversations response-property-enum-value-added conversations[].ai_agent.resolution_state',
      'retrieveConversation response-property-enum-value-added ai_agent.resolution_state',
      'retrieveConversation response-union-branch-added conversation_parts.conversation_parts[].event_details',
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
