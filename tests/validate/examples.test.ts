import { describe, expect, it } from 'vitest';
import { lockedVersions } from '../../src/descriptions/lock.ts';
import { classifyBody } from '../../src/quirks/classify.ts';
import { quirkAwareResponseTarget } from '../../src/quirks/target.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { requestTarget, responseTarget, validateAgainst } from '../../src/validate/validate.ts';

/**
 * Every example embedded in the covered operations of the real 2.10 and 2.11 descriptions, run through the
 * generated validators. The descriptions' own examples do not all conform — that is real, recorded here:
 * each entry lists the instance paths that fail (empty = conforms), established by reading the examples
 * against their schemas in the pinned files.
 */
const NULL_OBJECTS_2_11 = [
  'conversation_rating',
  'teammates',
  'first_contact_reply',
  'sla_applied',
  'statistics',
  'ai_agent',
];

const EXPECTED: Record<string, string[]> = {
  // 2.10: the tag request examples send numbers where the schema says string (id, admin_id).
  '2.10 attachTagToConversation request successful': ['/admin_id', '/id'],
  '2.10 attachTagToConversation request conversation_not_found': ['/admin_id', '/id'],
  '2.10 detachTagFromConversation request successful': ['/admin_id'],
  '2.10 detachTagFromConversation request conversation_not_found': ['/admin_id'],
  '2.10 detachTagFromConversation request tag_not_found': ['/admin_id'],
  // 2.10's list schema (paginated_response) does not describe `conversations`, so nothing fails there.
  '2.10 listConversations 200 successful': [],
  '2.10 retrieveConversation 200 conversation found': [],
  '2.10 identifyAdmin 200 Successful response': [],
  // 2.11: the list item and the conversation set to null six properties whose schemas are `$ref`s
  // without nullable (or with nullable beside the $ref, which OpenAPI 3.0 ignores).
  '2.11 listConversations 200 successful': NULL_OBJECTS_2_11.map((p) => `/conversations/0/${p}`).sort(),
  '2.11 retrieveConversation 200 conversation found': NULL_OBJECTS_2_11.map((p) => `/${p}`).sort(),
  // 2.11's admin_with_app requires job_title, away_mode_enabled, away_mode_reassign and team_ids: the example has none.
  '2.11 identifyAdmin 200 Successful response': [''],
  '2.11 attachTagToConversation request successful': ['/admin_id', '/id'],
  '2.11 attachTagToConversation request conversation_not_found': ['/admin_id', '/id'],
  '2.11 detachTagFromConversation request successful': ['/admin_id'],
  '2.11 detachTagFromConversation request conversation_not_found': ['/admin_id'],
  '2.11 detachTagFromConversation request tag_not_found': ['/admin_id'],
  // manageConversation's request is a oneOf of close/snooze/open/assign: every example sends admin_id (and the
  // assign example assignee_id) as a number where each branch says string, so no branch matches ('' oneOf),
  // and the branches it was not written for reject its message_type.
  ...Object.fromEntries(
    ['2.10', '2.11'].flatMap((v) =>
      ['close_a_conversation', 'snooze_a_conversation', 'open_a_conversation', 'not_found']
        .map((name) => [`${v} manageConversation request ${name}`, ['', '/admin_id', '/message_type']])
        .concat([
          [
            `${v} manageConversation request assign_a_conversation`,
            ['', '/admin_id', '/assignee_id', '/message_type'],
          ],
        ]),
    ),
  ),
  // The parts of the close, snooze and open answers set assigned_to to null: nullable beside a $ref (ignored).
  ...Object.fromEntries(
    ['2.10', '2.11'].flatMap((v) =>
      ['Close', 'Snooze', 'Open'].map((what) => [
        `${v} manageConversation 200 ${what} a conversation`,
        [
          '/conversation_parts/conversation_parts/0/assigned_to',
          ...(v === '2.11' ? NULL_OBJECTS_2_11.map((p) => `/${p}`) : []),
        ].sort(),
      ]),
    ),
  ),
  '2.11 manageConversation 200 Assign a conversation': NULL_OBJECTS_2_11.map((p) => `/${p}`).sort(),
  // The search answer shares the list item's schema: the same six nulls in 2.11; 2.10's conforms.
  '2.11 searchConversations 200 successful': NULL_OBJECTS_2_11.map((p) => `/conversations/0/${p}`).sort(),
};

function* allExamples(version: string) {
  const artifacts = loadArtifacts(version);
  for (const op of Object.values(artifacts.index.operations)) {
    for (const [name, example] of Object.entries(
      op.requestBody?.content['application/json']?.examples ?? {},
    )) {
      yield {
        key: `${version} ${op.operationId} request ${name}`,
        target: requestTarget(artifacts, op.operationId),
        example,
      };
    }
    for (const [status, response] of Object.entries(op.responses)) {
      for (const [name, example] of Object.entries(response.content['application/json']?.examples ?? {})) {
        yield {
          key: `${version} ${op.operationId} ${status} ${name}`,
          target: responseTarget(artifacts, op.operationId, status),
          example,
        };
      }
    }
  }
}

