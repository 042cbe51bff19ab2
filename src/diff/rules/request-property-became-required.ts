import { defineRule, subject } from '../rule.ts';
import { becameRequired } from '../schema-checks.ts';

export const requestPropertyBecameRequired = defineRule({
  id: 'request-property-became-required',
  severity: 'breaking',
  reason: 'requests without the property are rejected',
  summary: 'A request body property was added to `required`: requests without it are rejected.',
  site: 'schema',
  direction: 'request',
  location: 'request',
  check: becameRequired,
  message: (a, property) =>
    `${subject('request', property)} is now required${a.defined ? '' : ' (but not defined in properties)'}`,
});
