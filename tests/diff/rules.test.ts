import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDescription } from '../../src/descriptions/load.ts';
import { diffDescriptions } from '../../src/diff/index.ts';
import type { Change } from '../../src/diff/model.ts';
import { parseSeverityOverrides, RULES, ruleById } from '../../src/diff/registry.ts';
import { renderRulesTable } from '../../src/diff/render/rules-table.ts';
import { fixture, fixtureDoc } from './helpers.ts';

/**
 * Every rule has a fixture pair `fixtures/rules/<id>/{old,new}.yaml` that proves it. The expectations below
 * are read off the fixture files by hand (the comment at the top of each file says what changed).
 * `symmetric`: the rule also fires when the pair is read backwards (a change, not a direction).
 */
const CASES: Record<string, { want: Array<Partial<Change>>; symmetric?: boolean }> = {
  'response-enum-domain-replaced': {
    want: [
      {
        operationId: 'retrieveConversation',
        property: 'priority',
        args: { oldValues: ['priority', 'not_priority'], newValues: ['none', 'low', 'high'] },
        oldPointer: '#/components/schemas/conversation/properties/priority/enum',
        newPointer: '#/components/schemas/conversation/properties/priority/enum',
      },
    ],
    symmetric: true,
  },
  'response-union-branch-added': {
    want: [
      {
        property: 'event_details',
        args: { combinator: 'anyOf', branch: 'snoozed' },
        newPointer: '#/components/schemas/conversation/properties/event_details/anyOf/1',
      },
    ],
  },
  'response-union-branch-removed': {
    want: [
      {
        property: 'event_details',
        args: { combinator: 'anyOf', branch: 'snoozed' },
        oldPointer: '#/components/schemas/conversation/properties/event_details/anyOf/1',
      },
    ],
  },
  'request-union-branch-removed': {
    want: [
      {
        operationId: 'attachTagToConversation',
        location: 'request',
        property: 'id',
        args: { combinator: 'oneOf', branch: 'oneOf[1]' },
        oldPointer:
          '#/paths/~1conversations~1{conversation_id}~1tags/post/requestBody/content/application~1json/schema/properties/id/oneOf/1',
      },
    ],
  },
  'request-union-narrowed': {
    want: [
      {
        operationId: 'searchConversations',
        location: 'request',
        property: 'query.value',
        args: {
          combinator: 'oneOf',
          oldShape: 'array of (group | filter)',
          newShape: 'array of group | array of filter',
        },
        oldPointer: '#/components/schemas/group/properties/value',
        newPointer: '#/components/schemas/group/properties/value',
      },
    ],
  },
  'parameter-added-optional': {
    want: [
      { args: { name: 'display_as', in: 'query' }, newPointer: '#/paths/~1conversations/get/parameters/1' },
    ],
  },
  'operation-removed': {
    want: [
      {
        operationId: 'retrieveConversation',
        location: 'operation',
        args: { method: 'GET', path: '/conversations/{id}' },
        oldPointer: '#/paths/~1conversations~1{id}/get',
      },
    ],
  },
  'operation-added': {
    want: [
      {
        operationId: 'retrieveConversation',
        args: { method: 'GET', path: '/conversations/{id}' },
        newPointer: '#/paths/~1conversations~1{id}/get',
      },
    ],
  },
  'operation-path-changed': {
    want: [
      {
        operationId: 'retrieveConversation',
        args: { oldPath: '/conversations/{id}', newPath: '/conversation/{id}', sameUrls: false },
        oldPointer: '#/paths/~1conversations~1{id}/get',
        newPointer: '#/paths/~1conversation~1{id}/get',
      },
    ],
    symmetric: true,
  },
  'operation-method-changed': {
    want: [
      {
        operationId: 'attachTagToConversation',
        method: 'PUT',
        args: { oldMethod: 'POST', newMethod: 'PUT' },
      },
    ],
    symmetric: true,
  },
  'path-parameter-renamed': {
    want: [
      {
        operationId: 'retrieveConversation',
        location: 'parameter',
        args: { oldName: 'id', newName: 'conversation_id', position: 0 },
        oldPointer: '#/paths/~1conversations~1{id}/get/parameters/0',
        newPointer: '#/paths/~1conversations~1{conversation_id}/get/parameters/0',
      },
    ],
    symmetric: true,
  },
  'parameter-added-required': {
    want: [
      { args: { name: 'workspace', in: 'query' }, newPointer: '#/paths/~1conversations/get/parameters/1' },
    ],
  },
  'parameter-became-required': {
    want: [
      {
        operationId: 'retrieveConversation',
        args: { name: 'display_as', oldName: 'display_as', in: 'query' },
      },
    ],
  },
  'parameter-removed': {
    want: [
      {
        args: { name: 'display_as', in: 'query', required: false },
        oldPointer: '#/paths/~1conversations~1{id}/get/parameters/1',
      },
    ],
  },
  'parameter-type-changed': {
    want: [
      {
        args: { name: 'per_page', in: 'query', oldType: 'integer', newType: 'string' },
        oldPointer: '#/paths/~1conversations/get/parameters/0/schema',
        newPointer: '#/paths/~1conversations/get/parameters/0/schema',
      },
    ],
    symmetric: true,
  },
  'parameter-maximum-lowered': {
    want: [
      {
        args: { name: 'per_page', oldMaximum: 150, newMaximum: 50 },
        newPointer: '#/paths/~1conversations/get/parameters/0/schema/maximum',
      },
    ],
  },
  'parameter-default-changed': {
    want: [{ args: { name: 'per_page', oldDefault: 20, newDefault: 50, removed: false } }],
    symmetric: true,
  },
  'parameter-enum-value-removed': {
    want: [
      {
        operationId: 'identifyAdmin',
        // the fixture mimics Intercom: the version header's own enum is an artefact of the description
        class: 'artefact',
        args: { name: 'Intercom-Version', in: 'header', values: ['Unstable'], introduced: false },
        oldPointer: '#/components/schemas/intercom_version/enum',
      },
    ],
    symmetric: true, // backwards, Preview is the value that goes
  },
  'request-body-became-required': {
    want: [{ location: 'request', args: { added: false } }],
  },
  'request-media-type-removed': {
    want: [
      {
        location: 'request',
        mediaType: 'application/x-www-form-urlencoded',
        args: { mediaType: 'application/x-www-form-urlencoded' },
        oldPointer:
          '#/paths/~1conversations~1{conversation_id}~1tags/post/requestBody/content/application~1x-www-form-urlencoded',
      },
    ],
  },
  'request-property-became-required': {
    want: [
      {
        property: 'admin_id',
        args: { name: 'admin_id', defined: true },
        newPointer:
          '#/paths/~1conversations~1{conversation_id}~1tags/post/requestBody/content/application~1json/schema/required/1',
      },
    ],
  },
  'request-property-type-changed': {
    want: [{ property: 'id', args: { oldType: 'string', newType: 'integer' } }],
    symmetric: true,
  },
  'request-property-removed': { want: [{ property: 'admin_id', args: { name: 'admin_id' } }] },
  'request-property-stopped-nullable': {
    want: [{ operationId: 'replyConversation', property: 'body', args: { how: 'type' } }],
  },
  'request-property-enum-value-removed': {
    want: [{ property: 'message_type', args: { values: ['note'], wholeEnum: false } }],
  },
  'response-success-status-removed': {
    want: [{ status: '200', args: { status: '200' }, oldPointer: '#/paths/~1me/get/responses/200' }],
    symmetric: true, // backwards, 201 goes
  },
  'response-error-status-removed': { want: [{ status: '404', args: { status: '404' } }] },
  'response-media-type-removed': {
    want: [{ status: '200', mediaType: 'text/csv', args: { mediaType: 'text/csv' } }],
  },
  'response-schema-component-changed': {
    want: [
      {
        operationId: 'listConversations',
        status: '200',
        mediaType: 'application/json',
        property: '(root)',
        args: { oldComponent: 'paginated_response', newComponent: 'paginated_conversation_response' },
        oldPointer: '#/paths/~1conversations/get/responses/200/content/application~1json/schema',
        newPointer: '#/paths/~1conversations/get/responses/200/content/application~1json/schema',
      },
    ],
    symmetric: true,
  },
  // The shared `tag` component: once per affected operation and response, although `conversation` reaches it
  // twice (tags[] first, then last_tag); both sides' pointers are the component's.
  'response-property-removed': {
    want: [
      {
        operationId: 'attachTagToConversation',
        property: 'applied_at',
        oldPointer: '#/components/schemas/tag/properties/applied_at',
        newPointer: '#/components/schemas/tag',
      },
      {
        operationId: 'detachTagFromConversation',
        property: 'applied_at',
        oldPointer: '#/components/schemas/tag/properties/applied_at',
        newPointer: '#/components/schemas/tag',
      },
      {
        operationId: 'retrieveConversation',
        property: 'tags[].applied_at',
        oldPointer: '#/components/schemas/tag/properties/applied_at',
        newPointer: '#/components/schemas/tag',
      },
    ],
  },
  'response-property-type-changed': {
    want: [
      {
        property: 'team_assignee_id',
        args: { oldType: 'string', newType: 'integer' },
        oldPointer: '#/components/schemas/conversation/properties/team_assignee_id',
      },
    ],
    symmetric: true,
  },
  'response-property-became-optional': {
    want: [
      {
        property: 'title',
        args: { name: 'title' },
        oldPointer: '#/components/schemas/conversation/required/1',
      },
    ],
  },
  'response-property-stopped-nullable': {
    want: [
      {
        property: 'title',
        args: { how: 'type' },
        oldPointer: '#/components/schemas/conversation/properties/title/nullable',
      },
    ],
  },
  'response-property-enum-value-added': {
    want: [{ property: 'state', args: { values: ['snoozed'], wholeEnum: false } }],
  },
  'response-property-enum-value-removed': {
    want: [{ property: 'state', args: { values: ['closed'], wholeEnum: false } }],
  },
  'response-property-became-required': {
    want: [
      {
        property: 'state',
        args: { name: 'state', defined: true },
        newPointer: '#/components/schemas/conversation/required/2',
      },
    ],
  },
  'response-property-added': {
    want: [{ property: 'ai_agent_participated', args: { name: 'ai_agent_participated' } }],
  },
  'response-property-became-nullable': {
    want: [
      {
        operationId: 'attachTagToConversation',
        property: 'applied_by',
        args: { how: 'type' },
        oldPointer: '#/components/schemas/reference',
        newPointer: '#/components/schemas/reference/nullable',
      },
    ],
  },
  'ref-dangling': {
    want: [
      {
        location: 'response',
        property: 'custom_attributes',
        args: { ref: '#/components/schemas/custom_attributes' },
        oldPointer: '#/components/schemas/custom_attributes',
        newPointer: '#/components/schemas/conversation/properties/custom_attributes',
      },
    ],
  },
};

