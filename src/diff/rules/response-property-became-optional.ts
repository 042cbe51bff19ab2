import { defineRule, subject } from '../rule.ts';
import { becameOptional } from '../schema-checks.ts';

export const responsePropertyBecameOptional = defineRule({
  id: 'response-property-became-optional',
  severity: 'breaking',
  summary: 'A response property was removed from `required`: clients assuming it is present break.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: becameOptional,
  message: (_a, property) => `${subject('response', property)} is no longer required`,
});
