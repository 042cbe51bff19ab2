import { describe, expect, it } from 'vitest';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { responseTarget, validateAgainst } from '../../src/validate/validate.ts';
import { conformingConversation211 } from '../helpers/conversations.ts';

const target = responseTarget(loadArtifacts('2.11'), 'retrieveConversation', 200);

describe('crafted violations of a conforming 2.11 conversation', () => {
  it('the base conforms', () => {
    expect(validateAgainst(target, conformingConversation211())).toEqual([]);
  });

  const cases: Array<{
    name: string;
    mutate: (c: Record<string, any>) => void;
    want: Array<[string, string, string]>;
  }> = [
    {
      name: 'wrong type',
      mutate: (c) => {
        c.created_at = '2024-01-01T00:00:00Z';
      },
      want: [['/created_at', 'type', '#/components/schemas/conversation/properties/created_at/type']],
    },
    {
      name: 'missing required property',
      mutate: (c) => {
        delete c.state;
      },
      want: [['', 'required', '#/components/schemas/conversation/required']],
    },
    {
      name: 'enum value not allowed',
      mutate: (c) => {
        c.state = 'pending';
      },
      want: [['/state', 'enum', '#/components/schemas/conversation/properties/state/enum']],
    },
    {
      name: 'null where not nullable',
      mutate: (c) => {
        c.open = null;
      },
      want: [['/open', 'type', '#/components/schemas/conversation/properties/open/type']],
    },
    {
      name: 'null beside $ref is not nullable (strict reading)',
      mutate: (c) => {
        c.sla_applied = null;
      },
      want: [['/sla_applied', 'type', '#/components/schemas/sla_applied/type']],
    },
    {
      name: 'a millisecond timestamp is not Unix seconds',
      mutate: (c) => {
        c.updated_at = 1663597260000000;
      },
      want: [['/updated_at', 'format', '#/components/schemas/conversation/properties/updated_at/format']],
    },
    {
      name: 'every error is reported, not just the first (nested too)',
      mutate: (c) => {
        c.read = 'yes';
        c.priority = 'urgent';
        c.source.delivered_as = 42;
      },
      want: [
        ['/priority', 'enum', '#/components/schemas/conversation/properties/priority/enum'],
        ['/read', 'type', '#/components/schemas/conversation/properties/read/type'],
        [
          '/source/delivered_as',
          'type',
          '#/components/schemas/conversation_source/properties/delivered_as/type',
        ],
      ],
    },
  ];

  it.each(cases)('$name', ({ mutate, want }) => {
    const body = conformingConversation211();
    mutate(body);
    const findings = validateAgainst(target, body);
    expect(findings.map((f) => [f.instancePath, f.keyword, f.specPointer])).toEqual(want);
  });

  it('keeps the Ajv fields as data', () => {
    const body = conformingConversation211();
    body.state = 'pending';
    const [finding] = validateAgainst(target, body);
    expect(finding).toEqual({
      instancePath: '/state',
      schemaPath: '#/properties/state/enum',
      keyword: 'enum',
      params: { allowedValues: ['open', 'closed', 'snoozed'] },
      message: 'must be equal to one of the allowed values',
      specPointer: '#/components/schemas/conversation/properties/state/enum',
    });
  });

  it('validates a value under the dangling custom_attributes $ref as unconstrained', () => {
    for (const value of ['text', 42, null, { any: ['thing'] }]) {
      expect(validateAgainst(target, { ...conformingConversation211(), custom_attributes: value })).toEqual(
        [],
      );
    }
  });

  it('requires topics (required but never defined in 2.11) and accepts any value for it', () => {
    const body = conformingConversation211();
    delete body.topics;
    expect(validateAgainst(target, body).map((f) => f.params)).toEqual([{ missingProperty: 'topics' }]);
    expect(validateAgainst(target, { ...conformingConversation211(), topics: 'anything' })).toEqual([]);
  });

  it('applied_by: null fails under the strict reading (nullable around allOf)', () => {
    const body = conformingConversation211();
    body.tags = {
      type: 'tag.list',
      tags: [{ type: 'tag', id: '1', name: 'x', applied_at: 1663597223, applied_by: null }],
    };
    expect(validateAgainst(target, body).map((f) => [f.instancePath, f.specPointer])).toEqual([
      ['/tags/tags/0/applied_by', '#/components/schemas/reference/type'],
    ]);
  });
});
