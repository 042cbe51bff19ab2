import type { Exchange } from '../model/exchange.ts';
import { expectError } from './error-probe.ts';
import { defineCheck } from './types.ts';

const ID = 'error-404';

/** An unknown conversation gives a 404 error.list. */
export const error404 = defineCheck<Exchange>({
  id: ID,
  summary: 'an unknown conversation gives a 404 with an error.list body',
  applies(ctx) {
    const e = ctx.collected.error404;
    return [
      !e || e.status === undefined
        ? { operationId: 'retrieveConversation', outcome: 'error', reason: e?.error ?? 'not sent' }
        : { operationId: 'retrieveConversation', subject: e },
    ];
  },
  verify(_ctx, e) {
    return { findings: expectError(ID, e, 404) };
  },
});
