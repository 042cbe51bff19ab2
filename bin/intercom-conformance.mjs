#!/usr/bin/env node
// Entry point of `npx intercom-conformance`: the kit is TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
