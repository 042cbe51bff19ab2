import { defineRule, listOf, subject } from '../rule.ts';
import { constantDropped, enumValuesAdded } from '../schema-checks.ts';

/** Breaking (oasdiff ≥1.30): a reader's exhaustive switch or lookup table meets a value it does not know. */
export const responsePropertyEnumValueAdded = defineRule({
  id: 'response-property-enum-value-added',
  severity: 'breaking',
  reason:
    "a value a reader's exhaustive switch or lookup table does not know arrives at run time (oasdiff ≥1.30)",
  summary: 'A response enum has new values (or lost its enum): exhaustive switches break.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: (site) =>
    enumValuesAdded(site).map((hit) =>
      constantDropped(site)
        ? {
            ...hit,
            class: 'type-only' as const,
            reason: `a one-value enum (the constant ${JSON.stringify(site.old.enum![0])}) is no longer stated: the value that arrives is the same, only the generated literal type widens`,
          }
        : hit,
    ),
  message: (a, property) =>
    a.wholeEnum
      ? `${subject('response', property)} is no longer restricted to an enum`
      : `${subject('response', property)} has new enum values ${listOf(a.values)}`,
});
