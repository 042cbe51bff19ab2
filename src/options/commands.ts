import type { CommandName } from './table.ts';

/** What each command is, for the top-level usage and its `--help` (the options come from the table). */
export interface CommandMeta {
  name: CommandName;
  /** The arguments besides the options, as the usage line shows them. */
  args: string;
  summary: string;
  /** Extra lines of help (subcommands, exit codes). */
  details?: string;
  examples: string[];
}

export const COMMANDS: readonly CommandMeta[] = [
  {
    name: 'run',
    args: '[options]',
    summary:
      'runs the contract checks against a target and writes conformance.json, junit.xml, summary.md and report.html',
    details:
      'exit 0: everything checked passed (known quirks allowed); 1: a violation, an error or a tag left in the\n' +
      'workspace (see --fail-on); 2: bad input; 130/143: interrupted (the reports hold partial results)',
    examples: [
      'npx intercom-conformance run --api-version 2.11 --scenario documented',
      'INTERCOM_ACCESS_TOKEN=… INTERCOM_REGION=eu npx intercom-conformance run --target live --record cassettes',
    ],
  },
  {
    name: 'validate',
    args: '--api-version <v> --operation <operationId> [options] <file.json | ->',
    summary: 'validates one captured response body (exit 1 on a violation)',
    examples: [
      'npx intercom-conformance validate --api-version 2.11 --operation retrieveConversation body.json',
    ],
  },
  {
    name: 'mock',
    args: '[options]',
    summary: 'serves the embedded mock Intercom on 127.0.0.1 until Ctrl-C',
    details:
      'faults: 429, 500, 503, html, malformed-json, truncated-json, slow, oversized, reset (see the README)',
    examples: ['npx intercom-conformance mock --port 4010 --scenario documented'],
  },
  {
    name: 'diff',
    args: '<old> <new> [options]',
    summary: 'what breaks a client between two descriptions (a locked version, version@commit, or a file)',
    examples: ['npx intercom-conformance diff 2.10 2.11 --format markdown'],
  },
  {
    name: 'drift',
    args: '[--to <commit>] [options]',
    summary: 'has Intercom edited the versions you pinned? (the lock against the newest upstream commit)',
    examples: ['npx intercom-conformance drift --fail-on breaking'],
  },
  {
    name: 'generate',
    args: '[options]',
    summary:
      'builds the validators, schemas and types of every version of a lock (the package carries its own; this is for re-pinning)',
    examples: ['npx intercom-conformance generate --lock my.lock.json'],
  },
  {
    name: 'upgrade',
    args: '--from <version> --to <version> [options]',
    summary:
      'what moving from one API version to another changes for a running client: the static changes and the same conversations read under both versions',
    details: 'exit 0: nothing at or above --fail-on; 1: at least one change at or above it; 2: bad input',
    examples: [
      'npx intercom-conformance upgrade --from 2.15 --to 2.16',
      'npx intercom-conformance upgrade --from 2.11 --to 2.14 --format markdown --out upgrade',
    ],
  },
  {
    name: 'report',
    args: 'render <conformance.json> [--out <dir>] | report merge <a.json> <b.json> … [--out <dir>]',
    summary: 're-render the reports of a conformance.json, or merge the conformance.json of shards',
    details:
      'render  re-render junit.xml, summary.md and report.html from a conformance.json\n' +
      'merge   merge the shards (vitest --shard, CI matrix jobs) into one run and write the four reports;\n' +
      '        refuses runs made against different spec locks, and the same shard given twice',
    examples: [
      'npx intercom-conformance report merge reports/parts/*.json --out reports',
      'npx intercom-conformance report render reports/conformance.json --out html',
    ],
  },
];

export function commandMeta(name: string): CommandMeta | undefined {
  return COMMANDS.find((c) => c.name === name);
}
