import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helpFor, mainUsage } from '../options/help.ts';
import { wantsHelp } from '../options/parse.ts';
import { COMMAND_NAMES, type CommandName } from '../options/table.ts';
import { oneLine, UserError } from '../util/errors.ts';
import { packageRoot } from '../util/paths.ts';
import { type CliIo, processIo } from './io.ts';

type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Each command's module is loaded only when it runs: `--help` and `--version` load none of them. */
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  validate: async () => (await import('./validate.ts')).validateCommand,
  run: async () => (await import('./run.ts')).runCommand,
  mock: async () => (await import('./mock.ts')).mockCommand,
  diff: async () => (await import('./diff.ts')).diffCommand,
  drift: async () => (await import('./diff.ts')).driftCommand,
  report: async () => (await import('./report.ts')).reportCommand,
  generate: async () => (await import('./generate.ts')).generateCommand,
  upgrade: async () => (await import('./upgrade.ts')).upgradeCommand,
};

export const USAGE = mainUsage();

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return `intercom-conformance ${pkg.version}\n`;
}

/** Runs the CLI; returns the exit code. Bad input is one line on stderr and exit 2, never a stack trace. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(version());
    return 0;
  }
  if (!(COMMAND_NAMES as readonly string[]).includes(name)) {
    io.stderr(`intercom-conformance: unknown command "${name}" (${COMMAND_NAMES.join(', ')})\n`);
    return 2;
  }
  const command = name as CommandName;
  if (wantsHelp(rest)) {
    io.stdout(helpFor(command));
    return 0;
  }
  try {
    return await (await COMMANDS[command]())(rest, io);
  } catch (error) {
    io.stderr(`intercom-conformance ${name}: ${oneLine(error)}\n`);
    return error instanceof UserError ? error.exitCode : 1;
  }
}
