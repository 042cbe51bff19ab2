import { Ajv, type ValidateFunction } from 'ajv';
import { loadDescriptionFile, type OpenApiDocument } from '../../src/descriptions/load.ts';
import { descriptionFolder, SEARCH_VERSIONS } from '../../src/search/versions.ts';
import { mirrorFile, PINNED_COMMIT } from '../helpers/env.ts';

/** Every published version's description from the mirror (2.7 … 2.16 and Preview), parsed once per test file. */
const cache = new Map<string, OpenApiDocument>();

export function description(version: string): OpenApiDocument {
  let doc = cache.get(version);
  if (!doc) {
    doc = loadDescriptionFile(mirrorFile(PINNED_COMMIT, descriptionFolder(version)));
    cache.set(version, doc);
  }
  return doc;
}

export const VERSIONS = SEARCH_VERSIONS;

type Op = Record<string, unknown> & { description?: string; requestBody?: unknown; responses?: unknown };

export function operation(doc: OpenApiDocument, operationId: string): { path: string; op: Op } {
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Op>>))
    for (const op of Object.values(item)) if (op && op.operationId === operationId) return { path, op };
  throw new Error(`${operationId} not in the description`);
}

export function schemas(doc: OpenApiDocument): Record<string, Record<string, unknown>> {
  return (doc.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
}

/** The rows of the first markdown table after a heading in a description text. */
export function markdownTable(text: string, heading: string): string[][] {
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`no ${heading}`);
  const lines = text.slice(start).split('\n');
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(1)) {
    if (line.trim().startsWith('|')) {
      inTable = true;
      rows.push(
        line
          .trim()
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim()),
      );
    } else if (inTable) break;
  }
  return rows.slice(2); // header and alignment row
}

/** A validator for one of a description's component schemas, read as OpenAPI 3.0 (nullable honoured). */
export function componentValidator(doc: OpenApiDocument, name: string): ValidateFunction {
  return schemaValidator(doc, { $ref: `#/components/schemas/${name}` });
}

/** A validator for a schema of a description (its `$ref`s resolved in the description's components). */
export function schemaValidator(doc: OpenApiDocument, schema: unknown): ValidateFunction {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'description.json', components: strictNullable(structuredClone(doc.components)) });
  const rooted = JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', '"description.json#/components/'),
  );
  return ajv.compile(rooted);
}

/**
 * OpenAPI 3.0's `nullable`, read as the kit's validators read it: it admits null beside `type` in the same
 * schema object and means nothing elsewhere (beside `$ref` or `oneOf`).
 */
function strictNullable(node: unknown): unknown {
  if (Array.isArray(node)) node.forEach(strictNullable);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.nullable === true && typeof o.type === 'string') o.type = [o.type, 'null'];
    delete o.nullable;
    Object.values(o).forEach(strictNullable);
  }
  return node;
}
