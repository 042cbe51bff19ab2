import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { UserError } from '../../util/errors.ts';
import type { MockRequest, Pipeline } from './pipeline.ts';
import { JSON_TYPE, type MockResponse } from './response.ts';

/**
 * The HTTP side: listens on 127.0.0.1 only, reads bounded request bodies, writes `MockResponse`s (incl. the
 * faults: streams with backpressure, resets mid-body, delays), and closes without waiting on anything.
 */
const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export async function listen(pipeline: Pipeline, port: number): Promise<Listening> {
  const timers = new Set<NodeJS.Timeout>();
  let closing = false;

  const server: Server = createServer((req, res) => {
    res.sendDate = false;
    readBody(req).then(
      (body) => {
        if (closing) return void res.destroy();
        const request: MockRequest = {
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: req.headers,
          body: body ?? Buffer.alloc(0),
          tooLarge: body === undefined,
        };
        write(res, pipeline.handle(request), timers);
      },
      () => res.destroy(),
    );
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new UserError(`port ${port} is already in use on ${HOST}`)
          : error.code === 'EACCES'
            ? new UserError(`no permission to listen on port ${port}`)
            : error,
      );
    });
    server.listen(port, HOST, () => resolve());
  });
  // After listening, a server-level error (e.g. running out of file descriptors on accept) must not crash the host.
  server.on('error', () => {});
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  return {
    url: `http://${HOST}:${actualPort}`,
    close: () => {
      if (closing) return Promise.resolve();
      closing = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The body, or `undefined` when it passes the limit (the rest is drained, not kept). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function head(
  res: ServerResponse,
  status: number,
  contentType: string,
  headers: Record<string, string> | undefined,
  length?: number,
) {
  const all: Record<string, string | number> = { 'Content-Type': contentType, ...headers };
  if (length !== undefined) all['Content-Length'] = length;
  res.writeHead(status, all);
}

function write(res: ServerResponse, response: MockResponse, timers: Set<NodeJS.Timeout>): void {
  if (res.destroyed) return;
  switch (response.kind) {
    case 'json':
    case 'raw': {
      const text = response.kind === 'json' ? JSON.stringify(response.body) : response.body;
      const type = response.kind === 'json' ? JSON_TYPE : response.contentType;
      head(res, response.status, type, response.headers, Buffer.byteLength(text));
      res.end(text);
      return;
    }
    case 'reset': {
      head(res, response.status, response.contentType, response.headers, Buffer.byteLength(response.body));
      res.write(response.body.slice(0, response.cutAt), () => {
        const socket = res.socket as (Socket & { resetAndDestroy?: () => void }) | null;
        if (socket?.resetAndDestroy) socket.resetAndDestroy();
        else socket?.destroy();
      });
      return;
    }
    case 'stream':
      head(res, response.status, response.contentType, response.headers);
      void pump(res, response.chunks());
      return;
    case 'delayed': {
      const timer = setTimeout(() => {
        timers.delete(timer);
        write(res, response.response, timers);
      }, response.ms);
      timers.add(timer);
      res.once('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
      return;
    }
  }
}

/**
 * Writes chunks with backpressure, so that a large body is never held in memory; stops when the client goes.
 * (Also the writer of the hostile test servers.)
 */
export async function pump(res: ServerResponse, chunks: Iterable<string | Buffer>): Promise<void> {
  for (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  if (!res.destroyed) res.end();
}
