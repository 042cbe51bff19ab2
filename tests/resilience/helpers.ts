import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { pump } from '../../src/mock/http/server.ts';
import {
  type FaultId,
  type FaultOptions,
  type MockOptions,
  type MockServer,
  startMockServer,
} from '../../src/mock/index.ts';
import type { Collected } from '../../src/model/collected.ts';
import type { Exchange } from '../../src/model/exchange.ts';
import type { RunResult } from '../../src/model/result.ts';
import { configFromEnv, type RunConfig } from '../../src/run/config.ts';
import { type RunHooks, runConformance } from '../../src/run/engine.ts';
import { packageRoot } from '../../src/util/paths.ts';

export const SANDBOX = 'sandbox_app_42';
export const TOKEN = 'tok_resilience_4b1d9c';

/** A faults mock (or a healthy one) on loopback with a sandbox app, 30 conversations, and our token. */
export function startTarget(
  faults: FaultId[] = [],
  faultOptions: FaultOptions = {},
  extra: MockOptions = {},
): Promise<MockServer> {
  return startMockServer({
    ...(faults.length > 0 ? { scenario: 'faults' as const, faults, faultOptions } : {}),
    conversations: 30,
    token: TOKEN,
    admin: { app: { id_code: SANDBOX } },
    ...extra,
  });
}

/** The environment of a live run with writes allowed in the sandbox, against `baseUrl`. */
export function liveEnv(baseUrl: string, mock: MockServer, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    INTERCOM_CONFORMANCE_TARGET: 'live',
    INTERCOM_ACCESS_TOKEN: TOKEN,
    INTERCOM_BASE_URL: baseUrl,
    INTERCOM_CONFORMANCE_API_VERSIONS: '2.11',
    INTERCOM_ALLOW_WRITES: '1',
    INTERCOM_SANDBOX_APP_ID: SANDBOX,
    INTERCOM_TEST_TAG_ID: mock.state.tagCatalogue[0]!.id,
    INTERCOM_ADMIN_ID: String(mock.state.admin.id),
    ...extra,
  };
}

export interface LiveRun {
  result: RunResult;
  exchanges: Exchange[];
  step(name: string): Exchange | undefined;
  outcome(checkId: string, operationId: string): string;
}

/** A live run (in process) with small, fast resilience settings, capturing every exchange. */
export async function runLive(
  baseUrl: string,
  mock: MockServer,
  overrides: Partial<RunConfig> = {},
  hooks: RunHooks = {},
): Promise<LiveRun> {
  const exchanges: Exchange[] = [];
  const config: RunConfig = {
    ...configFromEnv(liveEnv(baseUrl, mock)),
    retrieveSample: 3,
    timeoutMs: 300,
    backoffMs: 10,
    maxWaitMs: 2000,
    cleanupTimeoutMs: 3000,
    ...overrides,
  };
  const result = await runConformance(config, {
    ...hooks,
    onExchange: (e) => {
      exchanges.push(e);
      hooks.onExchange?.(e);
    },
  });
  return {
    result,
    exchanges,
    step: (name) => exchanges.find((e) => e.step === name),
    outcome(checkId, operationId) {
      const r = result.results.find((x) => x.checkId === checkId && x.operationId === operationId);
      return r ? `${r.outcome}${r.reason ? `: ${r.reason}` : ''}` : 'absent';
    },
  };
}

/** Check × operation pairs of a run: a run that completed has them all. */
export function resultKeys(result: RunResult): string[] {
  return result.results.map((r) => `${r.apiVersion} ${r.operationId} ${r.checkId}`).sort();
}

export interface ProxyRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface ProxyReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string | (() => Iterable<Buffer | string>);
}

/** What a proxy rule answers: a reply, a connection reset, or nothing at all (until the proxy closes). */
export type ProxyAnswer = ProxyReply | 'reset' | 'hang';
export type ProxyRule = (req: ProxyRequest, forward: () => Promise<ProxyReply>) => Promise<ProxyAnswer>;

