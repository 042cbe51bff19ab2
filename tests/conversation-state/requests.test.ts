import { describe, expect, it } from 'vitest';
import {
  type ManageAction,
  manageBody,
  managePathTemplate,
  manageRequest,
} from '../../src/conversation-state/requests.ts';
import { applyAction } from '../../src/conversation-state/restore.ts';
import { type ConversationState, compareState } from '../../src/conversation-state/state.ts';
import { description, operation, schemaValidator, VERSIONS } from '../search/descriptions.ts';

type Example = { value: Record<string, unknown> };
const ACTIONS: Array<[string, ManageAction]> = [
  ['close', { action: 'close' }],
  ['open', { action: 'open' }],
  ['snooze', { action: 'snooze', until: 1734541187 }],
  ['assign admin', { action: 'assign', assigneeType: 'admin', assigneeId: '991267715' }],
  ['assign team', { action: 'assign', assigneeType: 'team', assigneeId: '5017691' }],
  ['unassign admin', { action: 'assign', assigneeType: 'admin', assigneeId: null }],
];

/**
 * 2.13's examples are out of step: the snooze request asks for 1736205280 and the assignment for 991266468, the
 * 200 examples answer 1734541187 and 991267715 (the values of 2.14's examples). The only disagreements between
 * requests and answers in any version.
 */
const EXAMPLES_213: Record<string, unknown[]> = {
  snooze: [{ property: 'snoozed_until', expected: 1736205280, actual: 1734541187 }],
  assign: [{ property: 'admin_assignee_id', expected: '991266468', actual: 991267715 }],
};

describe.each(VERSIONS)('manageConversation in %s', (version) => {
  const doc = description(version);
  const { path, op } = operation(doc, 'manageConversation');
  const content = (
    op.requestBody as { content: Record<string, { schema: unknown; examples: Record<string, Example> }> }
  ).content['application/json']!;
  const validate = schemaValidator(doc, content.schema);

  it('is the path we send to', () => {
    expect(path).toBe(managePathTemplate(version));
    expect(manageRequest(version, '123 4', { action: 'open' }, '5017691')).toEqual({
      operationId: 'manageConversation',
      method: 'POST',
      pathTemplate: path,
      path: '/conversations/123%204/parts',
      body: { message_type: 'open', admin_id: '5017691' },
    });
  });

  it.each(ACTIONS)('our %s body is valid against the request schema', (_name, action) => {
    const body = manageBody(action, '5017691');
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("quirk: the description's own request examples send admin_id as an integer, which its schema refuses", () => {
    const examples = Object.values(content.examples).map((e) => e.value);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      expect(typeof example.admin_id).toBe('number');
      expect(validate(example)).toBe(false);
      const fixed = {
        ...example,
        admin_id: String(example.admin_id),
        ...(example.assignee_id !== undefined ? { assignee_id: String(example.assignee_id) } : {}),
      };
      expect(validate(fixed), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('its 200 examples show what applying each action says (state, open, snoozed_until, assignee)', () => {
    const responses = (
      op.responses as Record<string, { content: Record<string, { examples: Record<string, Example> }> }>
    )['200']!.content['application/json']!.examples;
    const requests = Object.fromEntries(
      Object.values(content.examples).map((e) => [e.value.message_type, e.value]),
    );
    const before: ConversationState = {
      state: 'open',
      snoozedUntil: null,
      adminAssigneeId: null,
      teamAssigneeId: null,
    };
    const rows: Array<[string, ManageAction, Partial<Record<string, unknown>>]> = [
      ['Close a conversation', { action: 'close' }, {}],
      ['Snooze a conversation', { action: 'snooze', until: requests.snoozed!.snoozed_until as number }, {}],
      ['Open a conversation', { action: 'open' }, {}],
      [
        'Assign a conversation',
        { action: 'assign', assigneeType: 'admin', assigneeId: String(requests.assignment!.assignee_id) },
        {},
      ],
    ];
    for (const [name, action] of rows) {
      const after = applyAction(before, action);
      const want = {
        state: after.state,
        open: after.state !== 'closed',
        snoozedUntil: after.snoozedUntil,
        ...(action.action === 'assign' ? { adminAssigneeId: after.adminAssigneeId } : {}),
      };
      expect(compareState(responses[name]!.value, want), name).toEqual(
        version === '2.13' ? (EXAMPLES_213[action.action] ?? []) : [],
      );
    }
  });
});
