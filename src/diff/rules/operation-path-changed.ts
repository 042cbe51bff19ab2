import { urlShape } from '../operations.ts';
import { defineRule } from '../rule.ts';

type A = { oldPath: string; newPath: string; sameUrls: boolean };

/**
 * The URLs a client builds changed. A template whose only difference is parameter names (the same URLs on the
 * wire) is not reported here: `path-parameter-renamed` reports it once, as type-only.
 */
export const operationPathChanged = defineRule<'operation', A>({
  id: 'operation-path-changed',
  severity: 'breaking',
  reason: 'the client builds URLs the API no longer serves',
  summary:
    'The path of an operation changed so that its URLs differ (a rename of a path parameter alone is `path-parameter-renamed`).',
  site: 'operation',
  location: 'operation',
  check: (site) =>
    site.old && site.new && urlShape(site.old.path) !== urlShape(site.new.path)
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
