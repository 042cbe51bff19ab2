import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageRoot } from '../../src/util/paths.ts';
import { runScript } from '../run-script.ts';

/**
 * The mock's own speed: `GET /conversations?per_page=150` (walking a 10,000-conversation workspace, so that pages
 * do not come from a warm cache) and `GET /conversations/{id}` (spread over the workspace), one request at a
 * time over keep-alive, several rounds each. The mock runs in a child process, so that its CPU time per request
 * is measured apart from the client's: on a shared machine wall-clock rates swing with the load, CPU per request
 * much less. `POST /conversations/search` is measured the same way where the mock serves it: the first page of a
 * query (one pass over the 10,000 conversations) and the next pages of the same query (served from the positions
 * the first page matched). `--baseline <commit>` measures the mock of another commit the same way (its `src/` extracted
 * under `.cache/bench-baseline`, with this checkout's generated artifacts), for before/after figures.
 */
export interface BenchMockOptions {
  /** The `src/` folder whose mock is measured (default: this checkout's). */
  source?: string;
  label?: string;
  version?: string;
  rounds?: number;
  listRequests?: number;
  retrieveRequests?: number;
}

interface Child {
  url: string;
  cpuMs(): Promise<number>;
  stop(): void;
}

function startChild(source: string): Promise<Child> {
  const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', source], {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: packageRoot,
  });
  const lines = createInterface({ input: p.stdout! });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((r) => waiting.push(r));
  return next().then((url) => ({
    url,
    cpuMs: () => {
      const answer = next();
      p.stdin!.write('cpu\n');
      return answer.then(Number);
    },
    stop: () => {
      p.stdin!.end();
    },
  }));
}

/** The child: starts the mock of `source` and answers `cpu` with its CPU time so far (ms); exits at end of stdin. */
async function serve(source: string): Promise<void> {
  const { startMockServer } = (await import(pathToFileURL(join(source, 'mock', 'index.ts')).href)) as {
    startMockServer: (o: object) => Promise<{ url: string; close(): Promise<void> }>;
  };
  const mock = await startMockServer({
    apiVersions: ['2.11'],
    conversations: 10_000,
    requestLogLimit: 0,
    rateLimit: { limit: 1_000_000_000, windowSeconds: 1 },
  });
  process.stdout.write(`${mock.url}\n`);
  const input = createInterface({ input: process.stdin });
  input.on('line', () => {
    const u = process.cpuUsage();
    process.stdout.write(`${(u.user + u.system) / 1000}\n`);
  });
  input.on('close', () => void mock.close());
}

function stats(values: number[], digits = 0): string {
  const s = [...values].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)]!;
  return `${s[0]!.toFixed(digits)} / ${median.toFixed(digits)} / ${s.at(-1)!.toFixed(digits)}`;
}

export async function benchMock(options: BenchMockOptions = {}): Promise<string[]> {
  const {
    source = resolve(packageRoot, 'src'),
    label = 'this checkout',
    version = '2.11',
    rounds = 5,
    listRequests = 10,
    retrieveRequests = 200,
  } = options;
  const child = await startChild(source);
  const headers = { Authorization: 'Bearer test-token', 'Intercom-Version': version };
  const get = async (path: string) => {
    const r = await fetch(`${child.url}${path}`, { headers });
    if (r.status !== 200) throw new Error(`mock answered ${r.status} to ${path}`);
    return (await r.json()) as {
      pages?: { next?: { starting_after?: string } };
      conversations?: Array<{ id: string }>;
    };
  };
  try {
    const rate = { list: [] as number[], retrieve: [] as number[] };
    const cpu = { list: [] as number[], retrieve: [] as number[] };
    let cursor: string | undefined;
    const ids: string[] = [];
    // Round 0 warms the JIT up and is not counted (for either commit).
    for (let round = 0; round <= rounds; round++) {
      const counted = round > 0;
      let cpu0 = await child.cpuMs();
      let t = performance.now();
      for (let k = 0; k < listRequests; k++) {
        const page = await get(
          `/conversations?per_page=150${cursor ? `&starting_after=${encodeURIComponent(cursor)}` : ''}`,
        );
        for (const c of page.conversations ?? []) if (ids.length < 5000) ids.push(c.id);
        cursor = page.pages?.next?.starting_after;
      }
      const listWall = performance.now() - t;
      const listCpu = (await child.cpuMs()) - cpu0;
      if (counted) {
        rate.list.push((listRequests * 1000) / listWall);
        cpu.list.push(listCpu / listRequests);
      }
      cpu0 = await child.cpuMs();
      t = performance.now();
      for (let k = 0; k < retrieveRequests; k++) {
        await get(`/conversations/${ids[(round * retrieveRequests + k * 37) % ids.length]}`);
      }
      const retrieveWall = performance.now() - t;
      const retrieveCpu = (await child.cpuMs()) - cpu0;
      if (counted) {
        rate.retrieve.push((retrieveRequests * 1000) / retrieveWall);
        cpu.retrieve.push(retrieveCpu / retrieveRequests);
      }
    }
    const search = await benchSearch(child, headers, rounds);
    return [
      ...search.map((line) => `mock (${label}) ${version}: ${line}`),
      `mock (${label}) ${version}: list per_page=150: ${stats(rate.list)} req/s, mock CPU ${stats(cpu.list, 1)} ms/request (min / median / max of ${rounds} rounds of ${listRequests}, after one warm-up round)`,
      `mock (${label}) ${version}: retrieve: ${stats(rate.retrieve)} req/s, mock CPU ${stats(cpu.retrieve, 2)} ms/request (min / median / max of ${rounds} rounds of ${retrieveRequests}, after one warm-up round)`,
    ];
  } finally {
    child.stop();
  }
}

