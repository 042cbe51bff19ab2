import { ensureSpecs, sourceLabel } from '../src/descriptions/fetch.ts';
import { readLock } from '../src/descriptions/lock.ts';
import { runScript } from './run-script.ts';

await runScript(async () => {
  const lock = readLock();
  const from = sourceLabel();
  for (const r of await ensureSpecs(lock)) {
    console.log(
      `${r.version}: ${r.status === 'cached' ? 'cache valid' : `${r.status} from ${from}`} (sha256 ${r.sha256.slice(0, 12)}…)`,
    );
  }
});
