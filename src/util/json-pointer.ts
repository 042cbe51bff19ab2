/** RFC 6901 JSON pointers, in URI-fragment form (`#/a/b~1c`) as OpenAPI `$ref`s use them. */

export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointer(...tokens: Array<string | number>): string {
  return `#${tokens.map((t) => `/${escapeToken(t)}`).join('')}`;
}

export function parsePointer(ptr: string): string[] {
  const body = ptr.startsWith('#') ? ptr.slice(1) : ptr;
  if (body === '') return [];
  if (!body.startsWith('/')) throw new Error(`not a JSON pointer: ${ptr}`);
  return body
    .slice(1)
    .split('/')
    .map((t) => unescapeToken(decodeURIComponent(t)));
}

/** Resolves a local pointer in `doc`; `undefined` when any step is missing. */
export function resolvePointer(doc: unknown, ptr: string): unknown {
  let node: unknown = doc;
  for (const token of parsePointer(ptr)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Appends tokens to a pointer. */
export function childPointer(base: string, ...tokens: Array<string | number>): string {
  return base + tokens.map((t) => `/${escapeToken(t)}`).join('');
}
