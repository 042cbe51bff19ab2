import { oneLine, UserError } from '../util/errors.ts';
import { type CliIo, processIo } from './io.ts';
import { VALIDATE_USAGE, validateCommand } from './validate.ts';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  validate: { run: validateCommand, usage: VALIDATE_USAGE },
};

export const USAGE = `usage: intercom-conformance <command> [options]

commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage.replace(/^usage: intercom-conformance /, '')}`)
  .join('\n')}
`;

/** Runs the CLI; returns the exit code. Bad input is one line on stderr and exit 2, never a stack trace. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`intercom-conformance: unknown command "${name}" (${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const isArgError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`intercom-conformance ${name}: ${oneLine(error)}\n`);
    return error instanceof UserError || isArgError ? (error instanceof UserError ? error.exitCode : 2) : 1;
  }
}
