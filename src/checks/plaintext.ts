import type { Exchange } from '../model/exchange.ts';
import { isRecord, prop, unreadable } from './read.ts';
import { defineCheck, finding, requestOf } from './types.ts';

const ID = 'plaintext';
const HTML_TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i;

/** `display_as=plaintext` returns bodies without HTML. */
export const plaintext = defineCheck<Exchange>({
  id: ID,
  summary: 'display_as=plaintext returns message bodies without HTML',
  applies(ctx) {
    const e = ctx.collected.plaintext;
    const operationId = 'retrieveConversation';
    if (!e) return [{ operationId, outcome: 'skip', reason: 'no retrieved conversation had an HTML body' }];
    // No readable answer (timeout, reset, not JSON): the harness could not check it.
    if (e.status === undefined || (e.status === 200 && !isRecord(e.body)))
      return [{ operationId, outcome: 'error', reason: unreadable(e) }];
    return [{ operationId, subject: e }];
  },
  verify(ctx, e) {
    if (e.status !== 200)
      return {
        findings: [
          finding(ID, 'violation', `display_as=plaintext answered ${e.status}`, { request: requestOf(e) }),
        ],
      };
    const bodies: Array<[string, unknown]> = [['/source/body', prop(prop(e.body, 'source'), 'body')]];
    const parts = prop(prop(e.body, 'conversation_parts'), 'conversation_parts');
    (Array.isArray(parts) ? parts : []).forEach((p, i) => {
      bodies.push([`/conversation_parts/conversation_parts/${i}/body`, prop(p, 'body')]);
    });
    return {
      findings: bodies
        .filter(([, b]) => typeof b === 'string' && HTML_TAG.test(b))
        .map(([path, b]) =>
          finding(ID, 'violation', `${path} still contains HTML`, {
            instancePath: path,
            value: ctx.redact(b, 'body'),
            request: requestOf(e),
          }),
        ),
    };
  },
});
