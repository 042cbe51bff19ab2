import { defineRule, propertyPath } from '../rule.ts';

type A = { oldComponent: string; newComponent: string };

export const responseSchemaComponentChanged = defineRule<'schema', A>({
  id: 'response-schema-component-changed',
  severity: 'breaking',
  class: 'type-only',
  reason:
    'the same place under another component name: generated type names change; what changed inside is reported by the other rules',
  summary: 'A response schema (or a property of one) now refers to another component.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: (site) => {
    const o = site.old.component;
    const n = site.new.component;
    if (!o || !n || o === n) return [];
    return [
      {
        args: { oldComponent: o, newComponent: n },
        oldPointer: site.old.at,
        newPointer: site.new.at,
        property: propertyPath(site.path),
      },
    ];
  },
  message: (a, property) =>
    `${property === '(root)' ? 'response schema' : property} changed component: ${a.oldComponent} → ${a.newComponent}`,
});
