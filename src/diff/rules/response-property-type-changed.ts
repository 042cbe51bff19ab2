import { defineRule, subject } from '../rule.ts';
import { typeChanged } from '../schema-checks.ts';

export const responsePropertyTypeChanged = defineRule({
  id: 'response-property-type-changed',
  severity: 'breaking',
  reason: 'a client reading it gets a value of another JSON type',
  summary: 'A response property (or the body) has another JSON type.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: typeChanged,
  message: (a, property) => `${subject('response', property)} changed type: ${a.oldType} → ${a.newType}`,
});
