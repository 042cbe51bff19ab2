import type { Exchange } from '../model/exchange.ts';
import type { Finding } from '../model/result.ts';
import { classifyBody } from '../quirks/classify.ts';
import { quirkAwareResponseTarget } from '../quirks/target.ts';
import { listPageOf, prop, unreadable } from './read.ts';
import { defineCheck, finding, quirk, quirkRef, requestOf } from './types.ts';

const ID = 'per-page-cap';
const CAP = 150;

/** per_page=150 returns at most 150 items (the walk's first page). */
function maxPageFindings(e: Exchange | undefined): Finding[] {
  const n = listPageOf(e)?.conversations.length ?? 0;
  return e && n > CAP
    ? [finding(ID, 'violation', `per_page=${CAP} returned ${n} items`, { request: requestOf(e) })]
    : [];
}

/** per_page=150 returns at most 150; per_page=151 is refused with a conforming error.list or clamped — recorded. */
export const perPageCap = defineCheck<Exchange>({
  id: ID,
  summary:
    'per_page=150 returns at most 150 items; 151 is refused (error.list) or clamped — which one is recorded',
  applies(ctx) {
    const e = ctx.collected.perPageOverflow;
    const operationId = 'listConversations';
    const findings = maxPageFindings(ctx.collected.perPageMax);
    if (!e || e.status === undefined)
      return [
        {
          operationId,
          outcome: 'error',
          findings,
          reason: `per_page=151 got no response (${e?.error ?? 'not sent'})`,
        },
      ];
    // A 200 without a readable page (truncated, not JSON, too large) says nothing about clamping.
    if (e.status === 200 && !listPageOf(e))
      return [
        {
          operationId,
          outcome: 'error',
          findings,
          reason: `per_page=151 answered 200 without a readable list page (${unreadable(e)})`,
        },
      ];
    return [{ operationId, subject: e }];
  },
  verify(ctx, e) {
    const findings = maxPageFindings(ctx.collected.perPageMax);
    let overflow: 'reject' | 'clamp' | 'unknown' = 'unknown';
    const page = listPageOf(e);
    if (e.status === 400) {
      overflow = 'reject';
      // 400 is not documented for listConversations: validate against the error schema the 401 documents.
      const errorFindings = classifyBody(
        quirkAwareResponseTarget(ctx.artifacts, 'listConversations', 401),
        e.body,
      );
      if (prop(e.body, 'type') !== 'error.list' || errorFindings.length > 0)
        findings.push(
          finding(ID, 'violation', 'per_page=151 was refused without a conforming error.list', {
            request: requestOf(e),
            value: ctx.redact(e.body),
          }),
        );
    } else if (e.status === 200 && page) {
      overflow = 'clamp';
      const n = page.conversations.length;
      const q = quirk(ctx, 'per-page-cap');
      findings.push(
        n > CAP
          ? finding(ID, 'violation', `per_page=151 returned ${n} items, past the cap of ${CAP}`, {
              request: requestOf(e),
              value: n,
            })
          : !q
            ? // Without quirk data nothing documents the clamp: never a known quirk that names no quirk.
              finding(
                ID,
                'violation',
                `per_page=151 was clamped to ${n} items, and no quirk data for API ${ctx.artifacts.apiVersion} documents that`,
                { request: requestOf(e), value: n },
              )
            : finding(
                ID,
                'known-quirk',
                `per_page=151 was clamped to ${n} items (the cap is documented, what happens past it is not)`,
                { request: requestOf(e), quirk: quirkRef(q), value: n },
              ),
      );
    } else
      findings.push(finding(ID, 'violation', `per_page=151 answered ${e.status}`, { request: requestOf(e) }));
    return { findings, observations: { perPageOverflow: overflow } };
  },
});
