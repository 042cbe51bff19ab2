import type { FailOn, RunResult } from '../model/result.ts';

export type { FailOn } from '../model/result.ts';

import { leftBehind } from './partial.ts';

/**
 * The exit code of a run, for a CI gate. `error` (the default): 0 only when everything was checked and passed
 * (known quirks allowed); 1 on any violation, any check that could not run (`error`: the target could not be
 * checked), a partial run, or a tag left in the workspace. `violation`: errors do not fail the run, violations
 * and a tag left in the workspace do. `never`: always 0. Bad input stays 2, an interruption 130/143 (decided
 * before a result exists).
 */

/** Why a run fails the gate (empty: it passes), for the closing line of the CLI. */
export function failureReasons(result: RunResult, failOn: FailOn): string[] {
  if (failOn === 'never') return [];
  const reasons: string[] = [];
  const violations = result.results.filter(
    (r) => r.outcome === 'fail' || r.findings.some((f) => f.classification === 'violation'),
  ).length;
  if (violations > 0) reasons.push(`${violations} ${violations === 1 ? 'check' : 'checks'} with violations`);
  const left = leftBehind(result).length;
  if (left > 0) reasons.push(`${left} left in the workspace`);
  if (failOn === 'error') {
    const errors = result.results.filter((r) => r.outcome === 'error').length;
    if (errors > 0) reasons.push(`${errors} could not be checked (errors)`);
    if (result.run.partial) reasons.push('the run is partial');
  }
  return reasons;
}

export function exitCodeOf(result: RunResult, failOn: FailOn): number {
  return failureReasons(result, failOn).length > 0 ? 1 : 0;
}
