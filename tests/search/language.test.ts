import { describe, expect, it } from 'vitest';
import { SEARCH_FIELDS } from '../../src/search/fields.ts';
import { queriesFrom } from '../../src/search/generate.ts';
import {
  DEFAULT_PER_PAGE,
  MAX_FILTERS_PER_GROUP,
  MAX_NESTING,
  MAX_PER_PAGE,
} from '../../src/search/limits.ts';
import { SEARCH_OPERATORS } from '../../src/search/operators.ts';
import { validateSearchRequest } from '../../src/search/validate.ts';
import { SEARCH_SCHEMA_FACTS } from '../../src/search/versions.ts';
import { sampleConversations } from './conversations.ts';
import {
  componentValidator,
  description,
  markdownTable,
  operation,
  schemas,
  VERSIONS,
} from './descriptions.ts';

const TYPE_NAMES: Record<string, string> = {
  String: 'string',
  Integer: 'integer',
  'Date (UNIX timestamp)': 'date',
  Boolean: 'boolean',
};

describe.each(VERSIONS)('the search language of %s, read from the description', (version) => {
  const doc = description(version);
  const { op } = operation(doc, 'searchConversations');
  const text = op.description!;
  const S = schemas(doc);

  it('has exactly our accepted fields with their types', () => {
    const rows = markdownTable(text, '### Accepted Fields').map(([field, type]) => [
      field,
      TYPE_NAMES[type!.split('<br>')[0]!.trim()] ?? type,
    ]);
    expect(rows).toEqual(SEARCH_FIELDS.map((f) => [f.field, f.type]));
  });

  it('has exactly our documented operators, for the same field types', () => {
    const rows = markdownTable(text, '### Accepted Operators').map(([operator, types]) => {
      const t = types!.includes('All')
        ? ['string', 'integer', 'date', 'boolean']
        : [
            ...(types!.includes('String') ? ['string'] : []),
            ...(types!.includes('Integer') ? ['integer'] : []),
            ...(types!.includes('Date') ? ['date'] : []),
          ];
      return [operator, t.sort()];
    });
    expect(rows).toEqual(
      SEARCH_OPERATORS.filter((o) => o.types.length > 0).map((o) => [o.operator, [...o.types].sort()]),
    );
  });

  it("the schema's operator enum is our operators, two of which the conversation table does not document", () => {
    const operatorSchema = (S.single_filter_search_request!.properties as Record<string, { enum: string[] }>)
      .operator!;
    expect([...operatorSchema.enum].sort()).toEqual(SEARCH_OPERATORS.map((o) => o.operator).sort());
    expect(SEARCH_OPERATORS.filter((o) => o.types.length === 0).map((o) => o.operator)).toEqual(['<=', '>=']);
  });

  it('states the limits we enforce', () => {
    expect(text).toContain(`There's a limit of max ${MAX_NESTING} nested filters`);
    expect(text).toContain(
      `There's a limit of max ${MAX_FILTERS_PER_GROUP} filters for each AND or OR group`,
    );
    expect(text).toContain(
      `The default is \`${DEFAULT_PER_PAGE}\` results per page and maximum is \`${MAX_PER_PAGE}\``,
    );
    expect(text).toContain(
      'A query with a `=` operator and a `"need support"` value will not yield a result',
    );
  });

  it('has the schema facts we record for it', () => {
    const multiValue = (
      S.multiple_filter_search_request!.properties as Record<string, Record<string, unknown>>
    ).value!;
    const groupItems = Array.isArray(multiValue.oneOf) ? 'uniform' : 'mixed';
    if (groupItems === 'mixed')
      expect((multiValue.items as { $ref: string }).$ref).toBe(
        '#/components/schemas/multiple_or_single_filter_search_request',
      );
    const value = (
      S.single_filter_search_request!.properties as Record<string, { oneOf: Array<{ type: string }> }>
    ).value!;
    const arrays = value.oneOf.filter((b) => b.type === 'array').length;
    const paging = S.starting_after_paging as { required?: string[] };
    expect({
      groupItems,
      arrayValues: arrays === 2 ? 'uniform' : 'mixed',
      perPageRequired: paging.required?.includes('per_page') ?? false,
    }).toEqual(SEARCH_SCHEMA_FACTS[version]);
  });

  it('reads each field where its conversation model has it (ai_agent only from 2.11)', () => {
    const resolve = (node: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
      let n = node;
      while (n && typeof n.$ref === 'string') n = S[n.$ref.split('/').pop()!];
      if (n && Array.isArray(n.allOf))
        return {
          properties: Object.assign(
            {},
            ...(n.allOf as Array<Record<string, unknown>>).map((x) => resolve(x)?.properties ?? {}),
          ),
        };
      return n;
    };
    const has = (path: string[]) => {
      let n = resolve(S.conversation);
      for (const key of path) {
        n =
          key === '*'
            ? resolve(n?.items as Record<string, unknown>)
            : resolve((n?.properties as Record<string, Record<string, unknown>>)?.[key]);
        if (!n) return false;
      }
      return true;
    };
    const missing = SEARCH_FIELDS.filter((x) => x.path && !has(x.path)).map((x) => x.field);
    const aiAgent = SEARCH_FIELDS.filter((x) => x.field.startsWith('ai_agent')).map((x) => x.field);
    expect(missing).toEqual(['2.7', '2.8', '2.9', '2.10'].includes(version) ? aiAgent : []);
    // The fields we read as absent are indeed in no model, under their own names.
    for (const x of SEARCH_FIELDS.filter((y) => y.path === null))
      expect(has(x.field.split('.')), x.field).toBe(false);
    // And the renamed ones are not where their names say.
    for (const name of ['conversation_rating.score', 'conversation_rating.admin_d', 'contact_ids', 'tag_ids'])
      expect(has(name.split('.')), name).toBe(false);
  });

  it("accepts the description's own request example (a date sent as a numeric string)", () => {
    const examples = (
      op.requestBody as { content: Record<string, { examples: Record<string, { value: unknown }> }> }
    ).content['application/json']!.examples;
    for (const { value } of Object.values(examples)) {
      expect(validateSearchRequest(value, version, { schema: 'strict' })).toMatchObject({
        ok: true,
        perPage: 5,
      });
      expect(componentValidator(doc, 'search_request')(value)).toBe(true);
    }
  });

  it('its search_request schema agrees with the strict validator on every generated query', () => {
    const schema = componentValidator(doc, 'search_request');
    for (const q of queriesFrom(sampleConversations())) {
      const strict = validateSearchRequest(q.request, version, { schema: 'strict' });
      if (!q.refusedBy) {
        expect(strict.ok, q.name).toBe(true);
        expect(schema(q.request), `${q.name}: ${JSON.stringify(schema.errors?.[0])}`).toBe(true);
      }
    }
    // A group mixing a filter and a group, and an array value mixing strings and integers.
    const mixedGroup = {
      query: {
        operator: 'AND',
        value: [
          { field: 'state', operator: '=', value: 'open' },
          { operator: 'OR', value: [{ field: 'id', operator: '=', value: '1' }] },
        ],
      },
    };
    const mixedArray = { query: { field: 'admin_assignee_id', operator: 'IN', value: ['1', 2] } };
    const noPerPage = {
      query: { field: 'state', operator: '=', value: 'open' },
      pagination: { starting_after: 'abc' },
    };
    for (const body of [mixedGroup, mixedArray, noPerPage]) {
      expect(validateSearchRequest(body, version).ok).toBe(true);
      expect(validateSearchRequest(body, version, { schema: 'strict' }).ok).toBe(schema(body));
    }
  });
});
