import type { CheckResult } from '../model/result.ts';
import { CHECKS } from './registry.ts';
import { allExchanges, type CheckContext, type CheckVerdict } from './types.ts';

export { CHECKS } from './registry.ts';
export type {
  Check,
  CheckContext,
  CheckVerdict,
} from './types.ts';

function verdictToResult(checkId: string, apiVersion: string, v: CheckVerdict): CheckResult {
  const violations = v.findings.some((f) => f.classification === 'violation');
  const outcome = v.outcome ?? (violations ? 'fail' : 'pass');
  return {
    checkId,
    operationId: v.operationId,
    apiVersion,
    outcome,
    ...(v.reason ? { reason: v.reason } : {}),
    findings: v.findings,
    ...(v.observations ? { observations: v.observations } : {}),
  };
}

/**
 * Runs every check over what was collected. Checks do not throw (each reads bodies through guards, and an
 * exception while verifying one operation is that operation's `error`); should one throw anyway while
 * deciding what applies, it is an `error` result, never a crash.
 */
export function runChecks(ctx: CheckContext): CheckResult[] {
  const results: CheckResult[] = [];
  // Each result's durationMs: its share of the check's own time plus the time of the requests of its operation.
  const requestMs = new Map<string, number>();
  for (const e of allExchanges(ctx.collected))
    requestMs.set(e.operationId, (requestMs.get(e.operationId) ?? 0) + (e.elapsedMs ?? 0));
  for (const check of CHECKS) {
    const started = performance.now();
    try {
      const verdicts = check.run(ctx);
      const own = (performance.now() - started) / Math.max(1, verdicts.length);
      for (const v of verdicts) {
        const durationMs = Math.round((own + (requestMs.get(v.operationId) ?? 0)) * 1000) / 1000;
        results.push({ ...verdictToResult(check.id, ctx.apiVersion, v), durationMs });
      }
    } catch (error) {
      results.push({
        checkId: check.id,
        operationId: '*',
        apiVersion: ctx.apiVersion,
        outcome: 'error',
        reason: `the check failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300),
        findings: [],
      });
    }
  }
  return results;
}
