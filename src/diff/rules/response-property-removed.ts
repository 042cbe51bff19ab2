import { defineRule, subject } from '../rule.ts';
import { propertiesRemoved } from '../schema-checks.ts';

export const responsePropertyRemoved = defineRule({
  id: 'response-property-removed',
  severity: 'breaking',
  reason: 'a client reading it gets undefined',
  summary: 'A response property is no longer described: clients reading it break.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: propertiesRemoved,
  message: (_a, property) => `${subject('response', property)} removed`,
});
