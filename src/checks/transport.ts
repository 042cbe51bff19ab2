import type { BodyIssue, Exchange } from '../model/exchange.ts';
import type { Finding } from '../model/result.ts';
import { documentedStatus } from '../validate/validate.ts';
import { allExchanges, byOperation, type Check, type CheckVerdict, finding, requestOf } from './types.ts';

/** Exchanges that got no response, or only a body too large to read: the harness could not check them. */
function transportErrors(verdictFor: CheckVerdict, errors: string[]): CheckVerdict {
  return errors.length > 0
    ? { ...verdictFor, outcome: 'error', reason: [...new Set(errors)].join('; ') }
    : verdictFor;
}

export const statusDocumented: Check = {
  id: 'status-documented',
  summary: 'every status code the target answered is documented for the operation',
  run(ctx) {
    const out: CheckVerdict[] = [];
    for (const [operationId, exchanges] of byOperation(allExchanges(ctx.collected))) {
      const op = ctx.artifacts.index.operations[operationId]!;
      const findings = exchanges
        .filter((e) => e.status !== undefined && !documentedStatus(op, e.status))
        .map((e) =>
          finding(
            this.id,
            'violation',
            `status ${e.status} is not documented for ${operationId} (documented: ${Object.keys(op.responses).join(', ')})`,
            {
              request: requestOf(e),
            },
          ),
        );
      out.push(
        transportErrors(
          { operationId, findings },
          exchanges.filter((e) => e.status === undefined).map((e) => e.error ?? 'no response'),
        ),
      );
    }
    return out;
  },
};

export const contentTypeJson: Check = {
  id: 'content-type-json',
  summary: 'responses with a documented JSON body are served as application/json',
  run(ctx) {
    const out: CheckVerdict[] = [];
    for (const [operationId, exchanges] of byOperation(allExchanges(ctx.collected))) {
      const op = ctx.artifacts.index.operations[operationId]!;
      const findings = exchanges
        .filter((e) => e.status !== undefined && e.status !== 204)
        .filter((e) => {
          const key = documentedStatus(op, e.status!);
          return (
            key !== undefined && Object.keys(op.responses[key]!.content).some((mt) => mt.includes('json'))
          );
        })
        .filter((e) => !/^application\/([\w.+-]*\+)?json\b/i.test(e.headers['content-type'] ?? ''))
        .map((e) =>
          finding(
            this.id,
            'violation',
            `content-type is ${JSON.stringify(e.headers['content-type'] ?? null)}, not application/json`,
            {
              request: requestOf(e),
            },
          ),
        );
      out.push({ operationId, findings });
    }
    return out;
  },
};

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
function issueFindings(checkId: string, e: Exchange): Finding[] {
  return (e.bodyIssues ?? []).map((i) =>
    finding(checkId, 'violation', ISSUE_MESSAGES[i.kind](i), {
      instancePath: i.path,
      params: { issue: i.kind },
      request: requestOf(e),
    }),
  );
}

export const bodyParses: Check = {
  id: 'body-parses',
  summary: 'every response body is valid JSON',
  run(ctx) {
    const out: CheckVerdict[] = [];
    for (const [operationId, exchanges] of byOperation(allExchanges(ctx.collected))) {
      const findings = exchanges
        .filter((e) => e.status !== undefined && e.bodyText !== undefined && e.parseError !== undefined)
        .filter((e) => !e.bodyIssues?.some((i) => i.kind === 'too-deep'))
        .map((e) =>
          finding(this.id, 'violation', `the body is not JSON (${e.parseError})`, {
            request: requestOf(e),
            value: ctx.redact(e.bodyText!.slice(0, 200)),
          }),
        )
        .concat(exchanges.flatMap((e) => issueFindings(this.id, e)));
      out.push(
        transportErrors(
          { operationId, findings },
          exchanges.filter((e) => e.error && e.status !== undefined).map((e) => e.error!),
        ),
      );
    }
    return out;
  },
};
