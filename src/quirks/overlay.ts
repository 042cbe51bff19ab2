import type { QuirkMeta } from '../model/quirk.ts';
import { UserError } from '../util/errors.ts';
import { isObject } from '../util/json.ts';
import { escapeToken, parsePointer, resolvePointer } from '../util/json-pointer.ts';
import { selectPointers } from './jsonpath.ts';

export type { QuirkMeta } from '../model/quirk.ts';

/** An OpenAPI Overlay 1.0 document whose actions carry the quirk they encode. */
export interface QuirkOverlay {
  overlay: string;
  info: { title: string; version: string };
  actions: OverlayAction[];
}

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
  'x-quirk': QuirkMeta;
}

export interface AppliedAction {
  quirk: QuirkMeta;
  target: string;
  /** JSON pointers the target selected (before the action ran). */
  pointers: string[];
  /** The places the action changed: the removed node, or each key the update sets below a selected node. */
  touched: string[];
  remove: boolean;
  /** The `x-*` keys of the update: data a semantic check reads (e.g. `x-documented-default`). */
  data: Record<string, unknown>;
}

/** Overlay 1.0 merge: objects merge recursively, arrays are appended to, anything else is replaced. */
function merge(target: unknown, update: unknown): unknown {
  if (Array.isArray(target)) return [...target, ...(Array.isArray(update) ? update : [update])];
  if (isObject(target) && isObject(update)) {
    const out: Record<string, unknown> = { ...target };
    for (const [k, v] of Object.entries(update)) out[k] = k in out ? merge(out[k], v) : structuredClone(v);
    return out;
  }
  return structuredClone(update);
}

function setAt(doc: unknown, pointer: string, value: unknown): void {
  const tokens = parsePointer(pointer);
  const last = tokens.pop()!;
  const parent = resolvePointer(
    doc,
    `#${tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`,
  );
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else (parent as Record<string, unknown>)[last] = value;
}

function removeAt(doc: unknown, pointer: string): void {
  const tokens = parsePointer(pointer);
  const last = tokens.pop()!;
  const parent = resolvePointer(
    doc,
    `#${tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`,
  );
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete (parent as Record<string, unknown>)[last];
}

export function validateOverlay(overlay: unknown, label: string): QuirkOverlay {
  const o = overlay as QuirkOverlay;
  if (!isObject(o) || typeof o.overlay !== 'string' || !o.overlay.startsWith('1.')) {
    throw new UserError(`${label}: not an Overlay 1.x document ("overlay: 1.0.0" missing)`);
  }
  if (!Array.isArray(o.actions)) throw new UserError(`${label}: no actions`);
  o.actions.forEach((a, i) => {
    const q = a?.['x-quirk'];
    if (typeof a?.target !== 'string') throw new UserError(`${label}: action ${i} has no target`);
    if (!q || typeof q.id !== 'string' || typeof q.summary !== 'string' || typeof q.source !== 'string') {
      throw new UserError(`${label}: action ${i} (${a.target}) has no x-quirk { id, summary, source }`);
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(q.id))
      throw new UserError(`${label}: quirk id "${q.id}" is not kebab-case`);
    if (a.remove !== true && a.update === undefined)
      throw new UserError(`${label}: action ${i} (${a.target}) neither updates nor removes`);
  });
  return o;
}

/**
 * Applies the overlay to a copy of the description. Actions run in order; an action whose target selects
 * nothing is reported in `unmatched` (the description changed under the quirk: review the overlay).
 */
export function applyOverlay<T>(
  doc: T,
  overlay: QuirkOverlay,
): { doc: T; applied: AppliedAction[]; unmatched: AppliedAction[] } {
  const out = structuredClone(doc);
  const applied: AppliedAction[] = [];
  const unmatched: AppliedAction[] = [];
  for (const action of overlay.actions) {
    const pointers = selectPointers(out, action.target);
    const data = isObject(action.update)
      ? Object.fromEntries(Object.entries(action.update).filter(([k]) => k.startsWith('x-')))
      : {};
    const touched =
      action.remove === true || !isObject(action.update)
        ? pointers
        : pointers.flatMap((p) => Object.keys(action.update as object).map((k) => `${p}/${escapeToken(k)}`));
    const record: AppliedAction = {
      quirk: action['x-quirk'],
      target: action.target,
      pointers,
      touched,
      remove: action.remove === true,
      data,
    };
    (pointers.length === 0 ? unmatched : applied).push(record);
    if (action.remove === true) {
      // Remove from the last selected node backwards so that array indices stay valid.
      for (const p of [...pointers].reverse()) removeAt(out, p);
    } else {
      for (const p of pointers) setAt(out, p, merge(resolvePointer(out, p), action.update));
    }
  }
  return { doc: out, applied, unmatched };
}
