import { generate } from '../src/generate/index.ts';
import { writeSuiteFiles } from '../src/suite/files.ts';
import { runScript } from './run-script.ts';

await runScript(async () => {
  await generate({ ifStale: process.argv.includes('--if-stale'), log: (line) => console.log(line) });
  writeSuiteFiles();
});
