import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IntercomClient } from 'intercom-client';
import { lockedVersions } from '../../src/descriptions/lock.ts';

/**
 * What the official SDK (`intercom-client`, pinned) says of versions, read from its own code, not copied: the
 * versions it accepts, the one it sends by default, and the cases the SDK tests run (its default, then every
 * locked version it accepts).
 */
const require = createRequire(import.meta.url);
const sdkDir = dirname(require.resolve('intercom-client/package.json'));
const baseClient = readFileSync(join(sdkDir, 'dist', 'cjs', 'BaseClient.d.ts'), 'utf8');

export const sdkVersions = [...(/version\?:([^;]+);/.exec(baseClient)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map(
  (m) => m[1]!,
);

export const sdkDefault = /"Intercom-Version":[^"]*"([^"]+)"/.exec(
  readFileSync(join(sdkDir, 'dist', 'cjs', 'BaseClient.js'), 'utf8'),
)?.[1];

export type SdkVersion = NonNullable<ConstructorParameters<typeof IntercomClient>[0]>['version'];

export const sdkCases: Array<[string, SdkVersion | undefined]> = [
  [`default (${sdkDefault})`, undefined],
  ...lockedVersions()
    .filter((v) => sdkVersions.includes(v))
    .map((v): [string, SdkVersion] => [v, v as SdkVersion]),
];
