import { lockedVersions } from '../src/spec/lock.ts';
import { benchDiff } from './bench/diff.ts';
import { benchValidate } from './bench/validate.ts';
import { runScript } from './run-script.ts';

/** `npm run bench`: figures, not tests. Each section prints its own lines. */
await runScript(async () => {
  const versions = lockedVersions();
  for (const line of benchValidate(versions)) console.log(line);
  for (const line of await benchDiff()) console.log(line);
});
