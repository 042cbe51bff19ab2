import { defineRule, subject } from '../rule.ts';
import { propertiesRemoved } from '../schema-checks.ts';

export const responsePropertyRemoved = defineRule({
  id: 'response-property-removed',
  severity: 'breaking',
  summary: 'A response property is no longer described: clients reading it break.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: propertiesRemoved,
  message: (_a, property) => `${subject('response', property)} removed`,
});
