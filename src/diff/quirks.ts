import type { Change, QuirkAnnotation, QuirkRelation } from './model.ts';

/**
 * Where a registered quirk applies: a JSON pointer into the old or the new description (from the quirk
 * overlays, `openapi/quirks/<version>.yaml`, whose actions carry `x-quirk: { id, summary, source }`).
 */
export interface QuirkTarget {
  quirkId: string;
  pointer: string;
  side: 'old' | 'new';
}

/** `pointer` is `base` or lies under it (`/a/b` is under `/a`, `/ab` is not); `#/a` and `/a` are the same. */
export function isAtOrUnder(pointer: string, base: string): boolean {
  const [p, b] = [pointer.replace(/^#/, ''), base.replace(/^#/, '').replace(/\/$/, '')];
  return p === b || p.startsWith(`${b}/`);
}

/**
 * Marks the changes that touch a quirk's target. A change touches a target of side S when its S-side pointer
 * equals the target pointer or lies under it. The relation then depends on where the quirk is registered:
 * - target on the old side, quirk not registered on the new side → `may-resolve`: the place the quirk works
 *   around changed and the new side no longer needs it registered; re-check and drop it if the API agrees;
 * - target on the new side, quirk not registered on the old side → `introduces`: the change lands on a place
 *   that needs a quirk only in the new side;
 * - quirk registered on both sides → `touches`: the quirk still applies; its target changed, so re-check it.
 * (A quirk registered on one side only can match only that side, so the relation is well defined.) A change
 * gets one annotation per quirk id, for the first matching target; changes that touch no quirk are returned
 * as they are. Pure: the input is not modified.
 */
export function annotateQuirks(changes: readonly Change[], quirkTargets: readonly QuirkTarget[]): Change[] {
  if (quirkTargets.length === 0) return [...changes];
  const registered = {
    old: new Set(quirkTargets.filter((t) => t.side === 'old').map((t) => t.quirkId)),
    new: new Set(quirkTargets.filter((t) => t.side === 'new').map((t) => t.quirkId)),
  };
  return changes.map((change) => {
    const byQuirk = new Map<string, QuirkAnnotation>();
    for (const target of quirkTargets) {
      const at = target.side === 'old' ? change.oldPointer : change.newPointer;
      if (!at || !isAtOrUnder(at, target.pointer)) continue;
      const other = target.side === 'old' ? registered.new : registered.old;
      const relation: QuirkRelation = other.has(target.quirkId)
        ? 'touches'
        : target.side === 'old'
          ? 'may-resolve'
          : 'introduces';
      if (!byQuirk.has(target.quirkId)) {
        byQuirk.set(target.quirkId, { quirkId: target.quirkId, relation, target: target.pointer });
      }
    }
    if (byQuirk.size === 0) return change;
    const quirks = [...byQuirk.values()].sort((a, b) =>
      a.quirkId < b.quirkId ? -1 : a.quirkId > b.quirkId ? 1 : 0,
    );
    return { ...change, quirks: [...(change.quirks ?? []), ...quirks] };
  });
}

export function describeQuirk(annotation: QuirkAnnotation): string {
  switch (annotation.relation) {
    case 'may-resolve':
      return `may resolve quirk ${annotation.quirkId}`;
    case 'introduces':
      return `introduces quirk ${annotation.quirkId}`;
    case 'touches':
      return `touches quirk ${annotation.quirkId} (still registered: re-check it)`;
  }
}
