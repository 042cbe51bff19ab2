import { prop } from './read.ts';
import { conversationsOf, defineCheck, finding, requestOf } from './types.ts';

const ID = 'rating-range';
const OPERATIONS = ['listConversations', 'retrieveConversation'];

/** A rating is an integer from 1 to 5, or null. */
export const ratingRange = defineCheck<ReturnType<typeof conversationsOf>>({
  id: ID,
  summary: 'conversation_rating.rating is 1–5 or null',
  applies(ctx) {
    const all = conversationsOf(ctx.collected);
    return OPERATIONS.map((operationId) => {
      const convs = all.filter((x) => x.exchange.operationId === operationId);
      return convs.length > 0
        ? { operationId, subject: convs }
        : { operationId, outcome: 'skip' as const, reason: 'no conversation was received' };
    });
  },
  verify(_ctx, convs) {
    const findings = [];
    for (const { conversation: c, exchange, path } of convs) {
      const rating = prop(c.conversation_rating, 'rating');
      if (rating === undefined || rating === null) continue;
      if (typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5) continue;
      findings.push(
        finding(
          ID,
          'violation',
          `conversation ${c.id}: rating ${JSON.stringify(rating)} is not 1–5 or null`,
          {
            instancePath: `${path}/conversation_rating/rating`,
            value: rating,
            request: requestOf(exchange),
          },
        ),
      );
    }
    return { findings };
  },
});
