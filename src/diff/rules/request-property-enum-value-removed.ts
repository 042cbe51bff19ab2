import { defineRule, listOf, subject } from '../rule.ts';
import { enumValuesRemoved } from '../schema-checks.ts';

export const requestPropertyEnumValueRemoved = defineRule({
  id: 'request-property-enum-value-removed',
  severity: 'breaking',
  reason: 'requests using the removed values are rejected',
  summary: 'A request enum lost values (or an enum was introduced): requests using them are rejected.',
  site: 'schema',
  direction: 'request',
  location: 'request',
  check: enumValuesRemoved,
  message: (a, property) =>
    a.wholeEnum
      ? `${subject('request', property)} is now restricted to an enum`
      : `${subject('request', property)} no longer accepts ${listOf(a.values)}`,
});