describe.each(['2.10', '2.11'])('the examples of the %s description', (version) => {
  const examples = [...allExamples(version)];

  it('are the ones this table names (a row for an example that is gone fails; error examples conform unless listed)', () => {
    const keys = new Set(examples.map((e) => e.key));
    expect(Object.keys(EXPECTED).filter((k) => k.startsWith(`${version} `) && !keys.has(k))).toEqual([]);
    expect(examples.length).toBeGreaterThanOrEqual(16);
  });

  it.each(examples.map((e) => [e.key, e] as const))('%s', (key, { target, example }) => {
    const failing = [...new Set(validateAgainst(target, example).map((f) => f.instancePath))].sort();
    expect(failing).toEqual(EXPECTED[key] ?? []);
  });
});

it('2.11 examples fail where they set non-nullable objects to null, with keyword "type"', () => {
  const { target, example } = [...allExamples('2.11')].find((e) =>
    e.key.endsWith('retrieveConversation 200 conversation found'),
  )!;
  const findings = validateAgainst(target, example);
  for (const p of NULL_OBJECTS_2_11) {
    expect((example as Record<string, unknown>)[p]).toBeNull();
    expect(findings.find((f) => f.instancePath === `/${p}`)?.keyword).toBe('type');
  }
});

/**
 * Every locked version's own 200 examples, read quirk-aware: each is `conforms` or `known-quirk`, and the quirks
 * that explain it are the ones named here (established by reading the examples against their schemas). An
 * example not listed must conform; a quirk whose handling is removed turns its rows into violations.
 */
const NULLS_2_11 = [
  'null-ai-agent',
  'null-conversation-rating',
  'null-first-contact-reply',
  'null-sla-applied',
  'null-statistics',
  'null-teammates',
];
const PARTS_2_13 = ['null-ai-agent', 'nullable-ref', 'part-id-as-integer'];
const QUIRKS_OF_200_EXAMPLES: Record<string, string[]> = {
  '2.11 listConversations successful': NULLS_2_11,
  '2.11 retrieveConversation conversation found': NULLS_2_11,
  '2.11 identifyAdmin Successful response': ['admin-fields-missing'],
  '2.12 retrieveConversation conversation found': ['null-ai-agent'],
  ...Object.fromEntries(
    ['2.13', '2.14', '2.15', '2.16', 'Preview'].flatMap((v) => [
      [`${v} listConversations successful`, ['null-ai-agent']],
      [
        `${v} retrieveConversation conversation found`,
        v === 'Preview' ? [...PARTS_2_13, 'null-ai-topics'].sort() : PARTS_2_13,
      ],
    ]),
  ),
  'Preview retrieveConversation email conversation with history found': [
    ...PARTS_2_13,
    'null-ai-topics',
  ].sort(),
  // searchConversations answers with the list's schema, so its example reads as the list's does.
  '2.11 searchConversations successful': NULLS_2_11,
  ...Object.fromEntries(
    ['2.12', '2.13', '2.14', '2.15', '2.16', 'Preview'].map((v) => [
      `${v} searchConversations successful`,
      ['null-ai-agent'],
    ]),
  ),
  // manageConversation answers with the conversation: the close, snooze and open examples carry a part whose
  // assigned_to is null (nullable-ref, every version); from 2.11 the conversation's own nulls as retrieve's;
  // from 2.13 every part also has email_message_metadata: null (nullable-ref), Preview adds ai_topics: null.
  ...Object.fromEntries(
    lockedVersions().flatMap((v) =>
      ['Close', 'Snooze', 'Open', 'Assign'].map((what) => {
        const own =
          v === '2.11'
            ? NULLS_2_11
            : ['2.7', '2.8', '2.9', '2.10'].includes(v)
              ? []
              : v === 'Preview'
                ? ['null-ai-agent', 'null-ai-topics']
                : ['null-ai-agent'];
        const parts =
          what !== 'Assign' || !['2.7', '2.8', '2.9', '2.10', '2.11', '2.12'].includes(v)
            ? ['nullable-ref']
            : [];
        return [`${v} manageConversation ${what} a conversation`, [...own, ...parts].sort()];
      }),
    ),
  ),
};

function* examples200(version: string) {
  const artifacts = loadArtifacts(version);
  for (const op of Object.values(artifacts.index.operations)) {
    for (const [name, example] of Object.entries(
      op.responses['200']?.content['application/json']?.examples ?? {},
    ))
      yield {
        key: `${version} ${op.operationId} ${name}`,
        target: quirkAwareResponseTarget(artifacts, op.operationId, 200),
        example,
      };
  }
}

describe.each(lockedVersions())('the 200 examples of the %s description, read with its quirks', (version) => {
  const all = [...examples200(version)];

  it('are the ones the table names (a row for an example that is gone fails)', () => {
    const keys = new Set(all.map((e) => e.key));
    expect(
      Object.keys(QUIRKS_OF_200_EXAMPLES).filter((k) => k.startsWith(`${version} `) && !keys.has(k)),
    ).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it.each(all.map((e) => [e.key, e] as const))(
    '%s conforms or is a known quirk',
    (key, { target, example }) => {
      const findings = classifyBody(target, example);
      expect(findings.filter((f) => f.classification === 'violation')).toEqual([]);
      expect([...new Set(findings.map((f) => f.quirk?.id))].sort()).toEqual(
        QUIRKS_OF_200_EXAMPLES[key] ?? [],
      );
    },
  );
});
