#!/usr/bin/env node
// Entry point of `npx intercom-conformance`.
// - In a checkout of the repository (src/ present) the TypeScript sources run through tsx, always: a dist/ left
//   over from an earlier `npm run build` can never shadow the code being edited.
// - In the npm package (no src/cli/, see package.json `files`) the built JavaScript in dist/ runs.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
