import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder holding package.json), wherever the kit is installed. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const lockFile = resolve(packageRoot, 'openapi', 'specs.lock.json');
export const quirksDir = resolve(packageRoot, 'openapi', 'quirks');

/** Where `npm run generate` writes; override with INTERCOM_CONFORMANCE_GENERATED (tests use temp dirs). */
export function generatedDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INTERCOM_CONFORMANCE_GENERATED ?? resolve(packageRoot, 'generated'));
}

/** The spec cache; override with INTERCOM_CONFORMANCE_CACHE. */
export function specCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INTERCOM_CONFORMANCE_CACHE ?? resolve(packageRoot, '.cache', 'intercom-openapi'));
}
