import { defineRule, listOf, subject } from '../rule.ts';
import { enumValuesAdded } from '../schema-checks.ts';

/** A warning: clients with exhaustive switches over the values break. */
export const responsePropertyEnumValueAdded = defineRule({
  id: 'response-property-enum-value-added',
  severity: 'warning',
  summary: 'A response enum has new values (or lost its enum): exhaustive switches break.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: enumValuesAdded,
  message: (a, property) =>
    a.wholeEnum
      ? `${subject('response', property)} is no longer restricted to an enum`
      : `${subject('response', property)} has new enum values ${listOf(a.values)}`,
});
