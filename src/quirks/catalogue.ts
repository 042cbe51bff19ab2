import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { inRange, parseVersionRange, type VersionRange } from '../descriptions/versions.ts';
import type { QuirkMeta } from '../model/quirk.ts';
import { UserError } from '../util/errors.ts';
import { isObject } from '../util/json.ts';
import { quirksDir } from '../util/paths.ts';
import type { OverlayAction, QuirkOverlay } from './overlay.ts';

/**
 * The quirk catalogue: one YAML file per quirk in `openapi/quirks/<id>.yaml`, declared once for every API
 * version it applies to. A quirk names the versions (`versions: 2.11..`), the self-check that shows the
 * deviation is still there in a version (`deviation`), and its Overlay 1.0 actions (JSONPath targets), each
 * optionally narrowed to fewer versions.
 */
export interface QuirkProbe {
  /** The covered operation whose strict validator must reject `body` at `at` while the deviation stands. */
  operation?: string;
  /** The response status (default 200); `request: true` checks the request body instead. */
  status?: number;
  request?: boolean;
  body?: unknown;
  /** The instance path (JSON pointer) where the strict reading rejects the documented value. */
  at?: string;
  /** The deviation is a `required` property at `at`: only a missing-`requires` error there shows it. */
  requires?: string;
  /** The deviation is that the strict reading accepts `body` (e.g. a list schema that constrains nothing). */
  accepts?: boolean;
  /** Alternatively: a description pointer that is referenced but missing while the deviation stands. */
  missing?: string;
  versions?: VersionRange;
}

export interface CatalogueAction {
  target: string;
  update?: unknown;
  remove?: boolean;
  description?: string;
  versions?: VersionRange;
}

export interface CatalogueQuirk extends QuirkMeta {
  versions: VersionRange;
  deviation: QuirkProbe[];
  actions: CatalogueAction[];
  file: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function range(value: unknown, label: string): VersionRange {
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new UserError(`${label}: "versions" is missing (e.g. 2.10..2.11, 2.7..)`);
  return parseVersionRange(String(value), label);
}

function within(outer: VersionRange, inner: VersionRange, label: string): void {
  // An open end is read within the quirk's own range; a written end must lie inside it.
  const outside = (v: string | undefined) => v !== undefined && !inRange(outer, v);
  if (outside(inner.from) || outside(inner.to))
    throw new UserError(`${label}: versions ${inner.text} reach outside the quirk's ${outer.text}`);
}

/** Validates one quirk file's content; every problem is a one-line error naming the file. */
function parseQuirk(raw: unknown, file: string): CatalogueQuirk {
  if (!isObject(raw))
    throw new UserError(`${file}: not a quirk (a mapping with id, summary, source, versions, actions)`);
  for (const key of ['id', 'summary', 'source'] as const) {
    if (typeof raw[key] !== 'string' || raw[key] === '') throw new UserError(`${file}: "${key}" is missing`);
  }
  const id = raw.id as string;
  if (!ID.test(id)) throw new UserError(`${file}: quirk id "${id}" is not kebab-case`);
  const versions = range(raw.versions, `${file}`);
  if (!Array.isArray(raw.actions) || raw.actions.length === 0) throw new UserError(`${file}: no actions`);
  const actions = raw.actions.map((a: unknown, i: number): CatalogueAction => {
    const label = `${file}: action ${i}`;
    if (!isObject(a) || typeof a.target !== 'string') throw new UserError(`${label} has no target`);
    if (a.remove !== true && a.update === undefined)
      throw new UserError(`${label} (${a.target}) neither updates nor removes`);
    const out: CatalogueAction = { target: a.target };
    if (a.remove === true) out.remove = true;
    if (a.update !== undefined) out.update = a.update;
    if (typeof a.description === 'string') out.description = a.description;
    if (a.versions !== undefined) {
      out.versions = range(a.versions, label);
      within(versions, out.versions, label);
    }
    return out;
  });
  const deviationRaw = raw.deviation ?? [];
  if (!Array.isArray(deviationRaw)) throw new UserError(`${file}: "deviation" must be a list of probes`);
  const deviation = deviationRaw.map((p: unknown, i: number): QuirkProbe => {
    const label = `${file}: deviation ${i}`;
    if (!isObject(p)) throw new UserError(`${label} is not a mapping`);
    const probe: QuirkProbe = {};
    if (p.versions !== undefined) {
      probe.versions = range(p.versions, label);
      within(versions, probe.versions, label);
    }
    if (typeof p.missing === 'string') {
      if (!p.missing.startsWith('#/'))
        throw new UserError(`${label}: "missing" must be a JSON pointer (#/…)`);
      probe.missing = p.missing;
      return probe;
    }
    if (typeof p.operation !== 'string' || typeof p.at !== 'string' || !('body' in p))
      throw new UserError(`${label} needs operation, body and at (or missing)`);
    if (p.at !== '' && !p.at.startsWith('/'))
      throw new UserError(`${label}: "at" must be a JSON pointer (/…)`);
    probe.operation = p.operation;
    probe.body = p.body;
    probe.at = p.at;
    if (typeof p.requires === 'string') probe.requires = p.requires;
    if (p.accepts === true) probe.accepts = true;
    if (p.request === true) probe.request = true;
    else probe.status = p.status === undefined ? 200 : Number(p.status);
    return probe;
  });
  return {
    id,
    summary: raw.summary as string,
    source: raw.source as string,
    versions,
    deviation,
    actions,
    file,
  };
}

/** Every quirk of the catalogue, sorted by id; duplicate ids and invalid files are one-line errors. */
export function loadCatalogue(dir = quirksDir): CatalogueQuirk[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'));
  } catch {
    return [];
  }
  const quirks: CatalogueQuirk[] = [];
  const seen = new Map<string, string>();
  for (const name of names.sort()) {
    const file = join(dir, name);
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UserError(`${file} is not valid YAML (${(error as Error).message.split('\n')[0]})`);
    }
    const quirk = parseQuirk(raw, file);
    const other = seen.get(quirk.id);
    if (other) throw new UserError(`quirk id ${quirk.id} is declared twice (${other} and ${file})`);
    seen.set(quirk.id, file);
    quirks.push(quirk);
  }
  return quirks.sort((a, b) => a.id.localeCompare(b.id));
}

/** The quirks whose range covers `version`. */
export function quirksInRange(catalogue: CatalogueQuirk[], version: string): CatalogueQuirk[] {
  return catalogue.filter((q) => inRange(q.versions, version));
}

export const meta = (q: CatalogueQuirk): QuirkMeta => ({ id: q.id, summary: q.summary, source: q.source });

/** The Overlay 1.0 document of some quirks for one version: their actions whose range covers it, in order. */
export function overlayFor(quirks: CatalogueQuirk[], version: string): QuirkOverlay {
  const actions: OverlayAction[] = [];
  for (const q of quirks) {
    if (!inRange(q.versions, version)) continue;
    for (const a of q.actions) {
      if (a.versions && !inRange(a.versions, version)) continue;
      actions.push({
        target: a.target,
        ...(a.description ? { description: a.description } : {}),
        ...(a.update !== undefined ? { update: a.update } : {}),
        ...(a.remove ? { remove: true } : {}),
        'x-quirk': meta(q),
      });
    }
  }
  return {
    overlay: '1.0.0',
    info: { title: `Intercom API ${version} as Intercom documents it elsewhere`, version: '1.0.0' },
    actions,
  };
}
