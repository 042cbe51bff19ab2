import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { readLock } from '../../src/descriptions/lock.ts';
import { diffDescriptions } from '../../src/diff/index.ts';
import { loadSide } from '../../src/diff/sides.ts';
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
    `diff --all ${a.info.label} → ${b.info.label}: ${report.scope.compared.length} operations, ` +
      `${breaking} breaking / ${warning} warning / ${info} info`,
    `  diff: median ${ms(median(times))} over ${rounds} rounds (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))})`,
    `  load + parse (once, not in the median): ${a.info.label} ${ms(a.parseMs)}, ${b.info.label} ${ms(b.parseMs)}`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runScript(async () => {
    for (const line of await benchDiff()) console.log(line);
  });
}
