import type { RunResult } from '../model/result.ts';
import type { FailOn } from './config.ts';
import { leftBehind } from './partial.ts';

/**
 * The exit code of a finished run: 0 when everything checked passed (known quirks allowed), 1 when something
 * failed or could not be checked. `failOn` softens the gate: `error` (default) counts violations, errors and
 * tags left in the workspace; `violation` counts violations and leftovers; `never` always exits 0.
 */
export function exitCodeOf(result: RunResult, failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const violations = result.results.some((r) => r.outcome === 'fail');
  const errors = result.results.some((r) => r.outcome === 'error');
  const leftovers = leftBehind(result).length > 0;
  if (violations || leftovers) return 1;
  return failOn === 'error' && errors ? 1 : 0;
}
