import { FULL_COMMIT } from '../descriptions/commits.ts';
import { UPSTREAM_REPOSITORY } from '../descriptions/lock.ts';
import { UserError } from '../util/errors.ts';

/** The GitHub API `drift` asks for the newest upstream commit; overridable (a loopback fake in tests). */
const GITHUB_API_ENV = 'INTERCOM_OPENAPI_GITHUB_API';
const DEFAULT_API = 'https://api.github.com';
const TIMEOUT_MS = 15_000;
const MAX_BYTES = 1024 * 1024;

function githubApiBase(env: NodeJS.ProcessEnv = process.env): string {
  return (env[GITHUB_API_ENV]?.trim() || DEFAULT_API).replace(/\/+$/, '');
}

/**
 * The newest commit of the upstream repository's default branch: `GET /repos/<repo>/commits?per_page=1`.
 * Every failure (unreachable, a non-200, a body without a 40-hex sha) is one line that asks for `--to`.
 */
export async function newestUpstreamCommit(
  env: NodeJS.ProcessEnv = process.env,
  repository: string = UPSTREAM_REPOSITORY,
): Promise<string> {
  const base = githubApiBase(env);
  const url = `${base}/repos/${repository}/commits?per_page=1`;
  const fail = (why: string) =>
    new UserError(`cannot learn the newest upstream commit from ${base} (${why}): pass --to <commit>`);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/vnd.github+json', 'user-agent': 'intercom-conformance' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw fail(cause || 'unreachable');
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => {});
    throw fail(`HTTP ${response.status}`);
  }
  const text = await response.text();
  if (text.length > MAX_BYTES) throw fail('answer too large');
  let sha: unknown;
  try {
    sha = (JSON.parse(text) as Array<{ sha?: unknown }>)[0]?.sha;
  } catch {
    throw fail('answer is not JSON');
  }
  if (typeof sha !== 'string' || !FULL_COMMIT.test(sha)) throw fail('no commit sha in the answer');
  return sha;
}
