import type { Finding } from '../../model/result.ts';
import { evaluate } from '../evaluate.ts';
import { touchesMasked } from '../generate.ts';
import {
  answeredCases,
  conversationsOfPage,
  OPERATION,
  requestOf,
  type SearchCheck,
  searchFinding,
  skip,
  skipped,
} from './types.ts';

/** Every conversation a search returns satisfies its query, evaluated client-side. */
export const searchResultsSatisfyQuery: SearchCheck = {
  id: 'search-results-satisfy-query',
  summary: 'every conversation a search returns satisfies the query (evaluated client-side)',
  run(search) {
    const none = skipped(search);
    if (none) return none;
    const cases = answeredCases(search);
    if (cases.length === 0) return skip('no search was answered');
    const findings: Finding[] = [];
    let checked = 0;
    // A query on values a cassette masked cannot be judged on the masked answers.
    const notEvaluated = cases
      .filter((c) => touchesMasked(c.query.request.query, search.maskedKeys ?? []))
      .map((c) => c.query.name);
    for (const c of cases) {
      if (notEvaluated.includes(c.query.name)) continue;
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
    const observations = {
      queries: cases.length,
      conversations: checked,
      ...(notEvaluated.length > 0 ? { notEvaluated } : {}),
    };
    // Nothing returned, nothing satisfied: never a pass on no evidence.
    if (checked === 0) {
      const failed = cases.flatMap((c) => c.pages).filter((p) => p.status !== 200);
      return [
        failed.length > 0
          ? {
              operationId: OPERATION,
              findings,
              outcome: 'error',
              reason: `no search page was answered (${[...new Set(failed.map((p) => p.status ?? p.error))].join(', ')})`,
              observations,
            }
          : {
              operationId: OPERATION,
              findings,
              outcome: 'skip',
              reason: 'no search returned a conversation',
              observations,
            },
      ];
    }
    return [{ operationId: OPERATION, findings, observations }];
  },
};
