import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/paths.ts';
import { build } from '../build.ts';

/**
 * CPU (user + sys) of `intercom-conformance --help` against a bare `node -e 0`, min / median / max over runs,
 * each measured by bash's `time` around a fresh process. Two entry points: the built CLI the npm package runs
 * (dist/, rebuilt first) and the checkout's bin (TypeScript through tsx). Target: the package's
 * median ≤ 5× node's.
 */
function cpuSeconds(command: string[]): number {
  const quoted = command.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%3U %3S'; { time ${quoted} >/dev/null 2>&1; } 2>&1`], {
    cwd: packageRoot,
    encoding: 'utf8',
  });
  const [user, sys] = r.stdout.trim().split(/\s+/).slice(-2).map(Number);
  return (user ?? Number.NaN) + (sys ?? Number.NaN);
}

function stats(command: string[], runs: number): { min: number; median: number; max: number } {
  const xs = Array.from({ length: runs }, () => cpuSeconds(command)).sort((a, b) => a - b);
  return { min: xs[0]!, median: xs[Math.floor(xs.length / 2)]!, max: xs.at(-1)! };
}

const ms = (s: number) => `${Math.round(s * 1000)} ms`;

export function benchHelp(runs = 9): string[] {
  build(); // always: a dist/ left from older sources would measure the wrong code
  const node = stats([process.execPath, '-e', '0'], runs);
  const entries: Array<[string, string[]]> = [
    [
      'package (dist/)',
      [
        process.execPath,
        '--input-type=module',
        '-e',
        `(await import('./dist/cli/main.js')).main(['--help'])`,
      ],
    ],
    ['checkout (tsx)', [process.execPath, join(packageRoot, 'bin', 'intercom-conformance.mjs'), '--help']],
  ];
  const lines = [
    `--help CPU (user+sys, ${runs} runs, min/median/max): node -e 0 ${ms(node.min)}/${ms(node.median)}/${ms(node.max)}`,
  ];
  for (const [label, command] of entries) {
    const s = stats(command, runs);
    lines.push(
      `  ${label}: ${ms(s.min)}/${ms(s.median)}/${ms(s.max)} = ${(s.median / node.median).toFixed(1)}× node (target ≤ 5× for the package)`,
    );
  }
  return lines;
}
