/**
 * The behavioural counterpart of the spec diff: the payloads two API versions returned for the same
 * resources (e.g. the same conversation fetched with `Intercom-Version: 2.10` and `2.11`), compared property
 * by property: presence, JSON type (null included, so nullness too), and values (for each property whose
 * value differs, which old value became which new one, with counts). Pure; the callers (`run`, `upgrade`)
 * pair the payloads. One engine for both.
 */

export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface PayloadPair {
  /** What the two payloads are of, e.g. `retrieveConversation 123`. */
  key: string;
  a: unknown;
  b: unknown;
}

export type JsonScalar = string | number | boolean | null;

export interface RuntimeDifference {
  /**
   * `only-in-a`: a returned the property and b did not; `type-differs`: both did, with other JSON types;
   * `values-differ`: both returned a scalar there and the value differs (see `values`).
   */
  kind: 'only-in-a' | 'only-in-b' | 'type-differs' | 'values-differ';
  /** JSON pointer-like path with `*` for every array index, e.g. `/conversations/*\/tags/tags/*\/id`. */
  path: string;
  a: { label: string; types: JsonType[] };
  b: { label: string; types: JsonType[] };
  /** In how many pairs the difference was seen, and the keys of those pairs (sorted). */
  count: number;
  keys: string[];
  /**
   * `values-differ` only: each old → new value seen, with how many pairs showed it (most frequent first);
   * `unchanged` pairs carried the same value. At most `MAX_MAPPINGS` transitions are listed; `more` counts
   * the rest (an id-like property, not an enum).
   */
  values?: Array<{ a: JsonScalar; b: JsonScalar; count: number }>;
  unchanged?: number;
  more?: number;
}

const MAX_MAPPINGS = 12;

/** A value that can be shown: an enum-like token, a number, a boolean or null, never free text. */
const TOKEN = /^[A-Za-z0-9_.:-]{0,40}$/;
const showable = (v: JsonScalar) => typeof v !== 'string' || TOKEN.test(v);

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

/** Scalar leaves of a payload by path, through objects only (array items are not paired by position). */
function scalarsOf(payload: unknown): Map<string, JsonScalar> {
  const out = new Map<string, JsonScalar>();
  const visit = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') {
      const t = typeof value;
      if (value === null || t === 'string' || t === 'number' || t === 'boolean')
        out.set(path, value as JsonScalar);
      return;
    }
    if (Array.isArray(value)) return;
    for (const [name, child] of Object.entries(value as Record<string, unknown>))
      visit(child, `${path}/${escapeSegment(name)}`);
  };
  visit(payload, '');
  return out;
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
  for (const d of valuesDiffer(pairs, labels)) found.set(`values-differ\u0000${d.path}`, d);
  const kindOrder = ['values-differ', 'only-in-a', 'only-in-b', 'type-differs'];
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

/**
 * For every scalar property both payloads of a pair carry, the pairs whose value differs: which old value
 * became which new one, with counts (2.15 → 2.16: `priority` "priority" → "high"; `admin_assignee_id`
 * null → 0). Paths where no value differs are not reported.
 */
export function valuesDiffer(
  pairs: ReadonlyArray<PayloadPair>,
  labels: { a: string; b: string },
): RuntimeDifference[] {
  const byPath = new Map<
    string,
    {
      transitions: Map<string, { a: JsonScalar; b: JsonScalar; count: number }>;
      unchanged: number;
      keys: Set<string>;
    }
  >();
  for (const { key, a, b } of pairs) {
    const [va, vb] = [scalarsOf(a), scalarsOf(b)];
    for (const [path, x] of va) {
      if (!vb.has(path)) continue;
      const y = vb.get(path)!;
      let entry = byPath.get(path);
      if (!entry) {
        entry = { transitions: new Map(), unchanged: 0, keys: new Set() };
        byPath.set(path, entry);
      }
      if (x === y) {
        entry.unchanged++;
        continue;
      }
      const id = JSON.stringify([x, y]);
      const t = entry.transitions.get(id) ?? { a: x, b: y, count: 0 };
      t.count++;
      entry.transitions.set(id, t);
      entry.keys.add(key);
    }
  }
  const out: RuntimeDifference[] = [];
  for (const [path, entry] of byPath) {
    if (entry.transitions.size === 0) continue;
    const all = [...entry.transitions.values()].sort(
      (x, y) => y.count - x.count || (JSON.stringify([x.a, x.b]) < JSON.stringify([y.a, y.b]) ? -1 : 1),
    );
    const typesOf = (side: 'a' | 'b') => [...new Set(all.map((t) => jsonType(t[side])))].sort();
    // Free text (bodies, names, emails) is customer data and no mapping: counted, never shown.
    const shown = all.filter((t) => showable(t.a) && showable(t.b));
    out.push({
      kind: 'values-differ',
      path,
      a: { label: labels.a, types: typesOf('a') },
      b: { label: labels.b, types: typesOf('b') },
      count: entry.keys.size,
      keys: [...entry.keys].sort(),
      values: shown.slice(0, MAX_MAPPINGS),
      unchanged: entry.unchanged,
      ...(all.length > Math.min(shown.length, MAX_MAPPINGS)
        ? { more: all.length - Math.min(shown.length, MAX_MAPPINGS) }
        : {}),
    });
  }
  return out;
}

/** `"priority" → "high" ×12, null → 0 ×3` */
export function renderMappings(d: RuntimeDifference): string {
  const list = (d.values ?? []).map((v) => `${JSON.stringify(v.a)} → ${JSON.stringify(v.b)} ×${v.count}`);
  if (d.more) list.push(list.length > 0 ? `and ${d.more} more` : `${d.more} distinct changes (not shown)`);
  return list.join(', ');
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
    case 'values-differ':
      return `${where}: ${d.a.label} → ${d.b.label} ${renderMappings(d)} (unchanged in ${d.unchanged ?? 0}) — ${seen}`;
  }
}
