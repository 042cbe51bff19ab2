import { join } from 'node:path';
import { readLock } from '../src/descriptions/lock.ts';
import { generate } from '../src/generate/index.ts';
import { packageRoot } from '../src/util/paths.ts';
import { build } from './build.ts';
import { runScript } from './run-script.ts';

/**
 * `npm pack` / `npm publish`: builds dist/ and (re)generates generated/ for every locked version, so that the
 * package carries the validators, schemas and types of each one (package.json `files` leaves out the vitest
 * suite files, which import src/). Offline: set INTERCOM_OPENAPI_MIRROR. Logs go to stderr: `npm pack --json`
 * keeps a clean stdout.
 */
await runScript(async () => {
  build((line) => console.error(line));
  // The package's own lock into the package's generated/, whatever INTERCOM_CONFORMANCE_LOCK/GENERATED say.
  await generate({
    lock: readLock(join(packageRoot, 'openapi', 'specs.lock.json')),
    outDir: join(packageRoot, 'generated'),
    ifStale: true,
    log: (line) => console.error(line),
  });
});
