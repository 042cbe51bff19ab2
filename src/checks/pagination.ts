import type { Exchange } from '../model/exchange.ts';
import { listedIds } from '../model/exchange.ts';
import { classifyBody } from '../quirks/classify.ts';
import { quirkAwareResponseTarget } from '../quirks/target.ts';
import { type Check, finding, quirk, quirkRef, requestOf } from './types.ts';

type Page = {
  conversations?: unknown[];
  total_count?: unknown;
  pages?: { per_page?: unknown; total_pages?: unknown } | null;
};
const pageOf = (e: Exchange | undefined) => (e?.body ?? {}) as Page;
const countOf = (e: Exchange | undefined) =>
  Array.isArray(pageOf(e).conversations) ? pageOf(e).conversations!.length : 0;

/** The cursor chain terminates, no conversation twice, pages within per_page, totals consistent with the walk. */
export const pagination: Check = {
  id: 'pagination',
  summary:
    'the cursor chain terminates, no conversation appears twice, page sizes ≤ per_page, totals consistent',
  run(ctx) {
    const { walk, walkTruncated } = ctx.collected;
    const ok = walk.filter((e) => e.status === 200);
    if (ok.length === 0)
      return [
        {
          operationId: 'listConversations',
          findings: [],
          outcome: 'error',
          reason: `the list walk got no page (${walk[0]?.error ?? walk[0]?.status ?? 'no request'})`,
        },
      ];
    const findings = [];
    const ids = listedIds(ok);
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id))
        findings.push(
          finding(this.id, 'violation', `conversation ${id} appears twice in the walk`, { value: id }),
        );
      seen.add(id);
    }
    ok.forEach((e) => {
      if (countOf(e) > 150)
        findings.push(
          finding(this.id, 'violation', `a page of per_page=150 held ${countOf(e)} conversations`, {
            request: requestOf(e),
            value: countOf(e),
          }),
        );
    });
    const failed = walk.find((e) => e.status !== 200);
    if (failed)
      findings.push(
        finding(this.id, 'violation', `the walk stopped on ${failed.status ?? failed.error}`, {
          request: requestOf(failed),
        }),
      );
    const last = ok.at(-1)!;
    const nextCursor = (last.body as { pages?: { next?: { starting_after?: unknown } | null } }).pages?.next
      ?.starting_after;
    const cycled = !walkTruncated && typeof nextCursor === 'string' && nextCursor !== '' && !failed;
    if (cycled)
      findings.push(
        finding(this.id, 'violation', 'the cursor chain repeats a cursor instead of ending', {
          request: requestOf(last),
          value: nextCursor,
        }),
      );
    const total = pageOf(ok[0]).total_count;
    const totalPages = pageOf(ok[0]).pages?.total_pages;
    if (!walkTruncated && !failed && !cycled) {
      if (typeof total === 'number' && total !== ids.length)
        findings.push(
          finding(
            this.id,
            'violation',
            `total_count is ${total} but the walk saw ${ids.length} conversations`,
            { value: total },
          ),
        );
      if (typeof totalPages === 'number' && totalPages !== ok.length)
        findings.push(
          finding(this.id, 'violation', `total_pages is ${totalPages} but the walk took ${ok.length} pages`, {
            value: totalPages,
          }),
        );
    } else if (
      typeof total === 'number' &&
      typeof totalPages === 'number' &&
      totalPages !== Math.ceil(total / 150)
    ) {
      findings.push(
        finding(
          this.id,
          'violation',
          `total_pages ${totalPages} does not fit total_count ${total} at per_page=150`,
          { value: totalPages },
        ),
      );
    }
    return [
      {
        operationId: 'listConversations',
        findings,
        observations: {
          pages: ok.length,
          conversations: ids.length,
          truncated: walkTruncated,
          totalCount: total,
        },
      },
    ];
  },
};

