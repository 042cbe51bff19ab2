import type { Exchange } from '../model/exchange.ts';
import { documentedStatus } from '../validate/validate.ts';
import { allExchanges, byOperation, defineCheck, finding, requestOf } from './types.ts';

const ID = 'status-documented';

/** Every status code the target answered is documented; requests that got no answer make it an error. */
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
    const findings = answered
      .filter((e) => e.status !== undefined && !documentedStatus(op, e.status))
      .map((e) =>
        finding(
          ID,
          'violation',
          `status ${e.status} is not documented for ${operationId} (documented: ${Object.keys(op.responses).join(', ')})`,
          { request: requestOf(e) },
        ),
      );
    return failed.length > 0 ? { findings, outcome: 'error', reason: failed.join('; ') } : { findings };
  },
});
