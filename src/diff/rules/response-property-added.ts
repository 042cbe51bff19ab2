import { defineRule, subject } from '../rule.ts';
import { propertiesAdded } from '../schema-checks.ts';

export const responsePropertyAdded = defineRule({
  id: 'response-property-added',
  severity: 'info',
  reason: 'a reader ignores properties it does not know',
  summary: 'A response has a new property.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: propertiesAdded,
  message: (_a, property) => `${subject('response', property)} added`,
});
