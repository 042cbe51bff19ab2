import { describe, expect, it } from 'vitest';
import type { CheckResult, RunResult } from '../model/result.ts';

// The vitest adapter: this file alone imports vitest. Running a version needs no vitest (see run-version.ts).
export { partsDir, runVersion } from './run-version.ts';

function describeFinding(f: CheckResult['findings'][number]): string {
  return `${f.instancePath ? `${f.instancePath}: ` : ''}${f.message}${f.specPointer ? ` [${f.specPointer}]` : ''}`;
}

/** One vitest test per check × operation: fails on violations, errors on harness problems, skips with the reason. */
export function defineSuite(result: RunResult): void {
  const byOperation = new Map<string, CheckResult[]>();
  for (const r of result.results)
    byOperation.set(`${r.apiVersion} › ${r.operationId}`, [
      ...(byOperation.get(`${r.apiVersion} › ${r.operationId}`) ?? []),
      r,
    ]);
  for (const [name, checks] of byOperation) {
    describe(name, () => {
      for (const r of checks) {
        it.skipIf(r.outcome === 'skip')(
          `${r.checkId}${r.outcome === 'skip' ? ` (skipped: ${r.reason})` : ''}`,
          () => {
            if (r.outcome === 'error') throw new Error(`${r.checkId} could not run: ${r.reason}`);
            const violations = r.findings
              .filter((f) => f.classification === 'violation')
              .map(describeFinding);
            expect(violations, `${r.checkId}: violations`).toEqual([]);
          },
        );
      }
    });
  }
}
