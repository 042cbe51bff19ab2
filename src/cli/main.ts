import { readFileSync } from 'node:fs';
import { oneLine, UserError } from '../util/errors.ts';
import { type CliIo, processIo } from './io.ts';
import {
  DIFF_USAGE,
  DRIFT_USAGE,
  GENERATE_USAGE,
  MOCK_USAGE,
  REPORT_USAGE,
  RUN_USAGE,
  VALIDATE_USAGE,
} from './usage.ts';

type Command = (argv: string[], io: CliIo) => Promise<number>;

/** Each command is imported only when it runs: `--help`, `--version` and a typo load none of them. */
/** `ownHelp`: the command prints a longer help of its own for `--help`. */
const COMMANDS: Record<string, { load: () => Promise<Command>; usage: string; ownHelp?: boolean }> = {
  validate: { load: async () => (await import('./validate.ts')).validateCommand, usage: VALIDATE_USAGE },
  run: { load: async () => (await import('./run.ts')).runCommand, usage: RUN_USAGE },
  mock: { load: async () => (await import('./mock.ts')).mockCommand, usage: MOCK_USAGE },
  diff: { load: async () => (await import('./diff.ts')).diffCommand, usage: DIFF_USAGE },
  drift: { load: async () => (await import('./diff.ts')).driftCommand, usage: DRIFT_USAGE },
  report: {
    load: async () => (await import('./report.ts')).reportCommand,
    usage: REPORT_USAGE,
    ownHelp: true,
  },
  generate: { load: async () => (await import('./generate.ts')).generateCommand, usage: GENERATE_USAGE },
};

export const USAGE = `usage: intercom-conformance <command> [options]
       intercom-conformance <command> --help | --version

commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage.replace(/^usage: intercom-conformance /, '')}`)
  .join('\n')}
`;

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  return `${pkg.name} ${pkg.version}`;
}

/** Runs the CLI; returns the exit code. Bad input is one line on stderr and exit 2, never a stack trace. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || isHelp(name)) {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`intercom-conformance: unknown command "${name}" (${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  if (!command.ownHelp && rest.some((a) => a === '--help' || a === '-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    const isArgError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`intercom-conformance ${name}: ${oneLine(error)}\n`);
    return error instanceof UserError || isArgError ? (error instanceof UserError ? error.exitCode : 2) : 1;
  }
}
