import type { Exchange } from '../model/exchange.ts';
import type { QuirkEntry } from '../model/quirk.ts';
import { documentedStatus } from '../validate/validate.ts';
import { allExchanges, byOperation, defineCheck, finding, quirkRef, requestOf } from './types.ts';

/** A quirk whose data says the operation answers `status` although its description does not document it. */
function undocumentedBy(
  quirks: readonly QuirkEntry[],
  pointer: string,
  status: number,
): QuirkEntry | undefined {
  return quirks.find((q) => {
    const statuses = q.data['x-undocumented-statuses'];
    return (
      Array.isArray(statuses) &&
      statuses.includes(status) &&
      q.targets.some((t) => t === pointer || t.startsWith(`${pointer}/`))
    );
  });
}

const ID = 'status-documented';

/**
 * Every status code the target answered is documented; one a quirk documents elsewhere (the search's refusal
 * of a query past its limits) is a known quirk. Requests that got no answer make it an error.
 */
export const statusDocumented = defineCheck<{ answered: Exchange[]; failed: string[] }>({
  id: ID,
  summary: 'every status code the target answered is documented for the operation',
  applies(ctx) {
    return [...byOperation(allExchanges(ctx.collected))].map(([operationId, exchanges]) => {
      const answered = exchanges.filter((e) => e.status !== undefined);
      const failed = [
        ...new Set(exchanges.filter((e) => e.status === undefined).map((e) => e.error ?? 'no response')),
      ];
      return answered.length === 0
        ? { operationId, outcome: 'error' as const, reason: failed.join('; ') }
        : { operationId, subject: { answered, failed } };
    });
  },
  verify(ctx, { answered, failed }, operationId) {
    const op = ctx.artifacts.index.operations[operationId];
    if (!op) return { findings: [], outcome: 'error', reason: `${operationId} is not in the description` };
    const quirks = ctx.artifacts.quirks()?.registry.quirks ?? [];
    const findings = answered
      .filter((e) => e.status !== undefined && !documentedStatus(op, e.status))
      .map((e) => {
        const documented = `documented: ${Object.keys(op.responses).join(', ')}`;
        const q = undocumentedBy(quirks, op.pointer, e.status!);
        return q
          ? finding(
              ID,
              'known-quirk',
              `status ${e.status} is not documented for ${operationId} (${documented})`,
              {
                request: requestOf(e),
                quirk: quirkRef(q)!,
              },
            )
          : finding(
              ID,
              'violation',
              `status ${e.status} is not documented for ${operationId} (${documented})`,
              {
                request: requestOf(e),
              },
            );
      });
    return failed.length > 0 ? { findings, outcome: 'error', reason: failed.join('; ') } : { findings };
  },
});
