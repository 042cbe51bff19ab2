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

export const bodyParses: Check = {
  id: 'body-parses',
  summary: 'every response body is valid JSON',
  run(ctx) {
    const out: CheckVerdict[] = [];
    for (const [operationId, exchanges] of byOperation(allExchanges(ctx.collected))) {
      const findings = exchanges
        .filter((e) => e.status !== undefined && e.bodyText !== undefined && e.parseError !== undefined)
        .map((e) =>
          finding(this.id, 'violation', `the body is not JSON (${e.parseError})`, {
            request: requestOf(e),
            value: ctx.redact(e.bodyText!.slice(0, 200)),
          }),
        );
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