/** per_page=150 returns at most 150; per_page=151 is refused with a conforming error.list or clamped — recorded. */
export const perPageCap: Check = {
  id: 'per-page-cap',
  summary:
    'per_page=150 returns at most 150 items; 151 is refused (error.list) or clamped — which one is recorded',
  run(ctx) {
    const q = quirk(ctx, 'per-page-cap');
    const e = ctx.collected.perPageOverflow;
    const findings = [];
    if (ctx.collected.perPageMax && countOf(ctx.collected.perPageMax) > 150) {
      findings.push(
        finding(this.id, 'violation', `per_page=150 returned ${countOf(ctx.collected.perPageMax)} items`, {
          request: requestOf(ctx.collected.perPageMax),
        }),
      );
    }
    if (!e || e.status === undefined)
      return [
        {
          operationId: 'listConversations',
          findings,
          outcome: 'error',
          reason: `per_page=151 got no response (${e?.error ?? 'not sent'})`,
        },
      ];
    let overflow: 'reject' | 'clamp' | 'unknown' = 'unknown';
    if (e.status === 400) {
      overflow = 'reject';
      const body = e.body as { type?: unknown } | undefined;
      // 400 is not documented for listConversations: validate against the error schema the 401 documents.
      const errorFindings = classifyBody(
        quirkAwareResponseTarget(ctx.artifacts, 'listConversations', 401),
        e.body,
      );
      if (body?.type !== 'error.list' || errorFindings.length > 0) {
        findings.push(
          finding(this.id, 'violation', 'per_page=151 was refused without a conforming error.list', {
            request: requestOf(e),
            value: ctx.redact(e.body),
          }),
        );
      }
    } else if (e.status === 200) {
      overflow = 'clamp';
      const n = countOf(e);
      if (n > 150)
        findings.push(
          finding(this.id, 'violation', `per_page=151 returned ${n} items, past the cap of 150`, {
            request: requestOf(e),
            value: n,
          }),
        );
      else if (!q) {
        // Without quirk data nothing documents the clamp: never a known quirk that names no quirk.
        findings.push(
          finding(
            this.id,
            'violation',
            `per_page=151 was clamped to ${n} items, and no quirk data for API ${ctx.artifacts.apiVersion} documents that`,
            { request: requestOf(e), value: n },
          ),
        );
      } else {
        findings.push(
          finding(
            this.id,
            'known-quirk',
            `per_page=151 was clamped to ${n} items (the cap is documented, what happens past it is not)`,
            { request: requestOf(e), quirk: quirkRef(q), value: n },
          ),
        );
      }
    } else
      findings.push(
        finding(this.id, 'violation', `per_page=151 answered ${e.status}`, { request: requestOf(e) }),
      );
    return [{ operationId: 'listConversations', findings, observations: { perPageOverflow: overflow } }];
  },
};

/** The page size without per_page: the description's default (20), older documentation's (150), or neither. */
export const perPageDefault: Check = {
  id: 'per-page-default',
  summary:
    'the default page size is the documented one (20 in the 2.10/2.11 descriptions, 150 in older documentation)',
  run(ctx) {
    const op = ctx.artifacts.index.operations.listConversations!;
    const documented = op.parameters.find((p) => p.name === 'per_page')?.schema.default;
    const q = quirk(ctx, 'per-page-default');
    const alternatives = (q?.data['x-documented-defaults'] as number[] | undefined) ?? [];
    const e = ctx.collected.listDefault;
    if (e?.status !== 200)
      return [
        {
          operationId: 'listConversations',
          findings: [],
          outcome: 'error',
          reason: `the list without per_page answered ${e?.status ?? e?.error}`,
        },
      ];
    if (e.body === undefined || typeof e.body !== 'object' || e.body === null) {
      return [
        {
          operationId: 'listConversations',
          findings: [],
          outcome: 'error',
          reason: `the list without per_page gave no JSON page (${e.error ?? e.parseError ?? 'empty body'})`,
        },
      ];
    }
    const page = pageOf(e);
    const declared = page.pages?.per_page;
    const n = countOf(e);
    const total = typeof page.total_count === 'number' ? page.total_count : undefined;
    const observed =
      typeof declared === 'number'
        ? declared
        : typeof declared === 'string' && /^\d+$/.test(declared)
          ? Number(declared)
          : total !== undefined && total > n
            ? n
            : undefined;
    const observations = { observedDefault: observed, documentedDefault: documented };
    if (observed === undefined)
      return [
        {
          operationId: 'listConversations',
          findings: [],
          outcome: 'skip',
          reason: `the workspace has too few conversations (${n}) to show the default page size`,
          observations,
        },
      ];
    const findings = [];
    if (observed !== documented) {
      findings.push(
        alternatives.includes(observed)
          ? finding(
              this.id,
              'known-quirk',
              `the default page size is ${observed}, not the description's ${documented}`,
              { request: requestOf(e), quirk: quirkRef(q), value: observed },
            )
          : finding(
              this.id,
              'violation',
              `the default page size is ${observed}, documented as ${[documented, ...alternatives.filter((a) => a !== documented)].join(' or ')}`,
              { request: requestOf(e), value: observed },
            ),
      );
    }
    if (n > observed)
      findings.push(
        finding(this.id, 'violation', `the default page held ${n} items for a page size of ${observed}`, {
          request: requestOf(e),
          value: n,
        }),
      );
    return [{ operationId: 'listConversations', findings, observations }];
  },
};
