import { lockedVersions } from '../src/descriptions/lock.ts';
import { benchCrawl } from './bench/crawl.ts';
import { benchDiff } from './bench/diff.ts';
import { benchHelp } from './bench/help.ts';
import { benchMemory } from './bench/memory.ts';
import { benchMock } from './bench/mock.ts';
import { benchRun } from './bench/run.ts';
import { benchValidate } from './bench/validate.ts';
import { runScript } from './run-script.ts';

/** `npm run bench`: figures, not tests. Each section prints its own lines. */
await runScript(async () => {
  const versions = lockedVersions();
  for (const line of benchHelp()) console.log(line);
  for (const line of benchValidate(versions)) console.log(line);
  for (const line of await benchDiff()) console.log(line);
  for (const line of await benchMock()) console.log(line);
  for (const line of await benchCrawl()) console.log(line);
  for (const line of await benchMemory()) console.log(line);
  for (const line of await benchRun()) console.log(line);
});
