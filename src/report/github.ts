import { appendFileSync } from 'node:fs';
import type { RunResult } from '../model/result.ts';
import { UserError } from '../util/errors.ts';
import { groupFindings, groupsOf } from './groups.ts';
import { renderMarkdown } from './markdown.ts';
import { finish, prepare, type RenderOptions } from './prepare.ts';
import { visibleControls } from './visible.ts';
import { countOf, statusOf } from './vocabulary.ts';

/**
 * GitHub-native output of a run: workflow annotations (one `::error` line per group of violations, one
 * `::warning` line per check that could not be made) and `summary.md` appended to `$GITHUB_STEP_SUMMARY`.
 * Escaped per GitHub's workflow-command rules: `%`, CR and LF in the message; also `:` and `,` in properties.
 */

/** Workflow-command message data: `%` → `%25`, CR → `%0D`, LF → `%0A`; other control bytes shown as `\u0000`. */
export function escapeCommandData(text: string): string {
  return visibleControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'), false);
}

/** Workflow-command property values: as data, and `:` → `%3A`, `,` → `%2C`. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning', title: string, message: string): string {
  return `::${kind} title=${escapeCommandProperty(title)}::${escapeCommandData(message)}`;
}

/** The annotation lines of a run (no trailing newline on each): violations as errors, errors as warnings. */
export function githubAnnotations(result: RunResult, options: RenderOptions = {}): string[] {
  const run = prepare(result, options);
  const lines: string[] = [];
  for (const g of groupsOf(groupFindings(run), 'violation')) {
    const ex = g.example;
    const title = `${countOf(g.count, 'violation')}: ${g.checkId}${g.specPointer ? ` ${g.specPointer}` : ''}`;
    const detail = [
      g.title,
      `versions ${g.versions.join(', ')}; operations ${g.operations.join(', ')}`,
      ex.value || ex.path || ex.request
        ? `for example ${[ex.value, ex.path ? `at ${ex.path}` : '', ex.request ? `from ${ex.request}` : ''].filter(Boolean).join(' ')}`
        : '',
    ].filter(Boolean);
    lines.push(command('error', title, detail.join('\n')));
  }
  for (const r of run.results) {
    if (statusOf(r) !== 'error') continue;
    lines.push(
      command(
        'warning',
        `error: ${r.checkId} on ${r.apiVersion} ${r.operationId}`,
        `could not be checked: ${r.reason ?? 'the check could not run'}`,
      ),
    );
  }
  return lines.map((line) => finish(line, options));
}

/** Whether GitHub-native output is on: the flag, or `GITHUB_ACTIONS=true` in the environment. */
export function githubEnabled(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return flag === true || env.GITHUB_ACTIONS === 'true';
}

export interface GithubOutputOptions extends RenderOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the annotation lines go (the run's stdout). */
  write: (text: string) => void;
}

/**
 * Prints the annotations and appends `summary.md` to `$GITHUB_STEP_SUMMARY` (when set). Returns the path it
 * appended to, if any. A step-summary file that cannot be written is a one-line UserError.
 */
export function writeGithubOutput(result: RunResult, options: GithubOutputOptions): string | undefined {
  const env = options.env ?? process.env;
  const secrets = options.secrets ?? [];
  for (const line of githubAnnotations(result, { secrets })) options.write(`${line}\n`);
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return undefined;
  try {
    appendFileSync(file, `${renderMarkdown(result, { secrets })}\n`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError(`cannot append to GITHUB_STEP_SUMMARY ${file} (${code})`);
  }
  return file;
}