const pairOf = (id: string) => ({
  old: fixtureDoc('rules', id, 'old.yaml'),
  new: fixtureDoc('rules', id, 'new.yaml'),
});

describe('the rules registry', () => {
  it('has unique, stable kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('has a fixture pair and an expectation for every rule, and no fixture without a rule', () => {
    const dirs = readdirSync(fixture('rules')).sort();
    expect(dirs).toEqual(RULES.map((r) => r.id).sort());
    expect(Object.keys(CASES).sort()).toEqual(dirs);
    for (const id of dirs) {
      expect(existsSync(fixture('rules', id, 'old.yaml'))).toBe(true);
      expect(existsSync(fixture('rules', id, 'new.yaml'))).toBe(true);
    }
  });

  it('gives every rule a severity, a class, a one-line summary and a one-line reason', () => {
    for (const rule of RULES) {
      expect(['breaking', 'warning', 'info']).toContain(rule.severity);
      expect(['wire', 'type-only', 'artefact']).toContain(rule.class ?? 'wire');
      expect(rule.reason).not.toMatch(/\n/);
      expect(rule.reason.length).toBeGreaterThan(10);
      expect(rule.summary).not.toMatch(/\n/);
      expect(rule.summary.length).toBeGreaterThan(10);
    }
  });

  it('renders the rules table for the README from the registry', () => {
    const table = renderRulesTable();
    const rows = table.trim().split('\n').slice(2);
    expect(rows).toHaveLength(RULES.length);
    expect(rows[0]).toBe(
      '| `operation-removed` | breaking | operation | An operation (matched by operationId) is not in the new description. | a client calling it gets an error where it got data |',
    );
    expect(table).toContain('| `response-property-became-nullable` | breaking | response body |');
    expect(table).toContain('| `path-parameter-renamed` | type-only | parameter |');
    expect(table).toContain('| `ref-dangling` | artefact | request and response bodies |');
  });

  it('parses severity overrides, and rejects unknown ids and levels in one line', () => {
    expect(
      parseSeverityOverrides('path-parameter-renamed=breaking, response-property-added=warning'),
    ).toEqual({
      'path-parameter-renamed': 'breaking',
      'response-property-added': 'warning',
    });
    expect(() => parseSeverityOverrides('no-such-rule=info')).toThrow(/unknown rule id "no-such-rule"/);
    expect(() => parseSeverityOverrides('operation-removed=fatal')).toThrow(/unknown level "fatal"/);
    expect(parseSeverityOverrides('operation-removed=artefact')).toEqual({ 'operation-removed': 'artefact' });
    expect(() => parseSeverityOverrides('operation-removed')).toThrow(/bad severity override/);
  });
});

