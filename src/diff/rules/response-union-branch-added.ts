import { defineRule, subject } from '../rule.ts';
import { branchesOnlyIn } from '../schema-checks.ts';

/** Breaking, as in oasdiff: a reader's exhaustive handling of the union meets a shape it does not know. */
export const responseUnionBranchAdded = defineRule({
  id: 'response-union-branch-added',
  severity: 'breaking',
  reason: 'a shape the reader does not handle arrives: exhaustive handling of the union fails at run time',
  summary: 'A response anyOf/oneOf has a new branch.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: (site) => branchesOnlyIn(site, 'new'),
  message: (a, property) => `${subject('response', property)}: new ${a.combinator} branch ${a.branch}`,
});
