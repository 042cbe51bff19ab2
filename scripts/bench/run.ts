import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageRoot } from '../../src/util/paths.ts';
import { runScript } from '../run-script.ts';

/**
 * `run --api-version 2.10,2.11` on the embedded mock, as a user types it (the real executable in a fresh
 * process, start-up included): wall time min / median / max over a few rounds, and the peak RSS.
 */
export interface BenchRunOptions {
  rounds?: number;
  versions?: string;
}

const MB = 1024 * 1024;
const preload = pathToFileURL(fileURLToPath(new URL('./rss-preload.mjs', import.meta.url))).href;

function once(argv: string[]): Promise<{ ms: number; rss: number; cpuMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ic-bench-run-'));
  const rssFile = join(dir, 'rss');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        preload,
        join(packageRoot, 'bin', 'intercom-conformance.mjs'),
        ...argv,
        '--report-dir',
        join(dir, 'reports'),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, IC_BENCH_RSS_FILE: rssFile } },
    );
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      try {
        if (code !== 0) throw new Error(`run exited with ${code}: ${err.trim().split('\n').at(-1)}`);
        resolve({ ms, ...(JSON.parse(readFileSync(rssFile, 'utf8')) as { rss: number; cpuMs: number }) });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

export async function benchRun(options: BenchRunOptions = {}): Promise<string[]> {
  const { rounds = 5, versions = '2.10,2.11' } = options;
  const argv = ['run', '--api-version', versions];
  await once(argv); // warm-up: tsx's compile cache, the file system cache
  const samples: Array<{ ms: number; rss: number; cpuMs: number }> = [];
  for (let i = 0; i < rounds; i++) samples.push(await once(argv));
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const rss = samples.map((s) => s.rss).sort((a, b) => a - b);
  const cpu = samples.map((s) => s.cpuMs).sort((a, b) => a - b);
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  return [
    `run: run --api-version ${versions} on the mock (fresh process, start-up included), ${rounds} rounds: ` +
      `wall min ${s(ms[0]!)} / median ${s(ms[Math.floor(rounds / 2)]!)} / max ${s(ms.at(-1)!)}; ` +
      `CPU median ${s(cpu[Math.floor(rounds / 2)]!)}; ` +
      `peak RSS median ${(rss[Math.floor(rounds / 2)]! / MB).toFixed(0)} MiB (max ${(rss.at(-1)! / MB).toFixed(0)} MiB)`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runScript(async () => {
    for (const line of await benchRun()) console.log(line);
  });
}
