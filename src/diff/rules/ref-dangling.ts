import { defineRule, propertyPath } from '../rule.ts';

type A = { ref: string };

/** The new side points at a schema that does not exist: the description no longer says what is there. */
export const refDangling = defineRule<'schema', A>({
  id: 'ref-dangling',
  severity: 'breaking',
  class: 'artefact',
  reason: "the description refers to a schema it no longer defines: its own defect, not the API's",
  summary: 'A `$ref` that resolved now points at nothing (the schema is undefined; generators fail).',
  site: 'schema',
  location: (site) => site.direction,
  check: (site) =>
    !site.old.dangling && site.new.dangling
      ? [
          {
            args: { ref: site.new.dangling },
            oldPointer: site.old.pointer,
            newPointer: site.new.at,
            property: propertyPath(site.path),
          },
        ]
      : [],
  message: (a, property) =>
    `${property === '(root)' ? 'the body schema' : property} now refers to ${a.ref}, which does not exist`,
});
