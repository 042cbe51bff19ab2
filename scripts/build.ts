import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../src/util/paths.ts';
import { runScript } from './run-script.ts';

/** Files of src/ that are not TypeScript and that the built code reads beside itself. */
export const ASSETS = ['validate/formats.cjs', 'report/conformance.schema.json'];

/**
 * `npm run build`: src/ → dist/ (JavaScript + .d.ts) with tsc, relative `.ts` imports rewritten to `.js`.
 * dist/ is removed first, so a file deleted from src/ never lingers in the package.
 */
export function build(log: (line: string) => void = () => {}): void {
  const dist = join(packageRoot, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(packageRoot, 'tsconfig.build.json')], {
    cwd: packageRoot,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  for (const asset of ASSETS) {
    mkdirSync(dirname(join(dist, asset)), { recursive: true });
    copyFileSync(join(packageRoot, 'src', asset), join(dist, asset));
  }
  log(`built ${dist}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runScript(async () => build((line) => console.log(line)));
}
