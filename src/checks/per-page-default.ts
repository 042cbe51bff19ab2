import type { Exchange } from '../model/exchange.ts';
import { type ListPage, listPageOf, numberOr, unreadable } from './read.ts';
import { defineCheck, finding, quirk, quirkRef, requestOf } from './types.ts';

const ID = 'per-page-default';

/** The page size a page shows: its declared per_page (a number or digit string), else its length if partial. */
function observedSize(page: ListPage): number | undefined {
  const declared = page.perPage;
  if (typeof declared === 'number') return declared;
  if (typeof declared === 'string' && /^\d+$/.test(declared)) return Number(declared);
  const n = page.conversations.length;
  return page.totalCount !== undefined && page.totalCount > n ? n : undefined;
}

/** The page size without per_page: the description's default (20), older documentation's (150), or neither. */
export const perPageDefault = defineCheck<{ e: Exchange; page: ListPage; observed: number }>({
  id: ID,
  summary:
    'the default page size is the documented one (20 in the 2.10/2.11 descriptions, 150 in older documentation)',
  applies(ctx) {
    const operationId = 'listConversations';
    const e = ctx.collected.listDefault;
    if (e?.status !== 200)
      return [
        {
          operationId,
          outcome: 'error',
          reason: `the list without per_page answered ${e?.status ?? e?.error ?? 'nothing (not sent)'}`,
        },
      ];
    const page = listPageOf(e);
    if (!page)
      return [
        {
          operationId,
          outcome: 'error',
          reason: `the list without per_page gave no list page (${unreadable(e)})`,
        },
      ];
    const observed = observedSize(page);
    const documented = numberOr(
      ctx.artifacts.index.operations.listConversations?.parameters.find((p) => p.name === 'per_page')?.schema
        .default,
    );
    if (observed === undefined)
      return [
        {
          operationId,
          outcome: 'skip',
          reason: `the workspace has too few conversations (${page.conversations.length}) to show the default page size`,
          observations: { observedDefault: undefined, documentedDefault: documented },
        },
      ];
    return [{ operationId, subject: { e, page, observed } }];
  },
  verify(ctx, { e, page, observed }) {
    const documented = numberOr(
      ctx.artifacts.index.operations.listConversations?.parameters.find((p) => p.name === 'per_page')?.schema
        .default,
    );
    const q = quirk(ctx, 'per-page-default');
    const listed = q?.data['x-documented-defaults'];
    const alternatives = Array.isArray(listed)
      ? listed.filter((x): x is number => typeof x === 'number')
      : [];
    const findings = [];
    if (observed !== documented)
      findings.push(
        alternatives.includes(observed)
          ? finding(
              ID,
              'known-quirk',
              `the default page size is ${observed}, not the description's ${documented}`,
              {
                request: requestOf(e),
                quirk: quirkRef(q),
                value: observed,
              },
            )
          : finding(
              ID,
              'violation',
              `the default page size is ${observed}, documented as ${[documented, ...alternatives.filter((a) => a !== documented)].join(' or ')}`,
              { request: requestOf(e), value: observed },
            ),
      );
    const n = page.conversations.length;
    if (n > observed)
      findings.push(
        finding(ID, 'violation', `the default page held ${n} items for a page size of ${observed}`, {
          request: requestOf(e),
          value: n,
        }),
      );
    return { findings, observations: { observedDefault: observed, documentedDefault: documented } };
  },
});
