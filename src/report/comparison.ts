import { visibleControls } from './visible.ts';

/**
 * The cross-version comparison of a run (`RunResult.runtimeDiff`: the payloads two API versions returned for
 * the same resources) as the reports show it. The engine behind `runtimeDiff` may change its shape: this adapter
 * is the only code that reads it, and it reads defensively (an entry it cannot read is left out, never a crash).
 */
export interface ComparisonRow {
  operation: string;
  /** The two versions compared, older first. */
  from: string;
  to: string;
  /** `only in 2.11`, `only in 2.10`, `type differs`, `values differ: "priority" → "urgent" ×2, null → 0 ×4`. */
  change: string;
  path: string;
  /** JSON types on each side (`–` when absent). */
  fromTypes: string;
  toTypes: string;
  /** In how many compared payloads it was seen. */
  count: number;
  /** The resources it was seen in (e.g. `retrieveConversation 1060118481`). */
  examples: string[];
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? visibleControls(v, false) : undefined;
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const types = (side: Record<string, unknown>): string => {
  const list = Array.isArray(side.types) ? side.types.map(str).filter((t) => t !== undefined) : [];
  return list.length === 0 ? '–' : list.join(' | ');
};

export function comparisonView(runtimeDiff: unknown): ComparisonRow[] {
  if (!Array.isArray(runtimeDiff)) return [];
  const rows: ComparisonRow[] = [];
  for (const entry of runtimeDiff) {
    const d = obj(entry);
    const a = obj(d.a);
    const b = obj(d.b);
    const path = str(d.path);
    const kind = str(d.kind);
    if (path === undefined || kind === undefined) continue;
    const from = str(a.label) ?? 'a';
    const to = str(b.label) ?? 'b';
    const keys = Array.isArray(d.keys) ? d.keys.map(str).filter((k) => k !== undefined) : [];
    // values-differ: the value mapping the same resources showed (old → new, with counts).
    const scalar = (v: unknown) =>
      v === null || typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : typeof v === 'string'
          ? JSON.stringify(visibleControls(v, false))
          : undefined;
    const mapping = (Array.isArray(d.values) ? d.values : [])
      .map(obj)
      .filter((m) => scalar(m.a) !== undefined && scalar(m.b) !== undefined && typeof m.count === 'number')
      .map((m) => `${scalar(m.a)} → ${scalar(m.b)} ×${m.count}`);
    const more = typeof d.more === 'number' && d.more > 0 ? `, ${d.more} more` : '';
    rows.push({
      operation: str(d.operationId) ?? '',
      from,
      to,
      change:
        kind === 'only-in-a'
          ? `only in ${from}`
          : kind === 'only-in-b'
            ? `only in ${to}`
            : kind === 'values-differ' && mapping.length > 0
              ? `values differ: ${mapping.join(', ')}${more}`
              : kind.replace(/-/g, ' '),
      path: path || '(root)',
      fromTypes: types(a),
      toTypes: types(b),
      count: typeof d.count === 'number' && Number.isFinite(d.count) ? d.count : keys.length,
      examples: keys,
    });
  }
  return rows.sort(
    (x, y) =>
      x.from.localeCompare(y.from, undefined, { numeric: true }) ||
      x.to.localeCompare(y.to, undefined, { numeric: true }) ||
      x.operation.localeCompare(y.operation) ||
      x.path.localeCompare(y.path) ||
      x.change.localeCompare(y.change) ||
      x.toTypes.localeCompare(y.toTypes) ||
      x.fromTypes.localeCompare(y.fromTypes),
  );
}
