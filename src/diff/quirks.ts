import type { Change, QuirkAnnotation, QuirkRelation } from './model.ts';

/**
 * Where a registered quirk applies: a JSON pointer into the old or the new description (the `targets` of
 * `generated/<version>/quirks.json`, the places its overlay actions changed).
 */
export interface QuirkTarget {
  quirkId: string;
  pointer: string;
  side: 'old' | 'new';
  /** What the quirk says Intercom does (for reasons). */
  summary?: string;
  /**
   * Whether the version's quirk-patched schema at the target admits null (unknown when absent). A new-side
   * quirk whose patched place rejects null does not explain a `response-property-stopped-nullable`.
   */
  admitsNull?: boolean;
  /**
   * The quirk's patch at the target only adds null to the strict schema (nullable-ref): it explains changes
   * of nullability there, never a branch, value or type the description added or removed at that place.
   */
  nullOnly?: boolean;
}

const strip = (p: string): string => p.replace(/^#/, '').replace(/\/$/, '');

/** `pointer` is `base` or lies under it (`/a/b` is under `/a`, `/ab` is not); `#/a` and `/a` are the same. */
export function isAtOrUnder(pointer: string, base: string): boolean {
  const [p, b] = [strip(pointer), strip(base)];
  return p === b || p.startsWith(`${b}/`);
}

/** Keywords that step into another schema: a target past one of them is about a nested schema. */
const NESTING = new Set([
  'properties',
  'items',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'patternProperties',
]);

/**
 * A change relates to a target on the same schema: the target is at the changed place, under it (a keyword
 * of that schema: `…/conversation_rating/nullable` for a change at `…/conversation_rating`, never a nested
 * property's), or above it (the change is inside the schema the target names). `above` is false for a
 * change about one of the schema's properties (added, removed, required): the pointer is then the parent
 * schema, and a quirk about the parent's own keywords (its `nullable`) does not explain it.
 */
export function relatesTo(changePointer: string, target: string, above = true): boolean {
  if (isAtOrUnder(changePointer, target)) return true;
  if (!above || !isAtOrUnder(target, changePointer)) return false;
  const rest = strip(target).slice(strip(changePointer).length).split('/').filter(Boolean);
  return !rest.some((seg) => NESTING.has(seg));
}

/** Rules whose new side admits more than the old: a quirk of the old side may already have explained it. */
const WIDENING = new Set([
  'response-property-became-nullable',
  'response-property-type-changed',
  'response-property-enum-value-added',
  'response-union-branch-added',
]);
/**
 * Rules whose new side admits less: a quirk of the new side may say the API still sends (or, for a request,
 * still accepts) the old value.
 */
const NARROWING = new Set([
  'request-property-stopped-nullable',
  'response-property-stopped-nullable',
  'response-property-enum-value-removed',
  'response-union-branch-removed',
]);

/**
 * Marks the changes that relate to a quirk's target (see `relatesTo`; the old pointer for old-side
 * targets, the new pointer for new-side ones). The relation depends on where the quirk is registered:
 * - old side only, and the change widens the description → `resolves`;
 * - old side only, otherwise → `may-resolve`: the place the quirk works around changed; re-check it;
 * - new side only → `introduces`;
 * - both sides → `touches`: the quirk still applies; its target changed, so re-check it.
 * A change the quirk explains is not a change on the wire and becomes an `artefact` with that reason: a
 * widening whose place an old-side quirk patches (the old API already sent what the new description
 * allows: 2.11 sent null ratings, 2.12 says so), or a narrowing whose place a new-side quirk patches (the
 * API still sends what the old description allowed) — for a place that stopped being nullable, only a quirk
 * whose patched schema still admits null, and never by a patch that only lets null through when the
 * change is not about null (see `isAbout`).
 * A change gets one annotation per quirk id. Changes whose class was overridden by id keep it. Pure.
 */
export function annotateQuirks(
  changes: readonly Change[],
  quirkTargets: readonly QuirkTarget[],
  keepClass: ReadonlySet<string> = new Set(),
): Change[] {
  if (quirkTargets.length === 0) return [...changes];
  const registered = {
    old: new Set(quirkTargets.filter((t) => t.side === 'old').map((t) => t.quirkId)),
    new: new Set(quirkTargets.filter((t) => t.side === 'new').map((t) => t.quirkId)),
  };
  return changes.map((change) => {
    const byQuirk = new Map<string, QuirkAnnotation & { summary?: string }>();
    let explained: { quirkId: string; summary?: string; side: 'old' | 'new' } | undefined;
    for (const target of quirkTargets) {
      const at =
        target.side === 'old' ? [change.oldPointer, change.oldPlace] : [change.newPointer, change.newPlace];
      const self = change.oldPlace !== undefined || change.newPlace !== undefined;
      if (!at.some((p) => p !== undefined && relatesTo(p, target.pointer, self))) continue;
      if (
        !explained &&
        ((target.side === 'old' && WIDENING.has(change.ruleId)) ||
          (target.side === 'new' && NARROWING.has(change.ruleId))) &&
        isAbout(change, target)
      )
        explained = {
          quirkId: target.quirkId,
          side: target.side,
          ...(target.summary ? { summary: target.summary } : {}),
        };
      if (byQuirk.has(target.quirkId)) continue;
      const other = target.side === 'old' ? registered.new : registered.old;
      const relation: QuirkRelation = other.has(target.quirkId)
        ? 'touches'
        : target.side === 'old'
          ? WIDENING.has(change.ruleId)
            ? 'resolves'
            : 'may-resolve'
          : 'introduces';
      byQuirk.set(target.quirkId, {
        quirkId: target.quirkId,
        relation,
        target: target.pointer,
        ...(target.summary ? { summary: target.summary } : {}),
      });
    }
    if (byQuirk.size === 0) return change;
    const all = [...byQuirk.values()].sort((a, b) =>
      a.quirkId < b.quirkId ? -1 : a.quirkId > b.quirkId ? 1 : 0,
    );
    let next: Change = {
      ...change,
      quirks: [...(change.quirks ?? []), ...all.map(({ summary: _s, ...a }) => a)],
    };
    if (explained && change.class === 'wire' && !keepClass.has(change.ruleId)) {
      const what = `quirk ${explained.quirkId}${explained.summary ? ` (${explained.summary})` : ''}`;
      next = {
        ...next,
        class: 'artefact',
        reason:
          explained.side === 'old'
            ? `${what} of the old version: the old API already sent this, the new description now says so — no change on the wire`
            : change.location === 'request'
              ? `${what} of the new version says the API still accepts what the old description allowed: the description narrowed, not the wire`
              : `${what} of the new version says the API still sends what the old description allowed: the description narrowed, not the wire`,
      };
    }
    return next;
  });
}

const NULLABILITY = new Set([
  'request-property-stopped-nullable',
  'response-property-became-nullable',
  'response-property-stopped-nullable',
]);

/**
 * The quirk's patch is about what the change moved: for nullability, the patched schema at the place admits
 * null (assignee-ids-as-strings patches 2.16's admin_assignee_id to integer-or-digit-string without null,
 * as 2.16 sends 0 for unassigned, so the null → 0 move stays a wire change; nullable-ref patches 2.11's admin
 * `app` to admit null, so its stopped-nullable is an artefact); for anything else, the patch does more than
 * let null through (nullable-ref on event_details explains no new anyOf branch). Unknown facts count as about.
 */
function isAbout(change: Change, target: QuirkTarget): boolean {
  if (NULLABILITY.has(change.ruleId)) return target.admitsNull !== false;
  return target.nullOnly !== true;
}

export function describeQuirk(annotation: QuirkAnnotation): string {
  switch (annotation.relation) {
    case 'resolves':
      return `resolves quirk ${annotation.quirkId}`;
    case 'may-resolve':
      return `may resolve quirk ${annotation.quirkId} (re-check it)`;
    case 'introduces':
      return `introduces quirk ${annotation.quirkId}`;
    case 'touches':
      return `touches quirk ${annotation.quirkId} (still registered: re-check it)`;
  }
}
