import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RequestBudget } from '../../src/client/middleware/index.ts';
import { startMockServer } from '../../src/mock/index.ts';
import { fillPath, send } from '../../src/run/http.ts';
import { createTransport } from '../../src/run/transport.ts';
import { walkList } from '../../src/run/walk.ts';
import { packageRoot } from '../../src/util/paths.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { runScript } from '../run-script.ts';

/**
 * Peak RSS of walking a whole workspace through the run's transport (streamed, size-limited bodies; the walker
 * keeps only cursors), each size in a fresh child process so that one does not inherit the other's heap. The
 * mock runs in this process. Flat means: the peak does not grow with the number of conversations walked.
 */
export interface BenchMemoryOptions {
  sizes?: number[];
}

const MB = 1024 * 1024;

/** The child: walks every page of `baseUrl` and prints `{ pages, conversations, maxRssBytes }`. */
async function walkAll(baseUrl: string): Promise<void> {
  const settings = {
    baseUrl,
    token: 'test-token',
    maxRequests: Number.MAX_SAFE_INTEGER,
    timeoutMs: 30_000,
    maxBodyBytes: 20 * MB,
    maxRetries: 3,
    maxWaitMs: 60_000,
  };
  const transport = createTransport(settings, new RequestBudget(Number.MAX_SAFE_INTEGER));
  const list = loadArtifacts('2.11').index.operations.listConversations!;
  let conversations = 0;
  const walked = await walkList(
    (cursor) =>
      send(transport, settings, {
        step: 'walk',
        apiVersion: '2.11',
        operation: list,
        url: fillPath(list, [], { per_page: 150, starting_after: cursor }),
      }),
    (page) => {
      conversations += (page.body as { conversations?: unknown[] }).conversations?.length ?? 0;
    },
    { maxPages: Number.MAX_SAFE_INTEGER },
  );
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ pages: walked.pages, conversations, maxRssBytes })}\n`);
}

function child(baseUrl: string): Promise<{ pages: number; conversations: number; maxRssBytes: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', baseUrl],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        cwd: packageRoot,
      },
    );
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.on('error', reject);
    p.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`the walker exited with ${code}`);
        resolve(JSON.parse(out.trim().split('\n').at(-1)!));
      } catch (error) {
        reject(error);
      }
    });
  });
}

export async function benchMemory(options: BenchMemoryOptions = {}): Promise<string[]> {
  const { sizes = [10_000, 100_000] } = options;
  const lines: string[] = [];
  const peaks: number[] = [];
  for (const size of sizes) {
    const mock = await startMockServer({ apiVersions: ['2.11'], conversations: size, requestLogLimit: 0 });
    try {
      const started = Date.now();
      const r = await child(mock.url);
      peaks.push(r.maxRssBytes);
      lines.push(
        `memory: walking ${r.conversations} conversations (${r.pages} pages of 150): peak RSS ${(r.maxRssBytes / MB).toFixed(0)} MiB (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    } finally {
      await mock.close();
    }
  }
  if (peaks.length >= 2)
    lines.push(
      `memory: peak RSS at ${sizes.at(-1)} / at ${sizes[0]} conversations: ${(peaks.at(-1)! / peaks[0]!).toFixed(2)}× (flat: ≈ 1)`,
    );
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--child');
  if (at >= 0) await walkAll(process.argv[at + 1]!);
  else
    await runScript(async () => {
      for (const line of await benchMemory()) console.log(line);
    });
}
