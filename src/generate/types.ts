import type { OpenApiDocument } from '../descriptions/load.ts';
import { forEachDanglingRef } from '../descriptions/refs.ts';

type OpenapiTs = typeof import('openapi-typescript');

/**
 * openapi-typescript, loaded on demand: it is a devDependency of the kit (the npm package ships the types of
 * every locked version already built). Without it, `generate` still writes the validators — all a run needs —
 * and skips `schema.d.ts`.
 */
async function loadOpenapiTs(): Promise<OpenapiTs | undefined> {
  try {
    return await import('openapi-typescript');
  } catch {
    return undefined;
  }
}

/**
 * `schema.d.ts` of a description through openapi-typescript, or undefined when openapi-typescript is not
 * installed. Dangling `$ref`s (a known defect of the pinned files) are replaced by `unknown`-typed schemas in a
 * copy first, as the validators treat them.
 */
export async function generateTypes(doc: OpenApiDocument, header: string): Promise<string | undefined> {
  const lib = await loadOpenapiTs();
  if (!lib) return undefined;
  const copy = structuredClone(doc) as OpenApiDocument;
  forEachDanglingRef(doc, copy, '#', (holder) => {
    delete holder.$ref;
  });
  const ast = await lib.default(copy as never, { silent: true, alphabetize: false });
  return `${header}\n${lib.astToString(ast)}`;
}
