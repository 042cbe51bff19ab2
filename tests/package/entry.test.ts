import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { packageRoot } from '../../src/util/paths.ts';
import { tempDir } from '../helpers/env.ts';

function capture() {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (t: string) => {
        out += t;
      },
      stderr: (t: string) => {
        err += t;
      },
      readStdin: async () => Buffer.from(''),
    },
    out: () => out,
    err: () => err,
  };
}

describe('the CLI entry', () => {
  it('--version prints the package version', async () => {
    const c = capture();
    expect(await main(['--version'], c.io)).toBe(0);
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    expect(c.out()).toBe(`intercom-conformance ${pkg.version}\n`);
  });

  it.each(['run', 'mock', 'validate', 'diff', 'drift', 'report', 'generate'])(
    '%s --help: its usage, exit 0',
    async (command) => {
      const c = capture();
      expect(await main([command, '--help'], c.io)).toBe(0);
      expect(c.out()).toMatch(new RegExp(`^usage: intercom-conformance ${command}`));
      expect(c.err()).toBe('');
    },
  );

  it('bin/ runs the sources in a checkout even when a dist/ is there, and dist/ where there are no sources', () => {
    // A miniature package laid out like ours: the real bin, a src/ and a dist/ main that say which one ran.
    const root = tempDir('ic-bin-');
    mkdirSync(join(root, 'bin'));
    copyFileSync(
      join(packageRoot, 'bin', 'intercom-conformance.mjs'),
      join(root, 'bin', 'intercom-conformance.mjs'),
    );
    symlinkSync(join(packageRoot, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
    const mainOf = (which: string) =>
      `export async function main(argv: string[]): Promise<number> { console.log('${which}', argv.join(' ')); return 3; }\n`;
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    writeFileSync(join(root, 'src', 'cli', 'main.ts'), mainOf('source'));
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(
      join(root, 'dist', 'cli', 'main.js'),
      mainOf('dist').replace(/: string\[\]|: Promise<number>/g, ''),
    );
    const run = () =>
      spawnSync(process.execPath, [join(root, 'bin', 'intercom-conformance.mjs'), 'x', '--y'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
    const checkout = run();
    expect(checkout.stdout).toBe('source x --y\n');
    expect(checkout.status).toBe(3);
    rmSync(join(root, 'src'), { recursive: true });
    const installed = run();
    expect(installed.stdout).toBe('dist x --y\n');
    expect(installed.status).toBe(3);
  });
});
