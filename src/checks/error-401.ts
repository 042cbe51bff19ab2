import type { Exchange } from '../model/exchange.ts';
import { expectError } from './error-probe.ts';
import { defineCheck } from './types.ts';

const ID = 'error-401';

/** A bad token gives a 401 error.list (its schema is checked by `schema`). */
export const error401 = defineCheck<Exchange>({
  id: ID,
  summary: 'a bad token gives a 401 with an error.list body',
  applies(ctx) {
    if (ctx.collected.errors401.length === 0)
      return [
        {
          operationId: 'listConversations',
          outcome: ctx.collected.interrupted ? 'error' : 'skip',
          reason: ctx.collected.interrupted
            ? 'the run was interrupted before the 401 probes'
            : 'no 401 probe was sent',
        },
      ];
    return ctx.collected.errors401.map((e) =>
      e.status === undefined
        ? { operationId: e.operationId, outcome: 'error' as const, reason: e.error ?? 'no response' }
        : { operationId: e.operationId, subject: e },
    );
  },
  verify(_ctx, e) {
    return { findings: expectError(ID, e, 401) };
  },
});
