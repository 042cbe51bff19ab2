import { SEARCH_CHECKS } from '../search/checks/registry.ts';
import type { Check } from './types.ts';

/**
 * The semantic checks on search (`src/search/checks/`, one file each) as checks of the run: each reads what the
 * search steps collected, and skips with the reason when there were none.
 */
export const searchChecks: readonly Check[] = SEARCH_CHECKS.map(
  (check): Check => ({
    id: check.id,
    summary: check.summary,
    run(ctx) {
      const search = ctx.collected.search;
      if (!search)
        return [
          {
            operationId: 'searchConversations',
            findings: [],
            outcome: 'skip',
            reason: 'the searches were not part of this run',
          },
        ];
      return check.run(search);
    },
  }),
);