describe.each(RULES.map((r) => r.id))('rule %s', (id) => {
  const rule = ruleById(id)!;
  const expectation = CASES[id]!;

  it('fires on its fixture pair with the arguments the files show', () => {
    const { old, new: next } = pairOf(id);
    const hits = diffDescriptions(old, next, { operations: 'all' }).changes.filter((c) => c.ruleId === id);
    expect(hits).toHaveLength(expectation.want.length);
    expectation.want.forEach((want, i) => {
      expect(hits[i]).toMatchObject({ severity: rule.severity, class: rule.class ?? 'wire', ...want });
      if (!want.class) expect(hits[i]!.reason).toBe(rule.reason);
    });
  });

  it('renders a one-line message from the arguments', () => {
    const { old, new: next } = pairOf(id);
    const hit = diffDescriptions(old, next, { operations: 'all' }).changes.find((c) => c.ruleId === id)!;
    const message = rule.message(hit.args, hit.property);
    expect(message.length).toBeGreaterThan(5);
    expect(message).not.toMatch(/\n|undefined|\[object Object\]/);
  });

  it('reports nothing for a description compared with itself', () => {
    const { old, new: next } = pairOf(id);
    expect(diffDescriptions(old, old, { operations: 'all' }).changes).toEqual([]);
    expect(diffDescriptions(next, next, { operations: 'all' }).changes).toEqual([]);
  });

  it(expectation.symmetric ? 'also fires backwards' : 'does not fire backwards', () => {
    const { old, new: next } = pairOf(id);
    const backwards = diffDescriptions(next, old, { operations: 'all' }).changes.filter(
      (c) => c.ruleId === id,
    );
    expect(backwards.length > 0).toBe(expectation.symmetric === true);
  });

  it('takes its severity from an override', () => {
    const { old, new: next } = pairOf(id);
    const other = rule.severity === 'info' ? 'breaking' : 'info';
    const hits = diffDescriptions(old, next, {
      operations: 'all',
      severityOverrides: { [id]: other },
    }).changes.filter((c) => c.ruleId === id);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect([hit.severity, hit.class]).toEqual([other, 'wire']);
    const moved = diffDescriptions(old, next, {
      operations: 'all',
      severityOverrides: { [id]: 'type-only' },
    }).changes.filter((c) => c.ruleId === id);
    for (const hit of moved) expect(hit.class).toBe('type-only');
  });
});

