import { isObject } from '../util/json.ts';
import { escapeToken, parsePointer } from '../util/json-pointer.ts';
import { schemasAt } from '../validate/scope.ts';
import type { QuirkEntry } from './registry.ts';

type Schema = Record<string, unknown>;

/**
 * The description pointers of every schema node that applies to the value at `instancePath`, walking a
 * bundle (root at `rootPointer`) through properties, additionalProperties and items.
 */
export function nodesAt(root: Schema, rootPointer: string, instancePath: string): string[] {
  let current = new Map<string, Schema>();
  schemasAt(root, root, rootPointer, current);
  for (const token of parsePointer(instancePath)) {
    const next = new Map<string, Schema>();
    for (const [at, node] of current) {
      const props = node.properties;
      if (isObject(props) && Object.hasOwn(props, token)) {
        schemasAt(root, props[token], `${at}/properties/${escapeToken(token)}`, next);
      } else if (isObject(node.additionalProperties)) {
        schemasAt(root, node.additionalProperties, `${at}/additionalProperties`, next);
      }
      if (/^\d+$/.test(token) && 'items' in node) schemasAt(root, node.items, `${at}/items`, next);
    }
    current = next;
  }
  return [...current.keys()];
}

const depthOf = (p: string) => p.split('/').length;

/**
 * The quirk that explains a deviation at `nodes` (see nodesAt): one whose actions changed the broken keyword, one of those nodes,
 * something inside one of them, or a node containing them. The closest change wins (an exact node, then the
 * fewest steps apart), so that `conversation_rating: null` names null-conversation-rating while a null
 * `conversation_rating.rating` names rating-all-null-fields.
 */
export function explainingQuirk(
  quirks: QuirkEntry[],
  nodes: string[],
  specPointer?: string,
): QuirkEntry | undefined {
  let best: { quirk: QuirkEntry; score: number } | undefined;
  for (const quirk of quirks) {
    for (const target of quirk.targets) {
      // A change at the broken keyword itself (e.g. `topics` removed from that `required`) explains it best.
      if (specPointer && (target === specPointer || target.startsWith(`${specPointer}/`))) {
        const score = -100 + depthOf(target) - depthOf(specPointer);
        if (!best || score < best.score) best = { quirk, score };
      }
      for (const node of nodes) {
        let score: number | undefined;
        if (target === node) score = 0;
        else if (target.startsWith(`${node}/`)) score = depthOf(target) - depthOf(node);
        else if (node.startsWith(`${target}/`)) score = 100 + depthOf(node) - depthOf(target);
        if (score !== undefined && (!best || score < best.score)) best = { quirk, score };
      }
    }
  }
  return best?.quirk;
}
