import { defineRule, subject } from '../rule.ts';
import { typeChanged } from '../schema-checks.ts';

export const requestPropertyTypeChanged = defineRule({
  id: 'request-property-type-changed',
  severity: 'breaking',
  reason: 'values the client sends may no longer be accepted',
  summary: 'A request body property (or the body) has another JSON type.',
  site: 'schema',
  direction: 'request',
  location: 'request',
  check: typeChanged,
  message: (a, property) => `${subject('request', property)} changed type: ${a.oldType} → ${a.newType}`,
});
