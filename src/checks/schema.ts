import { classifyBody } from '../quirks/classify.ts';
import { quirkAwareResponseTarget } from '../quirks/target.ts';
import { parsePointer, resolvePointer } from '../util/json-pointer.ts';
import { documentedStatus } from '../validate/validate.ts';
import { allExchanges, byOperation, type Check, type CheckVerdict, finding, requestOf } from './types.ts';

/**
 * Every parsed body against the documented schema of its status: strict, then classified through the quirk
 * registry (known quirk or violation). Error-probe bodies are validated too (against the error schema).
 */
export const schema: Check = {
  id: 'schema',
  summary:
    'the body validates against the documented schema for its status (strict, quirk-aware classification)',
  run(ctx) {
    const out: CheckVerdict[] = [];
    for (const [operationId, exchanges] of byOperation(allExchanges(ctx.collected))) {
      const op = ctx.artifacts.index.operations[operationId]!;
      const findings = [];
      let validated = 0;
      for (const e of exchanges) {
        if (e.status === undefined || e.body === undefined) continue;
        const key = documentedStatus(op, e.status);
        if (!key || !Object.keys(op.responses[key]!.content).some((mt) => mt.includes('json'))) continue;
        validated++;
        const target = quirkAwareResponseTarget(ctx.artifacts, operationId, key);
        for (const f of classifyBody(target, e.body)) {
          const tokens = parsePointer(f.instancePath);
          findings.push(
            finding(this.id, f.classification, `${f.instancePath || '(root)'} ${f.message}`, {
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
      out.push(
        validated === 0
          ? {
              operationId,
              findings,
              outcome: 'skip',
              reason: 'no JSON body with a documented status was received',
            }
          : { operationId, findings, observations: { bodies: validated } },
      );
    }
    return out;
  },
};
