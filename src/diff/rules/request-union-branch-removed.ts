import { defineRule, type Hit, propertyPath, subject } from '../rule.ts';
import { type BranchArgs, branchesOnlyIn } from '../schema-checks.ts';
import { subsumes } from '../shape.ts';

/**
 * Breaking: requests shaped like the removed branch are rejected. Where both sides' value sets can be told
 * exactly (`shapeOf`), a branch counts as removed only when the new schema no longer accepts all of it: 2.8's
 * search `value` folding `array of string` and `array of integer` into `array of (string | integer)` removes
 * no request; and a union that became a single schema (`string | integer` → `string`) lost the branches the
 * new schema does not accept.
 */
export const requestUnionBranchRemoved = defineRule({
  id: 'request-union-branch-removed',
  severity: 'breaking',
  reason: 'requests shaped like the removed branch are rejected',
  summary: 'A request anyOf/oneOf lost a branch (one the new schema no longer accepts).',
  site: 'schema',
  direction: 'request',
  location: 'request',
  check: (site) => {
    const hits = branchesOnlyIn(site, 'old');
    const [o, n] = [site.old.shape, site.new.shape];
    if (!o || !n || o.kind !== 'union' || o.branches.length !== site.old.branches.length) return hits;
    const shapeAt = (at: string | undefined) => o.branches[site.old.branches.findIndex((b) => b.at === at)];
    if (site.new.branches.length > 0)
      return hits.filter((h) => {
        const removed = shapeAt(h.oldPointer);
        return !removed || !subsumes(n, removed);
      });
    return site.old.branches.flatMap(
      (b, i): Array<Hit<BranchArgs>> =>
        subsumes(n, o.branches[i]!)
          ? []
          : [
              {
                args: { combinator: b.combinator, branch: b.component ?? `${b.combinator}[${b.index}]` },
                oldPointer: b.at,
                newPointer: site.new.pointer,
                property: propertyPath(site.path),
              },
            ],
    );
  },
  message: (a, property) => `${subject('request', property)}: ${a.combinator} branch ${a.branch} removed`,
});
