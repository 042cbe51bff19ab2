import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { diffCommand } from '../../src/cli/diff.ts';
import { readLock } from '../../src/descriptions/lock.ts';
import { diffDescriptions } from '../../src/diff/index.ts';
import { clearParseMemo, loadSide } from '../../src/diff/sides.ts';
import { specCacheDir } from '../../src/util/paths.ts';
import { runScript } from '../run-script.ts';

/**
 * The cost of a full-description diff (`diff --all`) of the largest 2.x pair upstream: 2.15 → 2.16 at
 * 8889625a (2.16 is 1.3 MB of YAML, ~230 operations). Parsing is timed once and reported apart; the diff
 * itself runs `rounds` times after one warm-up, and the median is reported. Figures, not tests.
 */
export interface BenchDiffOptions {
  from?: string;
  to?: string;
  rounds?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function benchDiff(options: BenchDiffOptions = {}): Promise<string[]> {
  const { from = '2.15@8889625a', to = '2.16@8889625a', rounds = 5 } = options;
  const lock = readLock();
  const side = async (spec: string) => {
    const [version, commit] = spec.split('@') as [string, string];
    const started = performance.now();
    const loaded = await loadSide({ kind: 'commit', version, commit }, { lock });
    return { ...loaded, parseMs: performance.now() - started };
  };
  const [a, b] = [await side(from), await side(to)];

  let report = diffDescriptions(a.doc, b.doc, { operations: 'all' }); // warm-up
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    report = diffDescriptions(a.doc, b.doc, { operations: 'all' });
    times.push(performance.now() - started);
  }
  const { breaking, warning, info } = report.counts;
  return [
    ...(await benchDiffCommand()),
    `diff --all ${a.info.label} → ${b.info.label}: ${report.scope.compared.length} operations, ` +
      `${breaking} breaking / ${warning} warning / ${info} info / ${report.counts['type-only']} type-only / ${report.counts.artefact} artefacts`,
    `  diff: median ${ms(median(times))} over ${rounds} rounds (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`,
    `  load + parse (once, not in the median): ${a.info.label} ${ms(a.parseMs)}, ${b.info.label} ${ms(b.parseMs)}`,
  ];
}

const spread = (times: number[]) =>
  `min ${ms(Math.min(...times))}, median ${ms(median(times))}, max ${ms(Math.max(...times))}`;

/**
 * `diff 2.10 2.11` as the CLI runs it (in process: the CLI's own startup is not counted), cold (the parsed
 * cache emptied before each round: YAML parsed) and warm (parsed descriptions read from the cache by sha256).
 */
async function benchDiffCommand(rounds = 3): Promise<string[]> {
  const io = { stdout: () => {}, stderr: () => {}, readStdin: async () => Buffer.alloc(0) };
  const parsed = join(specCacheDir(), 'parsed');
  const round = async (cold: boolean) => {
    clearParseMemo(); // every round starts like a new process: only the on-disk caches help
    if (cold) rmSync(parsed, { recursive: true, force: true });
    const started = performance.now();
    await diffCommand(['2.10', '2.11', '--fail-on', 'never'], io);
    return performance.now() - started;
  };
  const cold: number[] = [];
  const warm: number[] = [];
  await round(false); // warm-up: module loading is not the diff's cost
  for (let i = 0; i < rounds; i++) cold.push(await round(true));
  for (let i = 0; i < rounds; i++) warm.push(await round(false));
  return [
    `diff 2.10 2.11 (the CLI's work, in process), ${rounds} rounds each:`,
    `  cold (parsed cache empty): ${spread(cold)}`,
    `  warm (parsed by sha256):  ${spread(warm)}`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runScript(async () => {
    for (const line of await benchDiff()) console.log(line);
  });
}
