import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from '../spec/load.ts';
import { resolvePointer } from '../util/json-pointer.ts';

/**
 * `schema.d.ts` of a description through openapi-typescript. Dangling `$ref`s (a known defect of the pinned
 * files) are replaced by `unknown`-typed schemas in a copy first, as the validators treat them.
 */
export async function generateTypes(doc: OpenApiDocument, header: string): Promise<string> {
  const copy = structuredClone(doc) as OpenApiDocument;
  const fix = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) fix(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    if (
      typeof rec.$ref === 'string' &&
      rec.$ref.startsWith('#') &&
      resolvePointer(doc, rec.$ref) === undefined
    ) {
      delete rec.$ref;
      return;
    }
    for (const v of Object.values(rec)) fix(v);
  };
  fix(copy);
  const ast = await openapiTS(copy as never, { silent: true, alphabetize: false });
  return `${header}\n${astToString(ast)}`;
}
