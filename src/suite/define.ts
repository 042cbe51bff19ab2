import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult, RunResult } from '../model/result.ts';
import { checkFolders, configFromEnv } from '../run/config.ts';
import { runConformance } from '../run/engine.ts';
import { onStopSignals } from '../run/interrupt.ts';

/**
 * The vitest adapter over the run engine: a suite file per API version (generated/suites/<v>.suite.ts) runs
 * the engine for its version, configured from the environment by the option table (the variables of `run`'s
 * flags), writes its part, and turns each result into a vitest test. `npx intercom-conformance report merge
 * <report-dir>/parts/*.json` merges the parts of sharded runs.
 */
export function partsDir(reportDir: string): string {
  return resolve(reportDir, 'parts');
}

/**
 * Runs the engine for one API version, writes `<report-dir>/parts/<version>.json`, and returns the result; a
 * version the environment does not select (INTERCOM_CONFORMANCE_API_VERSIONS) is not run: `{ skipped }`.
 */
export async function runVersion(apiVersion: string): Promise<RunResult | { skipped: string }> {
  const selected = configFromEnv();
  if (!selected.apiVersions.includes(apiVersion))
    return { skipped: `API ${apiVersion} is not selected (${selected.apiVersions.join(', ')})` };
  const config = { ...selected, apiVersions: [apiVersion] };
  checkFolders(config);
  const dir = partsDir(config.reportDir);
  mkdirSync(dir, { recursive: true });
  // Ctrl-C reaches the workers too: the engine stops, cleans up and returns what it has, marked partial.
  const stop = onStopSignals();
  let result: RunResult;
  try {
    result = await runConformance(config, { signal: stop.signal });
  } finally {
    stop.dispose();
  }
  const file = join(dir, `${apiVersion}.json`);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return result;
}

function describeFinding(f: CheckResult['findings'][number]): string {
  return `${f.instancePath ? `${f.instancePath}: ` : ''}${f.message}${f.specPointer ? ` [${f.specPointer}]` : ''}`;
}

/** One vitest test per check × operation: fails on violations, errors on harness problems, skips with the reason. */
export function defineSuite(result: RunResult | { skipped: string }): void {
  if ('skipped' in result) {
    it.skip(result.skipped, () => {});
    return;
  }
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
