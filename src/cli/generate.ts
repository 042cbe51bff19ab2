import { resolve } from 'node:path';
import { readLock } from '../descriptions/lock.ts';
import { generate, readManifest } from '../generate/index.ts';
import { parseCommandArgs } from '../options/parse.ts';
import { UserError } from '../util/errors.ts';
import { generatedDir, isCheckout, lockPath, shippedGeneratedDir } from '../util/paths.ts';
import type { CliIo } from './io.ts';

/**
 * `generate`: builds the validators, schemas and types of every version of a lock. The npm package already
 * carries them for its own lock; this is for a re-pinned lock (`--lock`, or INTERCOM_CONFORMANCE_LOCK), written
 * to the user cache (`$XDG_CACHE_HOME/intercom-conformance/generated`) or `--out` /
 * INTERCOM_CONFORMANCE_GENERATED — never inside node_modules. The descriptions come from GitHub, or from
 * INTERCOM_OPENAPI_MIRROR offline. Without openapi-typescript installed only `schema.d.ts` is skipped: runs need
 * the validators alone.
 */
export async function generateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('generate', argv);
  if (positionals.length > 0)
    throw new UserError(
      `generate takes no arguments, not "${positionals[0]}" (intercom-conformance generate --help lists the options)`,
    );
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (typeof values.lock === 'string') env.INTERCOM_CONFORMANCE_LOCK = resolve(values.lock);
  if (typeof values.out === 'string') env.INTERCOM_CONFORMANCE_GENERATED = resolve(values.out);
  const file = lockPath(env);
  const lock = readLock(file);
  const outDir = generatedDir(env);
  if (!isCheckout && outDir === shippedGeneratedDir) {
    // The installed package's own lock: its artifacts were built when the package was packed, and
    // node_modules is no place to write.
    const shipped = readManifest(outDir);
    if (JSON.stringify(shipped?.versions) !== JSON.stringify(lock.versions)) {
      throw new UserError(
        `the generated artifacts in ${outDir} do not match the package's lock: reinstall the package, or generate elsewhere with --out <dir>`,
      );
    }
    io.stdout(
      `intercom-conformance generate: the package already carries the validators and types of ${Object.keys(lock.versions).join(', ')}; ` +
        'to re-pin, pass --lock <your specs.lock.json> (or set INTERCOM_CONFORMANCE_LOCK)\n',
    );
    return 0;
  }
  const result = await generate({
    lock,
    outDir,
    ifStale: values.ifStale === true,
    log: (line) => io.stderr(`${line}\n`),
  });
  io.stdout(
    `intercom-conformance generate: ${result.skipped ? 'up to date' : 'generated'} ${result.versions.join(', ')} in ${outDir}\n`,
  );
  if (!isCheckout && !process.env.INTERCOM_CONFORMANCE_GENERATED && !process.env.INTERCOM_CONFORMANCE_LOCK) {
    io.stdout(
      `to use them: export INTERCOM_CONFORMANCE_LOCK=${file}${values.out ? ` INTERCOM_CONFORMANCE_GENERATED=${outDir}` : ''}\n`,
    );
  }
  return 0;
}
