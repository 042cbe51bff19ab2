import { describe, expect, it } from 'vitest';
import { DefectLog } from '../../src/descriptions/defects.ts';
import type { OpenApiDocument } from '../../src/descriptions/load.ts';
import { bundleSchema, convertSchema } from '../../src/descriptions/oas30.ts';

const doc: OpenApiDocument = {
  openapi: '3.0.1',
  paths: {},
  components: { schemas: { ref: { type: 'object', properties: { id: { type: 'string' } } } } },
};

function convert(schema: unknown) {
  const defects = new DefectLog();
  const out = convertSchema(schema, '#/x', { doc, defects, reached: new Set() });
  return { out, defects: defects.list().map((d) => d.kind) };
}

describe('the strict OpenAPI 3.0 reading', () => {
  const table: Array<{ name: string; given: unknown; want: unknown; defects?: string[] }> = [
    {
      name: 'nullable beside type admits null',
      given: { type: 'string', nullable: true },
      want: { type: ['string', 'null'] },
    },
    {
      name: 'nullable adds null to the enum',
      given: { type: 'string', enum: ['a', 'b'], nullable: true },
      want: { type: ['string', 'null'], enum: ['a', 'b', null] },
    },
    {
      name: 'nullable: false changes nothing',
      given: { type: 'integer', nullable: false },
      want: { type: 'integer' },
    },
    {
      name: 'nullable beside $ref is ignored, and recorded',
      given: { $ref: '#/components/schemas/ref', nullable: true },
      want: { $ref: '#/components/schemas/ref' },
      defects: ['nullable-beside-ref'],
    },
    {
      name: 'nullable around allOf keeps the inner $ref strict, and is recorded',
      given: { type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/ref' }] },
      want: { type: ['object', 'null'], allOf: [{ $ref: '#/components/schemas/ref' }] },
      defects: ['nullable-around-allof'],
    },
    {
      name: 'a dangling $ref validates as unconstrained, and is recorded',
      given: { $ref: '#/components/schemas/custom_attributes' },
      want: {},
      defects: ['dangling-ref'],
    },
    {
      name: 'date-time on an integer means Unix seconds',
      given: { type: 'integer', format: 'date-time', example: 1663597223 },
      want: { type: 'integer', format: 'unix-time' },
    },
    {
      name: 'string formats go to ajv-formats',
      given: { type: 'string', format: 'uuid' },
      want: { type: 'string', format: 'uuid' },
    },
    {
      name: 'unknown formats are dropped',
      given: { type: 'integer', format: 'int64' },
      want: { type: 'integer' },
    },
    {
      name: 'annotations and extensions are dropped',
      given: { type: 'string', description: 'd', example: 'e', 'x-tags': ['T'], title: 't', default: 'x' },
      want: { type: 'string' },
    },
    {
      name: 'boolean exclusive bounds become numbers',
      given: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 150 },
      want: { type: 'integer', exclusiveMinimum: 0, maximum: 150 },
    },
    {
      name: 'a required property that is never defined is recorded',
      given: { type: 'object', required: ['a', 'topics'], properties: { a: { type: 'string' } } },
      want: { type: 'object', required: ['a', 'topics'], properties: { a: { type: 'string' } } },
      defects: ['required-undefined'],
    },
  ];

  it.each(table)('$name', ({ given, want, defects = [] }) => {
    const result = convert(given);
    expect(result.out).toEqual(want);
    expect(result.defects).toEqual(defects);
  });

  it('bundles the reached components so that $refs and pointers read as in the description', () => {
    const defects = new DefectLog();
    const bundle = bundleSchema(
      { type: 'array', items: { $ref: '#/components/schemas/ref' } },
      '#/paths/~1x/get/responses/200/content/application~1json/schema',
      { doc, defects },
      new Map(),
    );
    expect(bundle).toEqual({
      schema: {
        type: 'array',
        items: { $ref: '#/components/schemas/ref' },
        components: { schemas: { ref: { type: 'object', properties: { id: { type: 'string' } } } } },
      },
      components: ['ref'],
    });
  });
});
