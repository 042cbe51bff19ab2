import { defineRule, listOf, subject } from '../rule.ts';
import { enumValuesRemoved } from '../schema-checks.ts';

export const responsePropertyEnumValueRemoved = defineRule({
  id: 'response-property-enum-value-removed',
  severity: 'info',
  reason: 'a reader handles fewer values; nothing it handles arrives',
  summary: 'A response enum lost values (a reader handles fewer values).',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: enumValuesRemoved,
  message: (a, property) =>
    a.wholeEnum
      ? `${subject('response', property)} is now restricted to an enum`
      : `${subject('response', property)} no longer has enum values ${listOf(a.values)}`,
});
