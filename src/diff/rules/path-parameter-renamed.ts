import { defineRule } from '../rule.ts';

type A = { oldName: string; newName: string; position: number };

/** Paired by position in the path template; the URL on the wire is the same, generated code is not. */
export const pathParameterRenamed = defineRule<'parameter', A>({
  id: 'path-parameter-renamed',
  severity: 'warning',
  class: 'type-only',
  reason: 'the URLs on the wire are the same; only generated code names the parameter differently',
  summary: 'A path parameter has another name at the same position of the template (generated code changes).',
  site: 'parameter',
  location: 'parameter',
  check: (site) =>
    site.renamed && site.old && site.new
      ? [
          {
            args: { oldName: site.old.name, newName: site.new.name, position: site.renamed.position },
            oldPointer: site.old.pointer,
            newPointer: site.new.pointer,
          },
        ]
      : [],
  message: (a) =>
    `path parameter {${a.oldName}} renamed to {${a.newName}} (position ${a.position + 1} in the template)`,
});
