import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/util/paths.ts';
import { updateReadme } from './docs/sections.ts';
import { runScript } from './run-script.ts';

await runScript(async () => {
  const file = join(packageRoot, 'README.md');
  const before = readFileSync(file, 'utf8');
  const after = updateReadme(before);
  writeFileSync(file, after);
  console.log(before === after ? 'README.md is up to date' : 'README.md: generated sections updated');
});
