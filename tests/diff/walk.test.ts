import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/descriptions/load.ts';
import { diffDescriptions } from '../../src/diff/index.ts';
import type { SchemaSite } from '../../src/diff/rule.ts';
import { viewSchema } from '../../src/diff/schema-view.ts';
import { walkSchemaPair } from '../../src/diff/walk.ts';

/** A one-operation description whose 200 response (and 202 when given) is `schema`. */
function api(
  schemas: Record<string, unknown>,
  schema: unknown,
  more: Record<string, unknown> = {},
): OpenApiDocument {
  const content = { 'application/json': { schema } };
  return {
    openapi: '3.0.3',
    paths: {
      '/things': {
        post: {
          operationId: 'makeThing',
          ...more,
          responses: { '200': { description: 'ok', content }, '202': { description: 'later', content } },
        },
      },
    },
    components: { schemas },
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('walking two schemas', () => {
  it('terminates on recursive schemas and reports a change inside once per response', () => {
    const node = (nameType: string) => ({
      node: {
        type: 'object',
        properties: {
          name: { type: nameType },
          children: { type: 'array', items: ref('node') },
          parent: ref('other'),
        },
      },
      other: { type: 'object', properties: { back: ref('node') } },
    });
    const report = diffDescriptions(api(node('string'), ref('node')), api(node('integer'), ref('node')), {
      operations: ['makeThing'],
    });
    expect(report.changes.map((c) => [c.ruleId, c.status, c.property, c.oldPointer])).toEqual([
      ['response-property-type-changed', '200', 'name', '#/components/schemas/node/properties/name'],
      ['response-property-type-changed', '202', 'name', '#/components/schemas/node/properties/name'],
    ]);
  });

  it('visits each place once and descends into each pair of resolved nodes once', () => {
    const schemas = {
      a: { type: 'object', properties: { x: ref('b'), y: ref('b'), self: ref('a') } },
      b: { type: 'object', properties: { z: { type: 'string' } } },
    };
    const doc = api(schemas, ref('a'));
    const sites: SchemaSite[] = [];
    walkSchemaPair(
      { oldDoc: doc, newDoc: doc, direction: 'response', visit: (s) => sites.push(s) },
      ref('a'),
      '#/r',
      ref('a'),
      '#/r',
    );
    expect(sites.map((s) => [s.path.join('.'), s.old.at, s.old.pointer])).toEqual([
      ['', '#/r', '#/components/schemas/a'],
      ['x', '#/components/schemas/a/properties/x', '#/components/schemas/b'],
      ['x.z', '#/components/schemas/b/properties/z', '#/components/schemas/b/properties/z'],
      ['y', '#/components/schemas/a/properties/y', '#/components/schemas/b'],
      ['self', '#/components/schemas/a/properties/self', '#/components/schemas/a'],
    ]);
  });

  it('reads an allOf as the merge of its members, with the members’ pointers', () => {
    const schemas = (withNote: boolean) => ({
      base: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, ...(withNote ? { note: { type: 'string' } } : {}) },
      },
      thing: { allOf: [ref('base'), { type: 'object', properties: { size: { type: 'integer' } } }] },
    });
    const report = diffDescriptions(api(schemas(true), ref('thing')), api(schemas(false), ref('thing')), {
      operations: ['makeThing'],
    });
    expect(report.changes.map((c) => [c.ruleId, c.status, c.property, c.oldPointer, c.newPointer])).toEqual([
      [
        'response-property-removed',
        '200',
        'note',
        '#/components/schemas/base/properties/note',
        '#/components/schemas/thing',
      ],
      [
        'response-property-removed',
        '202',
        'note',
        '#/components/schemas/base/properties/note',
        '#/components/schemas/thing',
      ],
    ]);
  });

  it('pairs anyOf branches by component, not by position', () => {
    const schemas = (aType: string) => ({
      a: { type: 'object', properties: { v: { type: aType } } },
      b: { type: 'object', properties: { w: { type: 'string' } } },
    });
    const report = diffDescriptions(
      api(schemas('string'), { anyOf: [ref('a'), ref('b')] }),
      api(schemas('number'), { anyOf: [ref('b'), ref('a')] }),
      { operations: ['makeThing'] },
    );
    expect(report.changes.filter((c) => c.status === '200').map((c) => [c.ruleId, c.property])).toEqual([
      ['response-property-type-changed', '<a>.v'],
    ]);
  });

  it('judges a request body with the request rules', () => {
    const body = (required: string[]) => ({
      requestBody: {
        content: {
          'application/json': {
            schema: { type: 'object', required, properties: { name: { type: 'string' } } },
          },
        },
      },
    });
    const report = diffDescriptions(
      api({}, { type: 'object' }, body([])),
      api({}, { type: 'object' }, body(['name'])),
      {
        operations: ['makeThing'],
      },
    );
    expect(report.changes.map((c) => [c.ruleId, c.severity, c.location, c.mediaType, c.property])).toEqual([
      ['request-property-became-required', 'breaking', 'request', 'application/json', 'name'],
    ]);
  });
});

describe('the view of one schema', () => {
  const doc = {
    paths: {},
    components: {
      schemas: {
        ref: { type: 'object', properties: { id: { type: 'string' } } },
        nullable_component: { type: 'object', nullable: true },
      },
    },
  } as OpenApiDocument;
  const view = (node: unknown) => viewSchema(doc, node, '#/x');

  it.each([
    [{ type: 'string' }, false, undefined],
    [{ type: 'string', nullable: true }, true, 'type'],
    [{ type: ['string', 'null'] }, true, 'type'],
    [{ type: 'string', enum: ['a', null] }, true, 'type'],
    [{ $ref: '#/components/schemas/ref', nullable: true }, true, 'beside-ref'],
    [{ type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/ref' }] }, true, 'around-allof'],
    [{ $ref: '#/components/schemas/nullable_component' }, true, 'type'],
  ])('reads the nullability of %j as declared', (node, nullable, how) => {
    expect([view(node).nullable, view(node).nullableHow]).toEqual([nullable, how]);
  });

  it('names the component of a $ref and of a one-$ref allOf, and marks a dangling $ref', () => {
    expect(view({ $ref: '#/components/schemas/ref' })).toMatchObject({
      component: 'ref',
      pointer: '#/components/schemas/ref',
      at: '#/x',
    });
    expect(view({ nullable: true, allOf: [{ $ref: '#/components/schemas/ref' }] }).component).toBe('ref');
    expect(
      view({ allOf: [{ $ref: '#/components/schemas/ref' }], properties: { more: {} } }).component,
    ).toBeUndefined();
    expect(view({ $ref: '#/components/schemas/gone' })).toMatchObject({
      dangling: '#/components/schemas/gone',
      at: '#/x',
    });
  });

  it('infers object and array types from the shape when type is absent', () => {
    expect(view({ properties: { a: {} } }).types).toEqual(['object']);
    expect(view({ items: {} }).types).toEqual(['array']);
    expect(view({ description: 'anything' }).types).toBeUndefined();
  });
});
