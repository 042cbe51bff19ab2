import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { packageRoot } from '../../src/util/paths.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in process with captured streams. */
export async function runCli(argv: string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => Buffer.from(stdin),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Runs the real executable (`npx intercom-conformance …`) in a child process. */
export function spawnCli(argv: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(
    process.execPath,
    [join(packageRoot, 'bin', 'intercom-conformance.mjs'), ...argv],
    {
      input: options.input ?? '',
      // Tests run in GitHub Actions too: a spawned run must not annotate or write the real step summary.
      env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...options.env },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
