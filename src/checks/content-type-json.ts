import type { Exchange } from '../model/exchange.ts';
import { documentedStatus } from '../validate/validate.ts';
import { allExchanges, byOperation, defineCheck, finding, requestOf } from './types.ts';

const ID = 'content-type-json';

/** Answers whose documented status has a JSON body are served as application/json. */
export const contentTypeJson = defineCheck<Exchange[]>({
  id: ID,
  summary: 'responses with a documented JSON body are served as application/json',
  applies(ctx) {
    return [...byOperation(allExchanges(ctx.collected))].map(([operationId, exchanges]) => {
      const op = ctx.artifacts.index.operations[operationId];
      const relevant = exchanges.filter((e) => {
        if (!op || e.status === undefined || e.status === 204) return false;
        const key = documentedStatus(op, e.status);
        return (
          key !== undefined && Object.keys(op.responses[key]?.content ?? {}).some((mt) => mt.includes('json'))
        );
      });
      if (relevant.length > 0) return { operationId, subject: relevant };
      const failed = exchanges.filter((e) => e.status === undefined);
      return failed.length === exchanges.length
        ? {
            operationId,
            outcome: 'error' as const,
            reason: `no response (${failed[0]?.error ?? 'not sent'})`,
          }
        : {
            operationId,
            outcome: 'skip' as const,
            reason: 'no answer with a documented JSON body was received',
          };
    });
  },
  verify(_ctx, exchanges) {
    return {
      findings: exchanges
        .filter((e) => !/^application\/([\w.+-]*\+)?json\b/i.test(e.headers['content-type'] ?? ''))
        .map((e) =>
          finding(
            ID,
            'violation',
            `content-type is ${JSON.stringify(e.headers['content-type'] ?? null)}, not application/json`,
            {
              request: requestOf(e),
            },
          ),
        ),
    };
  },
});
