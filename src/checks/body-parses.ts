import type { BodyIssue, Exchange } from '../model/exchange.ts';
import type { Finding } from '../model/result.ts';
import { allExchanges, byOperation, defineCheck, finding, requestOf } from './types.ts';

const ID = 'body-parses';

const ISSUE_MESSAGES: Record<BodyIssue['kind'], (i: BodyIssue) => string> = {
  'invalid-utf8': (i) => `the body is not valid UTF-8 (${i.detail})`,
  'duplicate-key': (i) =>
    `${i.detail} in the object at ${i.path || '(root)'}: parsers disagree on which value counts (JSON.parse keeps the last)`,
  'unsafe-integer': (i) =>
    `${i.path || '(root)'} is the integer ${i.detail}, beyond 2^53: JavaScript reads it as ${Number(i.detail.replace('…', ''))}`,
  'prototype-key': (i) => `${i.path} is ${i.detail}: kept as data, never as an object prototype`,
  'too-deep': (i) => `the body is ${i.detail} (from ${i.path || '(root)'}/…): not parsed`,
};

/** What the body hides from JSON.parse (see run/json-scan.ts), one finding each. */
function issueFindings(e: Exchange): Finding[] {
  return (e.bodyIssues ?? []).map((i) =>
    finding(ID, 'violation', ISSUE_MESSAGES[i.kind](i), {
      instancePath: i.path,
      params: { issue: i.kind },
      request: requestOf(e),
    }),
  );
}

/**
 * Every body that was read is JSON (and hides nothing from JSON.parse). A body the harness could not read (too
 * large, undecodable, an HTML error page) makes it an error; no body at all, a skip — never a pass.
 */
export const bodyParses = defineCheck<{ read: Exchange[]; errors: string[] }>({
  id: ID,
  summary: 'every response body is valid JSON',
  applies(ctx) {
    return [...byOperation(allExchanges(ctx.collected))].map(([operationId, exchanges]) => {
      const read = exchanges.filter((e) => e.status !== undefined && e.bodyText !== undefined);
      const errors = [
        ...new Set(exchanges.filter((e) => e.error && e.status !== undefined).map((e) => e.error!)),
      ];
      if (read.length > 0 || errors.length > 0) return { operationId, subject: { read, errors } };
      const failed = exchanges.find((e) => e.error)?.error;
      return {
        operationId,
        outcome: 'skip' as const,
        reason: `no response body was received${failed ? ` (${failed})` : ''}`,
      };
    });
  },
  verify(ctx, { read, errors }) {
    const findings = read
      .filter((e) => e.parseError !== undefined && !e.bodyIssues?.some((i) => i.kind === 'too-deep'))
      .map((e) =>
        finding(ID, 'violation', `the body is not JSON (${e.parseError})`, {
          request: requestOf(e),
          value: ctx.redact((e.bodyText ?? '').slice(0, 200)),
        }),
      )
      .concat(read.flatMap(issueFindings));
    return errors.length > 0 ? { findings, outcome: 'error', reason: errors.join('; ') } : { findings };
  },
});
