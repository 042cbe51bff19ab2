import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunResult } from '../model/result.ts';
import { configFromEnv } from '../run/config.ts';
import { runConformance } from '../run/engine.ts';
import { interruptFile, watchInterruption } from '../run/interrupt.ts';
import { samplesOf } from '../run/runtime-diff.ts';
import { progressWriter } from './progress.ts';

/** Where each suite file leaves its part of the run (merged into conformance.json by `run` or `report merge`). */
export function partsDir(reportDir: string): string {
  return resolve(reportDir, '.parts');
}

/**
 * Runs the conformance checks of one API version against the target the environment describes, writes the
 * part result, and returns it. Called at the top level of a suite file (see generated/suites/).
 */
export async function runVersion(apiVersion: string): Promise<RunResult> {
  const config = { ...configFromEnv(), apiVersions: [apiVersion] };
  const dir = partsDir(config.reportDir);
  mkdirSync(dir, { recursive: true });
  // Ctrl-C (or `run` being interrupted) aborts the run: it cleans up and returns what it has, marked partial.
  const interruption = watchInterruption(interruptFile(dir));
  const progress = progressWriter(dir, apiVersion);
  let result: RunResult;
  try {
    result = await runConformance(config, {
      signal: interruption.signal,
      onExchange: progress.onExchange,
      // The retrieved payloads, for the runtime cross-version diff `run` computes once every version is done.
      onCollected: (v, collected) =>
        writeFileSync(join(dir, `${v}.samples.json`), JSON.stringify(samplesOf(collected))),
    });
  } finally {
    interruption.stop();
    progress.flush();
  }
  const file = join(dir, `${apiVersion}.json`);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return result;
}
