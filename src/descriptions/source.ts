import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../util/errors.ts';

/**
 * Where descriptions come from: GitHub's raw-file URLs by default, or a mirror with the same
 * `<commit>/descriptions/<version>/api.intercom.io.yaml` layout (INTERCOM_OPENAPI_MIRROR, a folder or URL).
 */
export type SpecSource = { kind: 'github' } | { kind: 'dir'; root: string } | { kind: 'url'; base: string };

const GITHUB_RAW = 'https://raw.githubusercontent.com';
const MAX_DESCRIPTION_BYTES = 64 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

export function sourceFromEnv(env: NodeJS.ProcessEnv = process.env): SpecSource {
  const mirror = env.INTERCOM_OPENAPI_MIRROR?.trim();
  if (!mirror) return { kind: 'github' };
  if (/^https?:\/\//i.test(mirror)) return { kind: 'url', base: mirror.replace(/\/+$/, '') };
  return { kind: 'dir', root: resolve(mirror) };
}

/** The location of one file in a source, as shown in messages. */
export function locate(source: SpecSource, repository: string, commit: string, path: string): string {
  switch (source.kind) {
    case 'github':
      return `${GITHUB_RAW}/${repository}/${commit}/${path}`;
    case 'url':
      return `${source.base}/${commit}/${path}`;
    case 'dir':
      return resolve(source.root, commit, path);
  }
}

export function describeSource(source: SpecSource): string {
  return source.kind === 'dir' ? source.root : source.kind === 'url' ? source.base : GITHUB_RAW;
}

/** Reads one file from the source; every failure is a one-line UserError naming the location. */
export async function readFromSource(
  source: SpecSource,
  repository: string,
  commit: string,
  path: string,
): Promise<Buffer> {
  const where = locate(source, repository, commit, path);
  if (source.kind === 'dir') {
    try {
      return await readFile(where);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(
        code === 'ENOENT'
          ? `no such file in the mirror: ${where}`
          : `cannot read ${where} (${code ?? 'error'})`,
      );
    }
  }
  let response: Response;
  try {
    response = await fetch(where, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new UserError(`cannot reach ${where} (${networkCause(error)})`);
  }
  if (!response.ok) throw new UserError(`${where} answered HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_DESCRIPTION_BYTES)
    throw new UserError(`${where} is larger than ${MAX_DESCRIPTION_BYTES} bytes`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_DESCRIPTION_BYTES)
    throw new UserError(`${where} is larger than ${MAX_DESCRIPTION_BYTES} bytes`);
  return body;
}

/** The short reason of a failed fetch: ECONNREFUSED, ENOTFOUND, timeout, … */
function networkCause(error: unknown): string {
  const e = error as {
    name?: string;
    code?: string;
    cause?: { code?: string; errors?: Array<{ code?: string }>; message?: string };
  };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
  return (
    e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.code ?? e.cause?.message ?? e.name ?? 'network error'
  );
}
