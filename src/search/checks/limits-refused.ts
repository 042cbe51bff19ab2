import type { Finding } from '../../model/result.ts';
import { OPERATION, requestOf, type SearchCheck, searchFinding, skip, skipped } from './types.ts';

/** Queries beyond the documented limits (3 levels of nesting, 16 filters in a group) are refused with an error.list. */
export const searchLimitsRefused: SearchCheck = {
  id: 'search-limits-refused',
  summary: 'queries beyond the documented limits are refused with an error.list',
  run(search) {
    const none = skipped(search);
    if (none) return none;
    const cases = search.cases.filter((c) => c.query.refusedBy);
    if (cases.length === 0) return skip('no query beyond the limits was sent');
    const findings: Finding[] = [];
    for (const c of cases) {
      const e = c.pages[0];
      if (!e || e.status === undefined) {
        findings.push(
          searchFinding(this.id, `query ${c.query.name} got no response (${e?.error ?? 'not sent'})`),
        );
        continue;
      }
      const body = e.body as { type?: unknown; errors?: unknown } | undefined;
      const errors = Array.isArray(body?.errors) ? (body.errors as Array<Record<string, unknown>>) : [];
      const wellFormed =
        body?.type === 'error.list' &&
        errors.length > 0 &&
        errors.every((x) => typeof x?.code === 'string' && typeof x?.message === 'string');
      if (e.status === 200)
        findings.push(
          searchFinding(
            this.id,
            `query ${c.query.name} (beyond ${c.query.refusedBy}) was answered, not refused`,
            {
              request: requestOf(e),
            },
          ),
        );
      // A refusal of the query is a 400 (or 422) error.list; a 404, 401 or 5xx says something else went wrong.
      else if ((e.status !== 400 && e.status !== 422) || !wellFormed)
        findings.push(
          searchFinding(
            this.id,
            `query ${c.query.name} was refused with status ${e.status} and ${wellFormed ? 'an error.list' : 'no well-formed error.list'}`,
            { request: requestOf(e) },
          ),
        );
    }
    return [{ operationId: OPERATION, findings, observations: { queries: cases.length } }];
  },
};