/** Search: CPU of a first page (a pass over the workspace) and of the next pages; nothing when not served. */
async function benchSearch(child: Child, headers: Record<string, string>, rounds: number): Promise<string[]> {
  const post = async (body: unknown) => {
    const r = await fetch(`${child.url}/conversations/search`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await r.json()) as { pages?: { next?: { starting_after?: string } } };
    return { status: r.status, next: json.pages?.next?.starting_after };
  };
  const first: number[] = [];
  const next: number[] = [];
  const NEXT_PAGES = 5;
  for (let round = 0; round <= rounds; round++) {
    // A query of its own per round, so that its first page is a pass over the workspace, not a cached answer.
    const query = { field: 'created_at', operator: '>', value: 1_000_000_000 + round };
    let cpu0 = await child.cpuMs();
    const page = await post({ query, pagination: { per_page: 150 } });
    if (page.status !== 200) return [];
    const firstCpu = (await child.cpuMs()) - cpu0;
    let cursor = page.next;
    cpu0 = await child.cpuMs();
    let served = 0;
    for (let k = 0; k < NEXT_PAGES && cursor; k++, served++)
      cursor = (await post({ query, pagination: { per_page: 150, starting_after: cursor } })).next;
    const nextCpu = (await child.cpuMs()) - cpu0;
    if (round > 0) {
      first.push(firstCpu);
      if (served > 0) next.push(nextCpu / served);
    }
  }
  return [
    `search per_page=150, first page (a pass over 10,000 conversations): mock CPU ${stats(first, 0)} ms/request (min / median / max of ${rounds} rounds, after one warm-up round)`,
    `search per_page=150, next pages: mock CPU ${stats(next, 1)} ms/request (min / median / max of ${rounds} rounds of ${NEXT_PAGES})`,
  ];
}

/**
 * `src/` of another commit, extracted under `.cache/bench-baseline`, reading this checkout's lock and artifacts.
 * Its run-time dependencies that this checkout no longer has (e.g. json-schema-faker) are installed beside it
 * from the npm registry, at the versions that commit pinned; the rest resolve from this checkout's node_modules.
 */
function baselineSource(commit: string): string {
  const dir = resolve(packageRoot, '.cache', 'bench-baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', commit, 'src'], { cwd: packageRoot, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  for (const link of ['generated', 'openapi']) symlinkSync(resolve(packageRoot, link), join(dir, link));
  const manifest = JSON.parse(
    execFileSync('git', ['show', `${commit}:package.json`], { cwd: packageRoot, encoding: 'utf8' }),
  ) as { dependencies?: Record<string, string> };
  const missing = Object.entries(manifest.dependencies ?? {})
    .filter(([name]) => !existsSync(resolve(packageRoot, 'node_modules', name)))
    .map(([name, version]) => `${name}@${version}`);
  if (missing.length > 0) {
    writeFileSync(join(dir, 'package.json'), '{"private":true,"type":"module"}\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', ...missing], {
      cwd: dir,
      stdio: 'ignore',
    });
  }
  return join(dir, 'src');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const serveAt = process.argv.indexOf('--serve');
  if (serveAt >= 0) await serve(process.argv[serveAt + 1]!);
  else
    await runScript(async () => {
      const baseAt = process.argv.indexOf('--baseline');
      if (baseAt >= 0) {
        const commit = process.argv[baseAt + 1]!;
        for (const line of await benchMock({ source: baselineSource(commit), label: commit.slice(0, 7) }))
          console.log(line);
      }
      for (const line of await benchMock()) console.log(line);
    });
}
