import { escapeToken, resolvePointer } from '../util/json-pointer.ts';
import type { OpenApiDocument } from './load.ts';

/**
 * Calls `visit` for every local `$ref` in `node` that resolves to nothing in `doc`, with the pointer of the
 * object holding it. Examples are skipped (their `$ref`-looking keys are data). `visit` may modify the holder.
 */
export function forEachDanglingRef(
  doc: OpenApiDocument,
  node: unknown,
  at: string,
  visit: (holder: Record<string, unknown>, ref: string, at: string) => void,
): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      forEachDanglingRef(doc, v, `${at}/${i}`, visit);
    });
    return;
  }
  if (!node || typeof node !== 'object') return;
  const rec = node as Record<string, unknown>;
  if (
    typeof rec.$ref === 'string' &&
    rec.$ref.startsWith('#') &&
    resolvePointer(doc, rec.$ref) === undefined
  ) {
    visit(rec, rec.$ref, at);
    return;
  }
  for (const [k, v] of Object.entries(rec)) {
    if (k !== 'example' && k !== 'examples') forEachDanglingRef(doc, v, `${at}/${escapeToken(k)}`, visit);
  }
}
