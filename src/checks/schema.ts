import type { Exchange } from '../model/exchange.ts';
import { classifyBody } from '../quirks/classify.ts';
import { quirkAwareResponseTarget } from '../quirks/target.ts';
import { parsePointer, resolvePointer } from '../util/json-pointer.ts';
import { documentedStatus } from '../validate/validate.ts';
import { allExchanges, byOperation, defineCheck, finding, requestOf } from './types.ts';

const ID = 'schema';

/**
 * Every parsed body against the documented schema of its status: strict, then classified through the quirk
 * registry (known quirk or violation). Error-probe bodies are validated too (against the error schema).
 */
export const schema = defineCheck<Array<{ e: Exchange; status: string }>>({
  id: ID,
  summary:
    'the body validates against the documented schema for its status (strict, quirk-aware classification)',
  applies(ctx) {
    return [...byOperation(allExchanges(ctx.collected))].map(([operationId, exchanges]) => {
      const op = ctx.artifacts.index.operations[operationId];
      const bodies = exchanges.flatMap((e) => {
        if (!op || e.status === undefined || e.body === undefined) return [];
        const status = documentedStatus(op, e.status);
        const json =
          status !== undefined &&
          Object.keys(op.responses[status]?.content ?? {}).some((mt) => mt.includes('json'));
        return json ? [{ e, status }] : [];
      });
      return bodies.length > 0
        ? { operationId, subject: bodies }
        : {
            operationId,
            outcome: 'skip' as const,
            reason: 'no JSON body with a documented status was received',
          };
    });
  },
  verify(ctx, bodies, operationId) {
    const findings = [];
    for (const { e, status } of bodies) {
      const target = quirkAwareResponseTarget(ctx.artifacts, operationId, status);
      for (const f of classifyBody(target, e.body)) {
        const tokens = parsePointer(f.instancePath);
        findings.push(
          finding(ID, f.classification, `${f.instancePath || '(root)'} ${f.message}`, {
            ...(f.quirk ? { quirk: f.quirk } : {}),
            instancePath: f.instancePath,
            schemaPath: f.schemaPath,
            keyword: f.keyword,
            params: f.params,
            specPointer: f.specPointer,
            value: ctx.redact(resolvePointer(e.body, `#${f.instancePath}`), tokens.at(-1)),
            request: requestOf(e),
          }),
        );
      }
    }
    return { findings, observations: { bodies: bodies.length } };
  },
});
