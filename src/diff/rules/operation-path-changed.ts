import { urlShape } from '../operations.ts';
import { defineRule } from '../rule.ts';

type A = { oldPath: string; newPath: string; sameUrls: boolean };

/**
 * Breaking even when only parameter names differ: typed clients (openapi-fetch, the kit's own client) address
 * an operation by its path template, so their calls stop compiling; `sameUrls` says whether the URLs on the
 * wire are unchanged too.
 */
export const operationPathChanged = defineRule<'operation', A>({
  id: 'operation-path-changed',
  severity: 'breaking',
  summary: 'The path template of an operation changed (typed clients address operations by template).',
  site: 'operation',
  location: 'operation',
  check: (site) =>
    site.old && site.new && site.old.path !== site.new.path
      ? [
          {
            args: {
              oldPath: site.old.path,
              newPath: site.new.path,
              sameUrls: urlShape(site.old.path) === urlShape(site.new.path),
            },
            oldPointer: site.old.pointer,
            newPointer: site.new.pointer,
          },
        ]
      : [],
  message: (a) =>
    `path template changed: ${a.oldPath} → ${a.newPath}` +
    (a.sameUrls ? ' (same URLs on the wire: only parameter names differ)' : ' (the URLs differ)'),
});
