import { parseArgs } from 'node:util';
import { readLock, writeLock } from '../src/descriptions/lock.ts';
import { updateLock } from '../src/descriptions/update.ts';
import { UserError } from '../src/util/errors.ts';
import { runScript } from './run-script.ts';

await runScript(async () => {
  const { values } = parseArgs({ options: { to: { type: 'string' } } });
  if (!values.to) throw new UserError('usage: npm run spec:update -- --to <commit>');
  const before = readLock();
  const after = await updateLock(before, values.to);
  writeLock(after);
  for (const [version, entry] of Object.entries(after.versions)) {
    const old = before.versions[version]!;
    console.log(
      `${version}: ${old.commit.slice(0, 7)} → ${entry.commit.slice(0, 7)} (sha256 ${entry.sha256.slice(0, 12)}…${old.sha256 === entry.sha256 ? ', unchanged' : ''})`,
    );
  }
});
