import { defineRule, subject } from '../rule.ts';
import { propertiesRemoved } from '../schema-checks.ts';

/** A warning: a client still sending it may be ignored or rejected, depending on the server. */
export const requestPropertyRemoved = defineRule({
  id: 'request-property-removed',
  severity: 'warning',
  reason: 'a client still sending it may be ignored or rejected',
  summary: 'A request body property is no longer described: a client sending it may be ignored or rejected.',
  site: 'schema',
  direction: 'request',
  location: 'request',
  check: propertiesRemoved,
  message: (_a, property) => `${subject('request', property)} removed`,
});
