import { defineRule, subject } from '../rule.ts';
import { branchesOnlyIn } from '../schema-checks.ts';

/** Info: a reader handles a shape that no longer comes. */
export const responseUnionBranchRemoved = defineRule({
  id: 'response-union-branch-removed',
  severity: 'info',
  reason: 'a reader handles fewer shapes; nothing it handles is new',
  summary: 'A response anyOf/oneOf lost a branch.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: (site) => branchesOnlyIn(site, 'old'),
  message: (a, property) => `${subject('response', property)}: ${a.combinator} branch ${a.branch} removed`,
});