export interface HostileServer {
  url: string;
  /** Bytes written to clients so far (streamed bodies stop when the client goes away). */
  bytesWritten(): number;
  close(): Promise<void>;
}

/** A hostile loopback server in front of a target: it forwards requests and lets a rule rewrite the answers. */
export async function startProxy(upstream: string, rule: ProxyRule): Promise<HostileServer> {
  let written = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const request: ProxyRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    const forward = async (): Promise<ProxyReply> => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers.set(k, v);
      const r = await fetch(upstream + request.url, {
        method: request.method,
        headers,
        ...(request.body.length > 0 ? { body: new Uint8Array(request.body) } : {}),
      });
      const out: Record<string, string> = {};
      r.headers.forEach((v, k) => {
        if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection' && k !== 'keep-alive')
          out[k] = v;
      });
      return { status: r.status, headers: out, body: Buffer.from(await r.arrayBuffer()) };
    };
    let answer: ProxyAnswer;
    try {
      answer = await rule(request, forward);
    } catch {
      answer = 'reset';
    }
    if (answer === 'hang') return;
    if (answer === 'reset') return void req.socket.destroy();
    if (typeof answer.body === 'function') {
      res.writeHead(answer.status, answer.headers);
      const chunks = answer.body;
      await pump(
        res,
        (function* counted() {
          for (const chunk of chunks()) {
            yield chunk;
            written += Buffer.byteLength(chunk);
          }
        })(),
      );
      return;
    }
    const body = Buffer.from(answer.body);
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
    res.end(body);
    written += body.length;
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    bytesWritten: () => written,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface CliChild {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

/** The real executable in a child process (asynchronous: the mock in this process keeps answering). */
export function spawnCliAsync(
  argv: string[],
  env: NodeJS.ProcessEnv,
  options: { detached?: boolean; command?: string[] } = {},
): CliChild {
  // `command` replaces `node bin/intercom-conformance.mjs`, e.g. `setsid timeout -s INT 300 npx
  // intercom-conformance`, as a CI job types it (run from the package folder, where npx finds the bin).
  const [command, ...prefix] = options.command ?? [
    process.execPath,
    join(packageRoot, 'bin', 'intercom-conformance.mjs'),
  ];
  const child = spawn(command!, [...prefix, ...argv], {
    cwd: packageRoot,
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  void exited.then(() => clearTimeout(killer));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Polls until the predicate holds (bounded: at most `timeoutMs`); false if it never did. */
export async function waitFor(predicate: () => boolean, timeoutMs = 20_000, everyMs = 20): Promise<boolean> {
  for (let waited = 0; waited <= timeoutMs; waited += everyMs) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}

/** A rule of a hostile proxy: an answer for the requests it cares about, `undefined` to forward the rest. */
export type TripRule = (
  r: ProxyRequest,
  forward: () => Promise<ProxyAnswer & object>,
) => Promise<ProxyAnswer> | undefined;

/**
 * A live run (concurrency 1) through a hostile proxy in front of a healthy target, returning what one version
 * collected. `started` gets the mock and the proxy as soon as they listen, so the caller closes them whatever
 * happens next.
 */
export async function runThroughProxy(
  rule: TripRule,
  started: (mock: MockServer, proxy: HostileServer) => void,
  overrides: Partial<RunConfig> = {},
  hooks: RunHooks = {},
): Promise<LiveRun & { collected: Collected }> {
  const mock = await startTarget();
  const proxy = await startProxy(mock.url, (r, forward) => rule(r, forward as never) ?? forward());
  started(mock, proxy);
  let collected: Collected | undefined;
  const run = await runLive(
    proxy.url,
    mock,
    { concurrency: 1, ...overrides },
    {
      ...hooks,
      onCollected: (_v, c) => {
        collected = c;
      },
    },
  );
  return { ...run, collected: collected! };
}
