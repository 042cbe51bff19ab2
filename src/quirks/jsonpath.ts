import { UserError } from '../util/errors.ts';
import { escapeToken } from '../util/json-pointer.ts';

/**
 * The JSONPath subset the quirk overlays use (RFC 9535 syntax): `$`, `.name`, `['name']`, `['a','b']`, `[n]`, `[*]`, `.*`,
 * and the filters `[?(@ == 'v')]` / `[?(@.key == 'v')]`. Resolves to JSON pointers of the matched nodes.
 */
type Segment =
  | { kind: 'name'; names: string[] }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'filter'; key?: string; value: unknown };

function parse(path: string): Segment[] {
  if (!path.startsWith('$')) throw new UserError(`JSONPath must start with $: ${path}`);
  const segments: Segment[] = [];
  let i = 1;
  const fail = () => {
    throw new UserError(`unsupported JSONPath at ${i}: ${path}`);
  };
  while (i < path.length) {
    if (path[i] === '.') {
      if (path[i + 1] === '*') {
        segments.push({ kind: 'wildcard' });
        i += 2;
        continue;
      }
      const m = /^[A-Za-z_$][\w$-]*/.exec(path.slice(i + 1));
      if (!m) fail();
      segments.push({ kind: 'name', names: [m![0]] });
      i += 1 + m![0].length;
    } else if (path[i] === '[') {
      const rest = path.slice(i);
      const names = /^\[\s*(?:'[^']*'|"[^"]*")(?:\s*,\s*(?:'[^']*'|"[^"]*"))*\s*\]/.exec(rest);
      const index = /^\[\s*(\d+)\s*\]/.exec(rest);
      const wildcard = /^\[\s*\*\s*\]/.exec(rest);
      const filter =
        /^\[\?\(?\s*@(?:\.([A-Za-z_][\w-]*))?\s*==\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?|true|false|null))\s*\)?\]/.exec(
          rest,
        );
      const m = names ?? index ?? wildcard ?? filter;
      if (names) {
        segments.push({
          kind: 'name',
          names: [...names[0].matchAll(/'([^']*)'|"([^"]*)"/g)].map((n) => n[1] ?? n[2]!),
        });
      } else if (index) segments.push({ kind: 'index', index: Number(index[1]) });
      else if (wildcard) segments.push({ kind: 'wildcard' });
      else if (filter) {
        const literal = filter[2] ?? filter[3] ?? JSON.parse(filter[4]!);
        segments.push({ kind: 'filter', ...(filter[1] ? { key: filter[1] } : {}), value: literal });
      } else fail();
      i += m![0].length;
    } else fail();
  }
  return segments;
}

/** The JSON pointers (URI-fragment form) of every node the path selects, in document order. */
export function selectPointers(doc: unknown, path: string): string[] {
  let current: Array<{ node: unknown; at: string }> = [{ node: doc, at: '#' }];
  for (const segment of parse(path)) {
    const next: Array<{ node: unknown; at: string }> = [];
    for (const { node, at } of current) {
      if (node === null || typeof node !== 'object') continue;
      const entries: Array<[string, unknown]> = Array.isArray(node)
        ? node.map((v, idx) => [String(idx), v])
        : Object.entries(node as Record<string, unknown>);
      for (const [key, value] of entries) {
        const child = { node: value, at: `${at}/${escapeToken(key)}` };
        switch (segment.kind) {
          case 'name':
            if (!Array.isArray(node) && segment.names.includes(key)) next.push(child);
            break;
          case 'index':
            if (Array.isArray(node) && Number(key) === segment.index) next.push(child);
            break;
          case 'wildcard':
            next.push(child);
            break;
          case 'filter': {
            const probe =
              segment.key === undefined ? value : (value as Record<string, unknown> | null)?.[segment.key];
            if (probe === segment.value) next.push(child);
            break;
          }
        }
      }
    }
    current = next;
  }
  return current.map((c) => c.at);
}
