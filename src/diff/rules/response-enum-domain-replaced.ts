import { defineRule, listOf, subject } from '../rule.ts';
import { enumDomainReplaced } from '../schema-checks.ts';

/**
 * Breaking: no value a reader knew still comes, and every value that comes is new (2.16's `priority`:
 * `priority`/`not_priority` → `none`…`urgent`). Reported once instead of as values added plus values removed.
 */
export const responseEnumDomainReplaced = defineRule({
  id: 'response-enum-domain-replaced',
  severity: 'breaking',
  reason:
    'every value a reader knew is gone and every value that arrives is new: mappings and switches misread all of them',
  summary: 'A response enum has an entirely new set of values (none in common with the old one).',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: enumDomainReplaced,
  message: (a, property) =>
    `${subject('response', property)}: enum values replaced, ${listOf(a.oldValues as unknown[])} → ${listOf(a.newValues as unknown[])}`,
});
