import type { MockServer } from '../../src/mock/index.ts';
import type { Exchange } from '../../src/model/exchange.ts';
import type { RunResult } from '../../src/model/result.ts';
import { configFromEnv, type RunConfig } from '../../src/run/config.ts';
import { type RunHooks, runConformance } from '../../src/run/engine.ts';

export interface ObservedRun {
  result: RunResult;
  exchanges: Exchange[];
  mock?: MockServer;
}

/** A run with the defaults of the environment-less CLI, overridden; captures exchanges and the mock. */
export async function observeRun(
  overrides: Partial<RunConfig> = {},
  env: NodeJS.ProcessEnv = {},
  hooks: RunHooks = {},
): Promise<ObservedRun> {
  const exchanges: Exchange[] = [];
  let mock: MockServer | undefined;
  const result = await runConformance(
    { ...configFromEnv(env), ...overrides },
    {
      ...hooks,
      onTarget: async (t) => {
        mock = t.mock;
        await hooks.onTarget?.(t);
      },
      onExchange: (e) => exchanges.push(e),
    },
  );
  return { result, exchanges, ...(mock ? { mock } : {}) };
}

/** The result without what legitimately differs between two runs (times, check durations). */
export function timeless(result: RunResult): RunResult {
  return {
    ...result,
    run: { ...result.run, startedAt: '', finishedAt: '' },
    results: result.results.map(({ durationMs: _durationMs, ...r }) => r),
  };
}
