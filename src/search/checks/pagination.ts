import type { Finding } from '../../model/result.ts';
import {
  answeredCases,
  conversationsOfPage,
  OPERATION,
  perPageOf,
  requestOf,
  type SearchCheck,
  searchFinding,
  skip,
  skipped,
} from './types.ts';

const nextCursor = (body: unknown): unknown =>
  (body as { pages?: { next?: { starting_after?: unknown } | null } | null } | undefined)?.pages?.next
    ?.starting_after;

/** The walk along pages.next.starting_after terminates, repeats no conversation, and no page exceeds per_page. */
export const searchPagination: SearchCheck = {
  id: 'search-pagination',
  summary: 'the starting_after walk terminates, no conversation twice, page sizes ≤ per_page',
  run(search) {
    const none = skipped(search);
    if (none) return none;
    const cases = answeredCases(search).filter((c) => c.pages.some((p) => p.status === 200));
    if (cases.length === 0) return skip('no search page was answered');
    const findings: Finding[] = [];
    let pages = 0;
    for (const c of cases) {
      const perPage = perPageOf(c);
      const seen = new Set<string>();
      const cursors = new Set<string>();
      for (const page of c.pages) {
        if (page.status !== 200) {
          findings.push(
            searchFinding(this.id, `the walk of ${c.query.name} stopped on ${page.status ?? page.error}`, {
              request: requestOf(page),
            }),
          );
          break;
        }
        pages++;
        const convs = conversationsOfPage(page);
        if (convs.length > perPage)
          findings.push(
            searchFinding(
              this.id,
              `a page of ${c.query.name} held ${convs.length} conversations (per_page ${perPage})`,
              {
                request: requestOf(page),
                value: convs.length,
              },
            ),
          );
        for (const conv of convs) {
          const id = String(conv.id);
          if (seen.has(id))
            findings.push(
              searchFinding(this.id, `conversation ${id} appears twice in the walk of ${c.query.name}`, {
                request: requestOf(page),
                value: id,
              }),
            );
          seen.add(id);
        }
        const cursor = nextCursor(page.body);
        if (typeof cursor === 'string') {
          if (cursors.has(cursor))
            findings.push(
              searchFinding(this.id, `the walk of ${c.query.name} was given the same cursor twice`, {
                request: requestOf(page),
              }),
            );
          cursors.add(cursor);
        }
      }
      if (c.truncated)
        findings.push(
          searchFinding(
            this.id,
            `the walk of ${c.query.name} did not end within the page limit (${c.pages.length} pages)`,
          ),
        );
    }
    return [{ operationId: OPERATION, findings, observations: { walks: cases.length, pages } }];
  },
};
