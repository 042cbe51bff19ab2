import type { OpenApiDocument } from '../descriptions/load.ts';
import {
  exampleContradicts,
  isVersionHeader,
  mediaExamples,
  type SideExamples,
  swappedAt,
  VERSION_HEADER_REASON,
} from './artefacts.ts';
import type { Change, ChangeClass, ChangeLocation, Severity } from './model.ts';
import {
  type MediaView,
  type OperationView,
  type ParameterView,
  parameterKey,
  templateParameters,
} from './operations.ts';
import { effectiveLevel, type SeverityOverrides } from './registry.ts';
import { type Direction, type Hit, type ParameterSite, propertyPath, type Rule, type Site } from './rule.ts';
import { viewSchema } from './schema-view.ts';
import { walkSchemaPair } from './walk.ts';

/** What the rules of one diff need: both descriptions, the rules by site, and the severities. */
export interface EngineContext {
  oldDoc: OpenApiDocument;
  newDoc: OpenApiDocument;
  rules: readonly Rule[];
  overrides: SeverityOverrides;
}

interface Where {
  status?: string;
  mediaType?: string;
}

/** What the artefact detectors know of one response media type: both sides' examples, places found swapped. */
interface MediaContext {
  examples: SideExamples;
  swapped: Map<string, string>;
}

class Collector {
  readonly changes: Change[] = [];
  constructor(
    private readonly ctx: EngineContext,
    private readonly key: string,
    private readonly operation: OperationView,
  ) {}

  /** Runs every rule that applies to the site; `seen` drops repeats (one report per response and place). */
  run(site: Site, where: Where = {}, seen?: Set<string>, media?: MediaContext): void {
    const direction: Direction | undefined =
      site.kind === 'media' || site.kind === 'schema' ? site.direction : undefined;
    if (site.kind === 'schema' && media) {
      const swapped = swappedAt(site, media.examples);
      if (swapped) media.swapped.set(site.path.join('\u0000'), swapped);
    }
    for (const rule of this.ctx.rules) {
      if (rule.site !== site.kind || (rule.direction && rule.direction !== direction)) continue;
      for (const hit of rule.check(site)) {
        if (seen) {
          const key = [rule.id, hit.oldPointer, hit.newPointer, JSON.stringify(hit.args)].join('\u0000');
          if (seen.has(key)) continue;
          seen.add(key);
        }
        const location = typeof rule.location === 'function' ? rule.location(site) : rule.location;
        const level = effectiveLevel(rule, hit, this.ctx.overrides);
        let [klass, reason] = [level.class, hit.reason ?? rule.reason];
        const artefact = level.overridden ? undefined : artefactReason(rule, site, hit, media);
        if (artefact) [klass, reason] = ['artefact', artefact];
        this.changes.push(
          this.change(rule.id, level.severity, klass, reason, location, where, hit, placesOf(site, hit)),
        );
      }
    }
  }

  private change(
    ruleId: string,
    severity: Severity,
    klass: ChangeClass,
    reason: string,
    location: ChangeLocation,
    where: Where,
    hit: Hit,
    places?: { oldPlace: string; newPlace: string },
  ): Change {
    return {
      ruleId,
      severity,
      class: klass,
      reason,
      operationId: this.key,
      method: this.operation.method.toUpperCase(),
      path: this.operation.path,
      location,
      ...(where.status !== undefined ? { status: where.status } : {}),
      ...(where.mediaType !== undefined ? { mediaType: where.mediaType } : {}),
      ...(hit.property !== undefined ? { property: hit.property } : {}),
      ...(hit.oldPointer !== undefined ? { oldPointer: hit.oldPointer } : {}),
      ...(hit.newPointer !== undefined ? { newPointer: hit.newPointer } : {}),
      ...(places ?? {}),
      args: hit.args,
    };
  }
}

/** Where the changed schema stands, for a hit about a schema site's own node (not one of its properties). */
function placesOf(site: Site, hit: Hit): { oldPlace: string; newPlace: string } | undefined {
  if (site.kind !== 'schema' || hit.property !== propertyPath(site.path)) return undefined;
  return { oldPlace: site.old.at, newPlace: site.new.at };
}

/** Why a change is an artefact of the descriptions (see `artefacts.ts`), or undefined. */
function artefactReason(
  rule: Rule,
  site: Site,
  hit: Hit,
  media: MediaContext | undefined,
): string | undefined {
  if (site.kind === 'parameter')
    return isVersionHeader(site.new ?? site.old) ? VERSION_HEADER_REASON : undefined;
  if (site.kind !== 'schema' || !media) return undefined;
  if (typeof hit.args.name === 'string') {
    const contradicted = exampleContradicts(rule.id, site, hit.args.name, media.examples);
    if (contradicted) return contradicted;
  }
  const here = media.swapped.get(site.path.join('\u0000'));
  if (here) return here;
  return site.path.length > 0 ? media.swapped.get(site.path.slice(0, -1).join('\u0000')) : undefined;
}

