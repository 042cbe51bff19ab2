import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from '../descriptions/load.ts';
import { forEachDanglingRef } from '../descriptions/refs.ts';

/**
 * `schema.d.ts` of a description through openapi-typescript. Dangling `$ref`s (a known defect of the pinned
 * files) are replaced by `unknown`-typed schemas in a copy first, as the validators treat them.
 */
export async function generateTypes(doc: OpenApiDocument, header: string): Promise<string> {
  const copy = structuredClone(doc) as OpenApiDocument;
  forEachDanglingRef(doc, copy, '#', (holder) => {
    delete holder.$ref;
  });
  const ast = await openapiTS(copy as never, { silent: true, alphabetize: false });
  return `${header}\n${astToString(ast)}`;
}