describe('request unions are compared by what they accept (the search query value, 2.7 → 2.8 → 2.9)', () => {
  const searchValue = (branches: string) =>
    parseDescription(
      `openapi: 3.0.3
info: { title: t, version: "1" }
paths:
  /conversations/search:
    post:
      operationId: searchConversations
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                value: { nullable: true, oneOf: [${branches}] }
      responses: { "200": { description: ok } }
`,
      'inline',
    );
  const separate = searchValue(
    '{ type: string }, { type: integer }, { type: array, items: { type: string } }, { type: array, items: { type: integer } }',
  );
  const mixed = searchValue(
    '{ type: string }, { type: integer }, { type: array, items: { oneOf: [{ type: string }, { type: integer }] } }',
  );
  const ids = (a: typeof separate, b: typeof separate) =>
    diffDescriptions(a, b, { operations: 'all' }).changes.map((c) => [c.ruleId, c.property, c.args.branch]);

  it('a branch folded into a wider one removes nothing (array of string, array of integer → array of string|integer)', () => {
    expect(ids(separate, mixed)).toEqual([]);
  });

  it('the wider branch split back rejects the mixed arrays: the items lost their integer branch', () => {
    expect(ids(mixed, separate)).toEqual([['request-union-branch-removed', 'value<oneOf[2]>[]', 'oneOf[1]']]);
  });

  it('a branch no other branch accepts is still removed (branches pair by position: integer meets array)', () => {
    const fewer = searchValue('{ type: string }, { type: array, items: { type: string } }');
    expect(ids(separate, fewer)).toEqual([
      ['request-property-type-changed', 'value<oneOf[1]>', undefined],
      ['request-union-branch-removed', 'value', 'oneOf[3]'],
    ]);
  });
});
