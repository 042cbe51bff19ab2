import { parseArgs } from 'node:util';
import { readLock, writeLock } from '../src/descriptions/lock.ts';
import { addVersion, updateLock } from '../src/descriptions/update.ts';
import { UserError } from '../src/util/errors.ts';
import { runScript } from './run-script.ts';

const USAGE = 'usage: npm run spec:update -- --to <commit> | --add <version>';

await runScript(async () => {
  let values: { to?: string; add?: string };
  try {
    ({ values } = parseArgs({ options: { to: { type: 'string' }, add: { type: 'string' } } }));
  } catch (error) {
    throw new UserError(`${(error as Error).message.split('\n')[0]} (${USAGE})`);
  }
  if ((values.to === undefined) === (values.add === undefined)) throw new UserError(USAGE);
  const before = readLock();
  if (values.add !== undefined) {
    const after = await addVersion(before, values.add.trim());
    writeLock(after);
    const entry = after.versions[values.add.trim()]!;
    console.log(
      `${values.add.trim()}: locked ${entry.path} at ${entry.commit.slice(0, 7)} (sha256 ${entry.sha256.slice(0, 12)}…); run npm run generate`,
    );
    return;
  }
  const after = await updateLock(before, values.to!);
  writeLock(after);
  for (const [version, entry] of Object.entries(after.versions)) {
    const old = before.versions[version]!;
    console.log(
      `${version}: ${old.commit.slice(0, 7)} → ${entry.commit.slice(0, 7)} (sha256 ${entry.sha256.slice(0, 12)}…${old.sha256 === entry.sha256 ? ', unchanged' : ''})`,
    );
  }
});
