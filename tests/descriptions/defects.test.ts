import { describe, expect, it } from 'vitest';
import type { SpecDefect } from '../../src/descriptions/defects.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';

const defects = (v: string) => loadArtifacts(v).defects();
const find = (list: SpecDefect[], kind: string, pointer: string) =>
  list.find((d) => d.kind === kind && d.pointer === pointer);

/** Facts of the pinned files (see ../shared/intercom-openapi/README.md), each checked in generated/<v>/spec-defects.json. */
describe('spec-defects.json of the pinned descriptions', () => {
  it('lists the dangling custom_attributes reference in both versions', () => {
    expect(
      find(
        defects('2.10'),
        'dangling-ref',
        '#/components/schemas/create_phone_switch_request/properties/custom_attributes',
      ),
    ).toBeDefined();
    const conv = find(
      defects('2.11'),
      'dangling-ref',
      '#/components/schemas/conversation/properties/custom_attributes',
    );
    // conversation is also manageConversation's answer; the list item is also searchConversations' (2.11: one schema).
    expect(conv).toMatchObject({
      operations: ['manageConversation', 'retrieveConversation'],
      details: { ref: '#/components/schemas/custom_attributes' },
    });
    expect(
      find(
        defects('2.11'),
        'dangling-ref',
        '#/components/schemas/conversation_list_item/properties/custom_attributes',
      )?.operations,
    ).toEqual(['listConversations', 'searchConversations']);
  });

  it('lists 2.11 requiring topics without defining it', () => {
    const d = find(defects('2.11'), 'required-undefined', '#/components/schemas/conversation/required');
    expect(d?.details).toEqual({ property: 'topics' });
  });

  it('lists nullable next to $ref and around allOf', () => {
    expect(
      find(
        defects('2.11'),
        'nullable-beside-ref',
        '#/components/schemas/conversation/properties/sla_applied',
      ),
    ).toBeDefined();
    expect(
      find(defects('2.11'), 'nullable-beside-ref', '#/components/schemas/cursor_pages/properties/next')
        ?.operations,
    ).toEqual(['listConversations', 'searchConversations']);
    for (const v of ['2.10', '2.11']) {
      expect(
        find(defects(v), 'nullable-around-allof', '#/components/schemas/tag/properties/applied_by')
          ?.operations,
      ).toContain('attachTagToConversation');
    }
  });

  it("lists 2.10's list example carrying conversations that its schema does not describe", () => {
    const d = defects('2.10').find(
      (x) => x.kind === 'example-undocumented-property' && x.operations?.includes('listConversations'),
    );
    expect(d?.details).toEqual({ properties: ['/conversations'] });
  });

  it('lists examples that fail their own schema, with the errors', () => {
    const d = defects('2.11').find(
      (x) => x.kind === 'example-fails-schema' && x.operations?.includes('retrieveConversation'),
    );
    expect(d?.pointer).toBe(
      '#/paths/~1conversations~1{conversation_id}/get/responses/200/content/application~1json/examples/conversation found/value',
    );
  });

  it('is sorted and has no duplicates', () => {
    for (const v of ['2.10', '2.11']) {
      const keys = defects(v).map((d) => `${d.kind} ${d.pointer} ${JSON.stringify(d.details ?? {})}`);
      expect(keys).toEqual([...new Set(keys)].sort((a, b) => a.localeCompare(b)));
    }
  });
});
