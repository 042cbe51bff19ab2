import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { startMockServer } from '../../src/mock/index.ts';
import { runScript } from '../run-script.ts';

/**
 * The mock's own speed: requests per second for `GET /conversations?per_page=150` (walking a 10,000-conversation
 * workspace, so that pages are not served from one warm cache) and for `GET /conversations/{id}`, one request at
 * a time over keep-alive, several rounds each: min / median / max of the rounds.
 */
export interface BenchMockOptions {
  version?: string;
  rounds?: number;
  listRequests?: number;
  retrieveRequests?: number;
}

function stats(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)]!;
  return `min ${s[0]!.toFixed(0)} / median ${median.toFixed(0)} / max ${s.at(-1)!.toFixed(0)} req/s`;
}

export async function benchMock(options: BenchMockOptions = {}): Promise<string[]> {
  const { version = '2.11', rounds = 5, listRequests = 20, retrieveRequests = 200 } = options;
  const mock = await startMockServer({
    apiVersions: [version],
    conversations: 10_000,
    requestLogLimit: 0,
    rateLimit: { limit: 1_000_000_000, windowSeconds: 1 },
  });
  const headers = { Authorization: 'Bearer test-token', 'Intercom-Version': version };
  const get = async (path: string) => {
    const r = await fetch(`${mock.url}${path}`, { headers });
    if (r.status !== 200) throw new Error(`mock answered ${r.status} to ${path}`);
    return (await r.json()) as { pages?: { next?: { starting_after?: string } } };
  };
  try {
    const list: number[] = [];
    const retrieve: number[] = [];
    let cursor: string | undefined;
    let n = 0;
    for (let round = 0; round < rounds; round++) {
      let t = performance.now();
      for (let k = 0; k < listRequests; k++) {
        const page = await get(
          `/conversations?per_page=150${cursor ? `&starting_after=${encodeURIComponent(cursor)}` : ''}`,
        );
        cursor = page.pages?.next?.starting_after;
      }
      list.push((listRequests * 1000) / (performance.now() - t));
      t = performance.now();
      for (let k = 0; k < retrieveRequests; k++) {
        await get(`/conversations/${mock.state.conversationId((n++ * 37) % mock.state.conversationCount)}`);
      }
      retrieve.push((retrieveRequests * 1000) / (performance.now() - t));
    }
    return [
      `mock ${version}: list per_page=150: ${stats(list)} (${rounds} rounds of ${listRequests})`,
      `mock ${version}: retrieve: ${stats(retrieve)} (${rounds} rounds of ${retrieveRequests})`,
    ];
  } finally {
    await mock.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runScript(async () => {
    for (const line of await benchMock()) console.log(line);
  });
}
