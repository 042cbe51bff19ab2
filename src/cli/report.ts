import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunResult } from '../model/result.ts';
import { commandMeta } from '../options/commands.ts';
import { usageLine } from '../options/help.ts';
import { parseCommandArgs } from '../options/parse.ts';
import {
  ALL_FORMATS,
  mergeResults,
  type ReportFormat,
  readRunResult,
  writeReports,
} from '../report/index.ts';
import { UserError } from '../util/errors.ts';
import type { CliIo } from './io.ts';

const REPORT_USAGE = usageLine(commandMeta('report')!);

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

/** The same file given twice (also through another path) is one shard, not two. */
function refuseDuplicateShards(files: string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    let real = file;
    try {
      real = realpathSync(file);
    } catch {
      // readRunResult reports the unreadable file in one line
    }
    const first = seen.get(real);
    if (first !== undefined)
      throw new UserError(`${file} is given twice (as ${first} too): each shard is merged once`);
    seen.set(real, file);
  }
}

/** Two copies of one shard (same run, same versions, same start) are refused as well. */
function refuseSameRuns(results: RunResult[], files: string[]): void {
  const seen = new Map<string, string>();
  results.forEach((r, i) => {
    const key = JSON.stringify([r.run.startedAt, r.run.apiVersions, r.run.shards ?? 1, r.results.length]);
    const first = seen.get(key);
    if (first !== undefined)
      throw new UserError(
        `${files[i]} and ${first} are the same shard (same run, same API versions): each shard is merged once`,
      );
    seen.set(key, files[i]!);
  });
}

export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values: parsed, positionals } = parseCommandArgs('report', argv);
  const values = { out: parsed.out as string | undefined };
  const [sub, ...files] = positionals;
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
    refuseDuplicateShards(files);
    const results = files.map(readRunResult);
    refuseSameRuns(results, files);
    const merged = mergeResults(results, files);
    const written = await writeReports(merged, values.out ?? 'reports', { secrets });
    io.stdout(
      `${written.join('\n')}\nmerged ${files.length} shard${files.length === 1 ? '' : 's'}: ${summaryLine(merged)}\n`,
    );
    return 0;
  }
  throw new UserError(sub ? `unknown report subcommand "${sub}" (render, merge)` : REPORT_USAGE);
}
