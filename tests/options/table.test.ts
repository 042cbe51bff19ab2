import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESILIENCE_DEFAULTS } from '../../src/client/middleware/index.ts';
import { lockedVersions } from '../../src/descriptions/lock.ts';
import { COMMANDS } from '../../src/options/commands.ts';
import { defaultOf, helpFor, synopsisOf } from '../../src/options/help.ts';
import { parseCommandArgs } from '../../src/options/parse.ts';
import { COMMAND_NAMES, OPTIONS, optionsOf, READS_ENVIRONMENT } from '../../src/options/table.ts';
import { configFromEnv, type RunConfig } from '../../src/run/config.ts';
import { packageRoot } from '../../src/util/paths.ts';
import { runCli } from '../helpers/cli.ts';

const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');

describe('the option table', () => {
  it('defines each flag once per command and each variable once', () => {
    for (const command of COMMAND_NAMES) {
      const flags = optionsOf(command).flatMap((o) => (o.flag ? [o.flag] : []));
      expect(new Set(flags).size, command).toBe(flags.length);
      const keys = optionsOf(command).map((o) => o.key);
      expect(new Set(keys).size, command).toBe(keys.length);
    }
    const vars = OPTIONS.flatMap((o) => (o.env ? [o.env] : []));
    expect(new Set(vars).size).toBe(vars.length);
  });

  it('gives every option a help line, a default (or says there is none), and a command; bounds hold the default', () => {
    for (const o of OPTIONS) {
      expect(o.help.length, o.key).toBeGreaterThan(5);
      expect(o.commands.length, o.key).toBeGreaterThan(0);
      expect(o.flag || o.env, o.key).toBeTruthy();
      if (o.kind === 'enum') expect(o.choices!.length, o.key).toBeGreaterThan(1);
      if (o.kind === 'int' && typeof o.default === 'number') {
        expect(o.default, o.key).toBeGreaterThanOrEqual(o.min ?? 0);
        expect(o.default, o.key).toBeLessThanOrEqual(o.max!);
      }
    }
  });

  it('is where the defaults of a run live: the environment-less config and the resilient fetch take them', () => {
    const config = configFromEnv({});
    for (const o of optionsOf('run').filter((x) => x.default !== undefined && !x.external))
      expect(config[o.key as keyof RunConfig], o.key).toEqual(o.default);
    expect(config.apiVersions).toEqual(lockedVersions());
    for (const [key, value] of Object.entries(RESILIENCE_DEFAULTS))
      expect(value, key).toBe(OPTIONS.find((o) => o.key === key && o.commands.includes('run'))!.default);
  });

  it('reads every run option with a variable from it, with the same checks as the flag; flags win', () => {
    const env: NodeJS.ProcessEnv = {};
    const flags: string[] = [];
    for (const o of optionsOf('run').filter((x) => x.env && !x.external)) {
      const value =
        o.kind === 'int'
          ? String(o.min ?? 1)
          : o.kind === 'enum'
            ? o.choices!.at(-1)!
            : o.kind === 'flag'
              ? String((o.flagValue ?? !o.default) ? 1 : 0)
              : o.kind === 'versions'
                ? '2.11'
                : `value-of-${o.key}`;
      env[o.env!] = o.kind === 'flag' ? (o.flagValue === false ? '0' : '1') : value;
      if (o.flag && o.kind === 'int') flags.push(`--${o.flag}`, String(o.max));
    }
    const fromEnv = parseCommandArgs('run', [], env).values;
    for (const o of optionsOf('run').filter((x) => x.env && !x.external)) {
      if (o.kind === 'int') expect(fromEnv[o.key], o.env).toBe(o.min ?? 1);
      if (o.kind === 'flag' && o.flagValue !== undefined) expect(fromEnv[o.key], o.env).toBe(o.flagValue);
    }
    const both = parseCommandArgs('run', flags, env).values;
    for (const o of optionsOf('run').filter((x) => x.flag && x.kind === 'int'))
      expect(both[o.key], o.flag).toBe(o.max);
    expect(() => parseCommandArgs('run', [], { INTERCOM_CONFORMANCE_TARGET: 'prod' })).toThrow(
      'unknown INTERCOM_CONFORMANCE_TARGET "prod" (mock, live, replay)',
    );
    expect(() => parseCommandArgs('run', [], { INTERCOM_CONFORMANCE_PACE: 'maybe' })).toThrow(
      'INTERCOM_CONFORMANCE_PACE must be 1 or 0 (got "maybe")',
    );
  });

  it('documents every option in the README, as the table has it (npm run docs)', () => {
    for (const o of OPTIONS) {
      if (o.env) expect(readme, o.env).toContain(`| \`${o.env}\` |`);
      if (o.flag && o.commands.includes('run'))
        expect(readme, o.flag).toContain(`| \`${synopsisOf(o).replace(/\|/g, '\\|')}\` |`);
    }
  });
});

describe('--help and --version', () => {
  it.each(COMMANDS.map((c) => c.name))(
    '%s --help: usage, every option with its default and variable, an example; exit 0',
    async (name) => {
      const run = await runCli([name, '--help']);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(helpFor(name));
      expect(run.stdout).toMatch(new RegExp(`^usage: intercom-conformance ${name} `));
      expect(run.stdout).toMatch(/\nexamples?:\n {2}npx intercom-conformance /);
      for (const o of optionsOf(name)) {
        expect(run.stdout, o.key).toContain(synopsisOf(o));
        if (defaultOf(o)) expect(run.stdout, o.key).toContain(`default ${defaultOf(o)}`);
        if (o.env && READS_ENVIRONMENT.includes(name)) expect(run.stdout, o.key).toContain(o.env);
        if (o.env && !READS_ENVIRONMENT.includes(name) && !o.external)
          expect(run.stdout).not.toContain(o.env);
      }
      expect((await runCli([name, '-h'])).stdout).toBe(run.stdout);
    },
  );

  it('--help wins over bad flags (it loads no command), and the top-level usage lists every command', async () => {
    expect((await runCli(['run', '--bogus', '--help'])).code).toBe(0);
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) expect(top.stdout).toContain(`intercom-conformance ${c.name} ${c.args}`);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli(['--version']);
    expect(run).toEqual({ code: 0, stdout: `intercom-conformance ${pkg.version}\n`, stderr: '' });
  });
});
