import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type Clock, type FetchFn, RequestBudget, realClock } from '../../src/client/middleware/index.ts';
import { startMockServer } from '../../src/mock/index.ts';
import { listedIds } from '../../src/model/exchange.ts';
import { fillPath, send } from '../../src/run/http.ts';
import { mapPool } from '../../src/run/pool.ts';
import { createTransport } from '../../src/run/transport.ts';
import { walkList } from '../../src/run/walk.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { runScript } from '../run-script.ts';

/**
 * A paced crawl: walk and retrieve `conversations` conversations from the mock, limited to `limit` requests
 * per `windowSeconds` fixed window (Intercom's scheme), through the run's own transport (pacing, retries,
 * concurrency). Reports the achieved request rate as a fraction of the limit — over the whole crawl, from the
 * start of the first window to the last response — and the 429s received, after the first window and in all.
 * The mock's and the client's clocks are shifted together so that the first window starts with the crawl.
 */
export interface BenchCrawlOptions {
  conversations?: number;
  limit?: number;
  windowSeconds?: number;
  concurrency?: number;
}

export async function benchCrawl(options: BenchCrawlOptions = {}): Promise<string[]> {
  const { conversations = 10_000, limit = 2_500, windowSeconds = 10, concurrency = 8 } = options;
  const windowMs = windowSeconds * 1000;
  const aligned = Math.ceil(Date.now() / windowMs) * windowMs + 1000 * windowMs;
  const offset = aligned - Date.now();
  const clock: Clock = { ...realClock, now: () => Date.now() + offset };
  const mock = await startMockServer({
    apiVersions: ['2.11'],
    conversations,
    rateLimit: { limit, windowSeconds },
    clock: clock.now,
    requestLogLimit: 0,
  });
  try {
    const answers: Array<{ at: number; status: number }> = [];
    const start = clock.now();
    const counting: FetchFn = async (input, init) => {
      const response = await fetch(input, init);
      answers.push({ at: clock.now() - start, status: response.status });
      return response;
    };
    const budget = new RequestBudget(Number.MAX_SAFE_INTEGER);
    const settings = {
      baseUrl: mock.url,
      token: 'test-token',
      maxRequests: Number.MAX_SAFE_INTEGER,
      timeoutMs: 30_000,
      maxBodyBytes: 20 * 1024 * 1024,
      maxRetries: 3,
      maxWaitMs: 60_000,
      concurrency,
      pace: true,
      clock,
      fetch: counting as typeof fetch,
    };
    const transport = createTransport(settings, budget);
    const ops = loadArtifacts('2.11').index.operations;
    const list = ops.listConversations!;
    const retrieve = ops.retrieveConversation!;
    const go = (step: string, op: typeof list, url: string) =>
      send(transport, settings, { step, apiVersion: '2.11', operation: op, url });
    const ids: string[] = [];
    const t0 = performance.now();
    const walked = await walkList(
      (cursor) => go('walk', list, fillPath(list, [], { per_page: 150, starting_after: cursor })),
      (page) => ids.push(...listedIds([page])),
      { maxPages: Number.MAX_SAFE_INTEGER },
    );
    const retrieved = await mapPool(ids, concurrency, (id) =>
      go('retrieve', retrieve, fillPath(retrieve, [id])),
    );
    const elapsedMs = clock.now() - start;
    const seconds = (performance.now() - t0) / 1000;
    const failed = retrieved.filter((e) => e?.status !== 200).length;
    const requests = answers.length;
    const rate = requests / (elapsedMs / windowMs);
    const fullWindows = Math.floor(elapsedMs / windowMs);
    const inFullWindows = answers.filter((a) => a.at < fullWindows * windowMs).length;
    const late429 = answers.filter((a) => a.status === 429 && a.at >= windowMs).length;
    const all429 = answers.filter((a) => a.status === 429).length;
    return [
      `crawl: ${walked.pages} pages + ${ids.length} retrieves of ${conversations} conversations, limit ${limit} requests / ${windowSeconds} s, concurrency ${concurrency}`,
      `crawl: ${requests} requests in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} per ${windowSeconds} s window = ${(rate / limit).toFixed(3)} of the limit (target ≥ 0.9)` +
        (fullWindows > 0
          ? `; over the ${fullWindows} full windows: ${(inFullWindows / (fullWindows * limit)).toFixed(3)}`
          : ''),
      `crawl: 429s after the first window: ${late429} (target 0); in all: ${all429}; requests held until a window reset: ${transport.pacer.waits}; failed retrieves: ${failed}`,
    ];
  } finally {
    await mock.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runScript(async () => {
    for (const line of await benchCrawl()) console.log(line);
  });
}
