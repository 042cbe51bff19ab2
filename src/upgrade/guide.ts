import { countByLevel } from '../diff/index.ts';
import { renderMessage } from '../diff/messages.ts';
import { type Change, type Counts, levelOf } from '../diff/model.ts';
import type { RuntimeDifference } from '../diff/runtime.ts';
import { pairedCounts, runtimeDiffOf } from '../run/runtime-diff.ts';
import type { Observed } from './observe.ts';

/** A runtime difference of one operation (the same engine as `run`'s runtime comparison). */
export type Observation = RuntimeDifference & { operationId: string };

export type GuideChange = Change & { message: string };

export interface GuideEntry {
  change: GuideChange;
  /** What the same resources showed under both versions at that place. */
  observed: Observation[];
}

export interface QuirkMove {
  quirkId: string;
  /** How many changes relate to it that way. */
  changes: number;
}

/** The machine-readable model of `upgrade` (`--format json`). */
export interface UpgradeGuide {
  from: string;
  to: string;
  target: string;
  requests: number;
  partial: boolean;
  /** Resources both versions returned, per operation (conversations of the list and the search, retrieves, tag bodies). */
  paired: Record<string, number>;
  /** Why the search answer was not compared, per version that could not give one (e.g. an old mock's 404). */
  searchNotObserved?: Record<string, string>;
  counts: Counts;
  /** Wire changes that break running clients, observed ones first. */
  breaking: GuideEntry[];
  /** Wire changes that may break (warnings), with observations. */
  warnings: GuideEntry[];
  /** Differences the same resources showed that no static change explains: the API, not the description. */
  unexplained: Observation[];
  /** Harmless wire changes (info). */
  info: GuideChange[];
  typeOnly: GuideChange[];
  artefacts: GuideChange[];
  quirks: { resolved: QuirkMove[]; introduced: QuirkMove[] };
}

/** Operations whose samples are the items of their `conversations` array (pairs are conversations). */
const ITEM_SAMPLES = new Set(['listConversations', 'searchConversations']);

/** `conversations[].source.author` of listConversations or searchConversations → `/source/author`. */
function runtimePath(operationId: string, property: string | undefined): string | undefined {
  if (property === undefined) return undefined;
  if (property === '(root)') return '';
  let p = property.replace(/<[^>]*>/g, '');
  if (ITEM_SAMPLES.has(operationId)) {
    if (!p.startsWith('conversations[]')) return undefined;
    p = p.slice('conversations[]'.length).replace(/^\./, '');
  }
  if (p === '') return '';
  return `/${p.replace(/\[\]/g, '/*').replace(/\{\}/g, '/*').replace(/\./g, '/')}`
    .replace(/\/+/g, '/')
    .replace(/\/$/, '');
}

/** The runtime comparison of two observations, per operation (pairs keyed `operation id`). */
function compareObservations(observed: Observed): Observation[] {
  const [a, b] = observed.observations;
  return a && b ? runtimeDiffOf([a, b]) : [];
}

function quirkMoves(changes: readonly Change[], relation: string): QuirkMove[] {
  const counts = new Map<string, number>();
  for (const c of changes)
    for (const q of c.quirks ?? [])
      if (q.relation === relation) counts.set(q.quirkId, (counts.get(q.quirkId) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([quirkId, n]) => ({ quirkId, changes: n }));
}

/**
 * The upgrade guide: the static changes of the move (already classified and annotated with quirks), with
 * the runtime observations that sit at the same place beside them. An observation explained by no wire
 * change is listed apart (`unexplained`); runtime differences at places of type-only changes or artefacts
 * (e.g. the null quirks) are part of what those explain, not reported twice.
 */
export function buildGuide(
  meta: { from: string; to: string; target: string },
  changes: readonly Change[],
  observed: Observed | undefined,
): UpgradeGuide {
  const observations = observed ? compareObservations(observed) : [];
  const used = new Set<Observation>();
  const at = (c: Change): Observation[] => {
    const path = runtimePath(c.operationId, c.property);
    if (path === undefined) return [];
    const hits = observations.filter((o) => o.operationId === c.operationId && o.path === path);
    for (const h of hits) used.add(h);
    return hits.sort((x, y) => y.count - x.count);
  };
  const withMessage = (c: Change): GuideChange => ({ ...c, message: renderMessage(c) });
  const entries = (level: string): GuideEntry[] =>
    changes
      .filter((c) => levelOf(c) === level)
      .map((c) => ({ change: withMessage(c), observed: at(c) }))
      .sort((x, y) => maxCount(y) - maxCount(x));
  const notObserved = Object.fromEntries(
    (observed?.observations ?? []).flatMap((o) =>
      o.searchNotObserved ? [[o.apiVersion, o.searchNotObserved]] : [],
    ),
  );
  const breaking = entries('breaking');
  const warnings = entries('warning');
  // places the other classes explain are not "unexplained"
  for (const c of changes) if (levelOf(c) !== 'breaking' && levelOf(c) !== 'warning') at(c);
  return {
    ...meta,
    requests: observed?.requests ?? 0,
    partial: observed?.partial ?? false,
    paired:
      observed && observed.observations.length === 2
        ? pairedCounts(observed.observations[0]!.samples, observed.observations[1]!.samples)
        : {},
    ...(Object.keys(notObserved).length > 0 ? { searchNotObserved: notObserved } : {}),
    counts: countByLevel(changes),
    breaking,
    warnings,
    unexplained: observations.filter((o) => !used.has(o)),
    info: changes.filter((c) => levelOf(c) === 'info').map(withMessage),
    typeOnly: changes.filter((c) => levelOf(c) === 'type-only').map(withMessage),
    artefacts: changes.filter((c) => levelOf(c) === 'artefact').map(withMessage),
    quirks: { resolved: quirkMoves(changes, 'resolves'), introduced: quirkMoves(changes, 'introduces') },
  };
}

function maxCount(e: GuideEntry): number {
  return e.observed.reduce((m, o) => Math.max(m, o.count), 0);
}
