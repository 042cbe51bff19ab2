import type { Finding } from '../../model/result.ts';
import {
  answeredCases,
  conversationsOfPage,
  failedPage,
  OPERATION,
  type SearchCheck,
  type SearchVerdict,
  searchFinding,
  skip,
  skipped,
} from './types.ts';

/** A query built to match known conversations returns each of them, and none it was built to leave out. */
export const searchFindsKnown: SearchCheck = {
  id: 'search-finds-known',
  summary: 'a query built from listed conversations returns each of them and none it excludes',
  run(search) {
    const none = skipped(search);
    if (none) return none;
    const cases = answeredCases(search).filter(
      (c) => c.query.mustInclude.length > 0 || c.query.mustExclude.length > 0,
    );
    if (cases.length === 0) return skip('no query names known conversations');
    const findings: Finding[] = [];
    const unchecked: string[] = [];
    for (const c of cases) {
      const failed = failedPage(c);
      if (failed) {
        unchecked.push(`${c.query.name} (${failed.status ?? failed.error ?? 'no response'})`);
        continue;
      }
      const returned = new Set(c.pages.flatMap((p) => conversationsOfPage(p).map((x) => String(x.id))));
      for (const id of c.query.mustExclude)
        if (returned.has(id))
          findings.push(
            searchFinding(this.id, `query ${c.query.name} returned conversation ${id}, which it excludes`, {
              value: id,
            }),
          );
      if (c.truncated) {
        if (c.query.mustInclude.some((id) => !returned.has(id)))
          unchecked.push(`${c.query.name} (walk truncated)`);
        continue;
      }
      for (const id of c.query.mustInclude)
        if (!returned.has(id))
          findings.push(
            searchFinding(
              this.id,
              `query ${c.query.name} did not return conversation ${id}, which it matches`,
              {
                value: id,
              },
            ),
          );
    }
    const verdict: SearchVerdict = {
      operationId: OPERATION,
      findings,
      observations: { queries: cases.length },
    };
    if (findings.length === 0 && unchecked.length === cases.length)
      return [{ ...verdict, outcome: 'error', reason: `no query could be checked: ${unchecked.join(', ')}` }];
    if (unchecked.length > 0) verdict.observations = { ...verdict.observations, unchecked };
    return [verdict];
  },
};