/**
 * Pairs the parameters of two versions of an operation: path parameters whose names differ at the same
 * position of the template pair up as a rename (`{id}` → `{conversation_id}`); the rest pair up by
 * location and name (header names case-insensitively).
 */
function pairParameters(
  o: OperationView,
  n: OperationView,
): Array<{ old?: ParameterView; new?: ParameterView; renamed?: { position: number } }> {
  const oldByKey = new Map(o.parameters.map((p) => [parameterKey(p), p]));
  const newByKey = new Map(n.parameters.map((p) => [parameterKey(p), p]));
  const pairs: Array<{ old?: ParameterView; new?: ParameterView; renamed?: { position: number } }> = [];
  const [oldNames, newNames] = [templateParameters(o.path), templateParameters(n.path)];
  for (let i = 0; i < Math.min(oldNames.length, newNames.length); i++) {
    const [oldKey, newKey] = [`path:${oldNames[i]}`, `path:${newNames[i]}`];
    if (oldKey === newKey || newByKey.has(oldKey) || oldByKey.has(newKey)) continue;
    const [op, np] = [oldByKey.get(oldKey), newByKey.get(newKey)];
    if (!op || !np) continue;
    pairs.push({ old: op, new: np, renamed: { position: i } });
    oldByKey.delete(oldKey);
    newByKey.delete(newKey);
  }
  for (const [key, op] of oldByKey) {
    const np = newByKey.get(key);
    pairs.push(np ? { old: op, new: np } : { old: op });
    newByKey.delete(key);
  }
  for (const np of newByKey.values()) pairs.push({ new: np });
  return pairs;
}

function mediaTypes(a: Map<string, MediaView> | undefined, b: Map<string, MediaView> | undefined): string[] {
  return [...new Set([...(a?.keys() ?? []), ...(b?.keys() ?? [])])].sort();
}

function diffContent(
  ctx: EngineContext,
  collector: Collector,
  direction: Direction,
  status: string | undefined,
  oldContent: Map<string, MediaView> | undefined,
  newContent: Map<string, MediaView> | undefined,
): void {
  for (const mediaType of mediaTypes(oldContent, newContent)) {
    const [om, nm] = [oldContent?.get(mediaType), newContent?.get(mediaType)];
    const where: Where = { ...(status !== undefined ? { status } : {}), mediaType };
    collector.run(
      { kind: 'media', direction, mediaType, ...(status ? { status } : {}), old: om, new: nm },
      where,
    );
    if (!om?.hasSchema || !nm?.hasSchema) continue;
    const seen = new Set<string>();
    const media: MediaContext | undefined =
      direction === 'response'
        ? {
            examples: {
              old: mediaExamples(ctx.oldDoc, om.pointer),
              new: mediaExamples(ctx.newDoc, nm.pointer),
            },
            swapped: new Map(),
          }
        : undefined;
    walkSchemaPair(
      {
        oldDoc: ctx.oldDoc,
        newDoc: ctx.newDoc,
        direction,
        visit: (site) => collector.run(site, where, seen, media),
      },
      om.schema,
      om.schemaAt,
      nm.schema,
      nm.schemaAt,
    );
  }
}

/** Every change of one operation (present on at least one side). */
export function diffOperation(
  ctx: EngineContext,
  key: string,
  o: OperationView | undefined,
  n: OperationView | undefined,
): Change[] {
  const collector = new Collector(ctx, key, (n ?? o)!);
  collector.run({ kind: 'operation', old: o, new: n });
  if (!o || !n) return collector.changes;

  for (const pair of pairParameters(o, n)) {
    const site: ParameterSite = {
      kind: 'parameter',
      oldOperation: o,
      newOperation: n,
      ...pair,
      ...(pair.old ? { oldSchema: viewSchema(ctx.oldDoc, pair.old.schema, pair.old.schemaAt) } : {}),
      ...(pair.new ? { newSchema: viewSchema(ctx.newDoc, pair.new.schema, pair.new.schemaAt) } : {}),
    };
    collector.run(site);
  }

  collector.run({ kind: 'request-body', old: o.requestBody, new: n.requestBody });
  diffContent(ctx, collector, 'request', undefined, o.requestBody?.content, n.requestBody?.content);

  const statuses = [...new Set([...o.responses.keys(), ...n.responses.keys()])].sort();
  for (const status of statuses) {
    const [or, nr] = [o.responses.get(status), n.responses.get(status)];
    collector.run({ kind: 'response', status, old: or, new: nr }, { status });
    if (or && nr) diffContent(ctx, collector, 'response', status, or.content, nr.content);
  }
  return collector.changes;
}
