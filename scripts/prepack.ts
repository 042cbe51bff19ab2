import { generate } from '../src/generate/index.ts';
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
  await generate({ ifStale: true, log: (line) => console.error(line) });
});
