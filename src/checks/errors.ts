import type { Exchange } from '../model/exchange.ts';
import { type Check, type CheckVerdict, finding, requestOf } from './types.ts';

function expectError(checkId: string, e: Exchange, status: number): ReturnType<typeof finding>[] {
  if (e.status === undefined) return [];
  const out = [];
  if (e.status !== status)
    out.push(finding(checkId, 'violation', `expected ${status}, got ${e.status}`, { request: requestOf(e) }));
  const type = (e.body as { type?: unknown } | undefined)?.type;
  if (type !== 'error.list')
    out.push(
      finding(
        checkId,
        'violation',
        `the error body's type is ${JSON.stringify(type ?? null)}, not "error.list"`,
        { request: requestOf(e) },
      ),
    );
  return out;
}

/** A bad token gives a 401 error.list (its schema is checked by `schema`). */
export const error401: Check = {
  id: 'error-401',
  summary: 'a bad token gives a 401 with an error.list body',
  run(ctx) {
    const verdicts: CheckVerdict[] = [];
    for (const e of ctx.collected.errors401) {
      verdicts.push(
        e.status === undefined
          ? { operationId: e.operationId, findings: [], outcome: 'error', reason: e.error ?? 'no response' }
          : { operationId: e.operationId, findings: expectError(this.id, e, 401) },
      );
    }
    return verdicts;
  },
};

/** An unknown conversation gives a 404 error.list. */
export const error404: Check = {
  id: 'error-404',
  summary: 'an unknown conversation gives a 404 with an error.list body',
  run(ctx) {
    const e = ctx.collected.error404;
    if (!e || e.status === undefined)
      return [
        {
          operationId: 'retrieveConversation',
          findings: [],
          outcome: 'error',
          reason: e?.error ?? 'not sent',
        },
      ];
    return [{ operationId: 'retrieveConversation', findings: expectError(this.id, e, 404) }];
  },
};
