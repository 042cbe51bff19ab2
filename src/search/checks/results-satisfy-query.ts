import type { Finding } from '../../model/result.ts';
import { evaluate } from '../evaluate.ts';
import {
  answeredCases,
  conversationsOfPage,
  OPERATION,
  requestOf,
  type SearchCheck,
  searchFinding,
  skipped,
} from './types.ts';

/** Every conversation a search returns satisfies its query, evaluated client-side. */
export const searchResultsSatisfyQuery: SearchCheck = {
  id: 'search-results-satisfy-query',
  summary: 'every conversation a search returns satisfies the query (evaluated client-side)',
  run(search) {
    const skip = skipped(search);
    if (skip) return skip;
    const cases = answeredCases(search);
    if (cases.length === 0)
      return [{ operationId: OPERATION, findings: [], outcome: 'skip', reason: 'no search was answered' }];
    const findings: Finding[] = [];
    let checked = 0;
    for (const c of cases) {
      for (const page of c.pages) {
        if (page.status !== 200) continue;
        conversationsOfPage(page).forEach((conv, i) => {
          checked++;
          if (!evaluate(c.query.request.query, conv))
            findings.push(
              searchFinding(
                this.id,
                `query ${c.query.name} returned conversation ${String(conv.id)}, which does not satisfy it`,
                { request: requestOf(page), instancePath: `/conversations/${i}`, value: conv.id },
              ),
            );
        });
      }
    }
    return [
      { operationId: OPERATION, findings, observations: { queries: cases.length, conversations: checked } },
    ];
  },
};
