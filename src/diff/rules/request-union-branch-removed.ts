import { defineRule, subject } from '../rule.ts';
import { branchesOnlyIn } from '../schema-checks.ts';

/** Breaking: requests shaped like the removed branch are rejected. */
export const requestUnionBranchRemoved = defineRule({
  id: 'request-union-branch-removed',
  severity: 'breaking',
  reason: 'requests shaped like the removed branch are rejected',
  summary: 'A request anyOf/oneOf lost a branch.',
  site: 'schema',
  direction: 'request',
  location: 'request',
  check: (site) => branchesOnlyIn(site, 'old'),
  message: (a, property) => `${subject('request', property)}: ${a.combinator} branch ${a.branch} removed`,
});
