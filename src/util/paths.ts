import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (the folder holding package.json), wherever the kit is installed: the code runs from
 * `src/` in a checkout and from `dist/` in the npm package, both one level below the root.
 */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A checkout of the repository (sources present) rather than the installed npm package (only `dist/`).
 * The package's `files` whitelist never ships `src/cli/`, so this cannot be true inside node_modules.
 */
export const isCheckout = existsSync(join(packageRoot, 'src', 'cli', 'main.ts'));

/** The lock of the pinned descriptions; INTERCOM_CONFORMANCE_LOCK points at another one (re-pinning). */
export function lockPath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INTERCOM_CONFORMANCE_LOCK || resolve(packageRoot, 'openapi', 'specs.lock.json'));
}

export const lockFile = lockPath();
export const quirksDir = resolve(packageRoot, 'openapi', 'quirks');

/** `$XDG_CACHE_HOME/intercom-conformance` (default `~/.cache/intercom-conformance`): outside node_modules. */
function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
  const base =
    env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'intercom-conformance');
}

/**
 * Where the generated validators, schemas and types are read from (and `generate` writes):
 * 1. INTERCOM_CONFORMANCE_GENERATED, when set (tests use temp dirs);
 * 2. in the installed package with a lock of the user's own (INTERCOM_CONFORMANCE_LOCK): the user cache
 *    (`intercom-conformance generate` fills it; nothing is ever written inside node_modules);
 * 3. otherwise `generated/` of the package root: built by `npm run generate` in a checkout, shipped in the
 *    npm package for every locked version.
 */
export function generatedDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INTERCOM_CONFORMANCE_GENERATED) return resolve(env.INTERCOM_CONFORMANCE_GENERATED);
  if (!isCheckout && env.INTERCOM_CONFORMANCE_LOCK) return join(userCacheDir(env), 'generated');
  return resolve(packageRoot, 'generated');
}

/** The generated/ folder shipped in the package (read-only once installed). */
export const shippedGeneratedDir = resolve(packageRoot, 'generated');

/** The spec cache; override with INTERCOM_CONFORMANCE_CACHE. In the installed package: the user cache. */
export function specCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INTERCOM_CONFORMANCE_CACHE) return resolve(env.INTERCOM_CONFORMANCE_CACHE);
  return isCheckout
    ? resolve(packageRoot, '.cache', 'intercom-openapi')
    : join(userCacheDir(env), 'intercom-openapi');
}
