import { oneLine, UserError } from '../util/errors.ts';
import { DIFF_USAGE, DRIFT_USAGE, diffCommand, driftCommand } from './diff.ts';
import { type CliIo, processIo } from './io.ts';
import { MOCK_USAGE, mockCommand } from './mock.ts';
import { REPORT_USAGE, reportCommand } from './report.ts';
import { RUN_USAGE, runCommand } from './run.ts';
import { UPGRADE_USAGE, upgradeCommand } from './upgrade.ts';
import { VALIDATE_USAGE, validateCommand } from './validate.ts';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  validate: { run: validateCommand, usage: VALIDATE_USAGE },
  run: { run: runCommand, usage: RUN_USAGE },
  mock: { run: mockCommand, usage: MOCK_USAGE },
  diff: { run: diffCommand, usage: DIFF_USAGE },
  drift: { run: driftCommand, usage: DRIFT_USAGE },
  upgrade: { run: upgradeCommand, usage: UPGRADE_USAGE },
  report: { run: reportCommand, usage: REPORT_USAGE },
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
