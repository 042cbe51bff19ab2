import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { RunResult } from '../model/result.ts';
import {
  ALL_FORMATS,
  mergeResults,
  type ReportFormat,
  readRunResult,
  writeReports,
} from '../report/index.ts';
import { UserError } from '../util/errors.ts';
import type { CliIo } from './io.ts';
import { REPORT_USAGE } from './usage.ts';

const HELP = `${REPORT_USAGE}

  render  re-render junit.xml, summary.md and report.html from a conformance.json
          (into --out, default: the folder of the JSON)
  merge   merge the conformance.json of shards (vitest --shard, CI matrix jobs) into one run and write
          conformance.json, junit.xml, summary.md and report.html into --out (default: reports/);
          refuses runs made against different spec locks
`;

/** Secrets known to the environment, scrubbed from anything written (a last line of defence). */
function environmentSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env.INTERCOM_ACCESS_TOKEN, env.INTERCOM_TOKEN].filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
}

function summaryLine(result: RunResult): string {
  const findings = result.results.flatMap((r) => r.findings);
  const count = (classification: string, word: string) => {
    const n = findings.filter((f) => f.classification === classification).length;
    return `${n} ${word}${n === 1 ? '' : 's'}`;
  };
  return `${result.results.length} results: ${count('violation', 'violation')}, ${count('known-quirk', 'known quirk')}`;
}

export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const [sub, ...files] = positionals;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.out === '') throw new UserError('--out needs a directory');
  const secrets = environmentSecrets();
  if (sub === 'render') {
    if (files.length !== 1) throw new UserError(`report render takes one conformance.json (${REPORT_USAGE})`);
    const file = files[0]!;
    const result = readRunResult(file);
    const formats: ReportFormat[] = ALL_FORMATS.filter((f) => f !== 'json');
    const written = await writeReports(result, values.out ?? dirname(file), { formats, secrets });
    io.stdout(`${written.join('\n')}\n${summaryLine(result)}\n`);
    return 0;
  }
  if (sub === 'merge') {
    if (files.length === 0)
      throw new UserError(`report merge takes the conformance.json of each shard (${REPORT_USAGE})`);
    const merged = mergeResults(files.map(readRunResult), files);
    const written = await writeReports(merged, values.out ?? 'reports', { secrets });
    io.stdout(
      `${written.join('\n')}\nmerged ${files.length} shard${files.length === 1 ? '' : 's'}: ${summaryLine(merged)}\n`,
    );
    return 0;
  }
  throw new UserError(sub ? `unknown report subcommand "${sub}" (render, merge)` : REPORT_USAGE);
}
