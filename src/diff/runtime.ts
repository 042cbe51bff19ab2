/**
 * The behavioural counterpart of the spec diff: the payloads two API versions returned for the same
 * resources (e.g. the same conversation fetched with `Intercom-Version: 2.10` and `2.11`), compared by
 * property set and JSON type. Pure; the caller (`run`) pairs the payloads.
 */

export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface PayloadPair {
  /** What the two payloads are of, e.g. `retrieveConversation 123`. */
  key: string;
  a: unknown;
  b: unknown;
}

export interface RuntimeDifference {
  /** `only-in-a`: a returned the property and b did not; `type-differs`: both did, with other JSON types. */
  kind: 'only-in-a' | 'only-in-b' | 'type-differs';
  /** JSON pointer-like path with `*` for every array index, e.g. `/conversations/*\/tags/tags/*\/id`. */
  path: string;
  a: { label: string; types: JsonType[] };
  b: { label: string; types: JsonType[] };
  /** In how many pairs the difference was seen, and the keys of those pairs (sorted). */
  count: number;
  keys: string[];
}

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

function escapeSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every path of a payload with the JSON types seen there (array indices collapsed to `*`). */
export function shapeOf(payload: unknown): Map<string, Set<JsonType>> {
  const shape = new Map<string, Set<JsonType>>();
  const visit = (value: unknown, path: string): void => {
    const type = jsonType(value);
    const types = shape.get(path) ?? new Set<JsonType>();
    shape.set(path, types);
    types.add(type);
    if (type === 'array') for (const item of value as unknown[]) visit(item, `${path}/*`);
    else if (type === 'object') {
      for (const [name, child] of Object.entries(value as Record<string, unknown>))
        visit(child, `${path}/${escapeSegment(name)}`);
    }
  };
  visit(payload, '');
  return shape;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/**
 * A path present on one side only is a difference when the other side has its parent object (a missing
 * property), never when the other side simply had fewer array items or a null/absent parent (data, not
 * shape; the parent's own difference is reported instead).
 */
function onlyIn(mine: Map<string, Set<JsonType>>, theirs: Map<string, Set<JsonType>>): string[] {
  const out: string[] = [];
  for (const path of mine.keys()) {
    if (path === '' || theirs.has(path) || path.endsWith('/*')) continue;
    if (theirs.get(parentOf(path))?.has('object')) out.push(path);
  }
  return out;
}

const sorted = (types: Set<JsonType> | undefined): JsonType[] => [...(types ?? [])].sort();

export function comparePayloads(
  pairs: ReadonlyArray<PayloadPair>,
  labels: { a: string; b: string },
): RuntimeDifference[] {
  const found = new Map<string, RuntimeDifference>();
  const note = (kind: RuntimeDifference['kind'], path: string, a: JsonType[], b: JsonType[], key: string) => {
    const id = `${kind}\u0000${path}\u0000${a.join('|')}\u0000${b.join('|')}`;
    let diff = found.get(id);
    if (!diff) {
      diff = {
        kind,
        path,
        a: { label: labels.a, types: a },
        b: { label: labels.b, types: b },
        count: 0,
        keys: [],
      };
      found.set(id, diff);
    }
    if (!diff.keys.includes(key)) {
      diff.count++;
      diff.keys.push(key);
    }
  };
  for (const { key, a, b } of pairs) {
    const [sa, sb] = [shapeOf(a), shapeOf(b)];
    for (const path of onlyIn(sa, sb)) note('only-in-a', path, sorted(sa.get(path)), [], key);
    for (const path of onlyIn(sb, sa)) note('only-in-b', path, [], sorted(sb.get(path)), key);
    for (const [path, typesA] of sa) {
      const typesB = sb.get(path);
      if (!typesB) continue;
      const [ta, tb] = [sorted(typesA), sorted(typesB)];
      if (ta.join('|') !== tb.join('|')) note('type-differs', path, ta, tb, key);
    }
  }
  const kindOrder = ['only-in-a', 'only-in-b', 'type-differs'];
  return [...found.values()]
    .map((d) => ({ ...d, keys: [...d.keys].sort() }))
    .sort(
      (x, y) =>
        kindOrder.indexOf(x.kind) - kindOrder.indexOf(y.kind) ||
        (x.path < y.path ? -1 : x.path > y.path ? 1 : 0) ||
        (x.a.types.join('|') < y.a.types.join('|')
          ? -1
          : x.a.types.join('|') > y.a.types.join('|')
            ? 1
            : 0) ||
        (x.b.types.join('|') < y.b.types.join('|') ? -1 : x.b.types.join('|') > y.b.types.join('|') ? 1 : 0),
    );
}

/** One line per difference, for text reports. */
export function renderRuntimeDifference(d: RuntimeDifference): string {
  const where = d.path === '' ? '(root)' : d.path;
  const seen = `${d.count} payload pair${d.count === 1 ? '' : 's'}`;
  switch (d.kind) {
    case 'only-in-a':
      return `${where}: returned by ${d.a.label} (${d.a.types.join('|')}), not by ${d.b.label} — ${seen}`;
    case 'only-in-b':
      return `${where}: returned by ${d.b.label} (${d.b.types.join('|')}), not by ${d.a.label} — ${seen}`;
    case 'type-differs':
      return `${where}: ${d.a.label} returned ${d.a.types.join('|')}, ${d.b.label} returned ${d.b.types.join('|')} — ${seen}`;
  }
}
