import type { OpenApiDocument } from '../descriptions/load.ts';
import type { Direction, SchemaSite } from './rule.ts';
import { type Branch, type SchemaView, viewSchema } from './schema-view.ts';

export interface WalkInput {
  oldDoc: OpenApiDocument;
  newDoc: OpenApiDocument;
  direction: Direction;
  /** Called once for every pair of schemas standing at the same place on both sides. */
  visit: (site: SchemaSite) => void;
}

/**
 * Walks two schemas side by side: properties by name, array items, additional properties, and anyOf/oneOf
 * branches (by component, else by position). `$ref`s are followed on both sides. Cycle-safe: each pair of
 * places (where a schema stands) is visited once, and each pair of resolved nodes is descended into once, so
 * a shared component reached twice from one body is walked once (from the first path that reaches it).
 */
export function walkSchemaPair(
  input: WalkInput,
  oldNode: unknown,
  oldAt: string,
  newNode: unknown,
  newAt: string,
): void {
  const visitedPlaces = new Set<string>();
  const descended = new Set<string>();

  const step = (oNode: unknown, oAt: string, nNode: unknown, nAt: string, path: string[]): void => {
    const placeKey = `${oAt}\u0000${nAt}`;
    if (visitedPlaces.has(placeKey)) return;
    visitedPlaces.add(placeKey);
    const o = viewSchema(input.oldDoc, oNode, oAt);
    const n = viewSchema(input.newDoc, nNode, nAt);
    input.visit({ kind: 'schema', direction: input.direction, old: o, new: n, path });
    if (o.dangling || n.dangling) return;
    const nodeKey = `${o.pointer}\u0000${n.pointer}`;
    if (descended.has(nodeKey)) return;
    descended.add(nodeKey);
    for (const [name, oc] of o.properties) {
      const nc = n.properties.get(name);
      if (nc) step(oc.node, oc.at, nc.node, nc.at, [...path, name]);
    }
    if (o.items && n.items) step(o.items.node, o.items.at, n.items.node, n.items.at, [...path, '[]']);
    if (o.additionalProperties && n.additionalProperties) {
      const [oa, na] = [o.additionalProperties, n.additionalProperties];
      step(oa.node, oa.at, na.node, na.at, [...path, '{}']);
    }
    for (const [ob, nb] of pairBranches(o, n)) {
      step(ob.node, ob.at, nb.node, nb.at, [...path, `<${ob.component ?? `${ob.combinator}[${ob.index}]`}>`]);
    }
  };

  step(oldNode, oldAt, newNode, newAt, []);
}

/** Branches that reference the same component pair up; the others pair up by position. */
export function pairBranches(o: SchemaView, n: SchemaView): Array<[Branch, Branch]> {
  const pairs: Array<[Branch, Branch]> = [];
  const used = new Set<Branch>();
  for (const ob of o.branches) {
    if (!ob.component) continue;
    const nb = n.branches.find((b) => !used.has(b) && b.component === ob.component);
    if (nb) {
      used.add(nb);
      pairs.push([ob, nb]);
    }
  }
  const restOld = o.branches.filter((b) => !b.component);
  const restNew = n.branches.filter((b) => !b.component && !used.has(b));
  for (let i = 0; i < Math.min(restOld.length, restNew.length); i++) pairs.push([restOld[i]!, restNew[i]!]);
  return pairs;
}
