import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../model/result.ts';
import { UserError } from '../util/errors.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { parseRunResult } from './parse.ts';
import { artifactSchemaExcerpt, type SchemaExcerptFn } from './schema-excerpt.ts';

export { canonicalize } from './canonical.ts';
export {
  type ComparisonRow,
  comparisonView,
} from './comparison.ts';
export {
  escapeCommandData,
  escapeCommandProperty,
  type GithubOutputOptions,
  githubAnnotations,
  githubEnabled,
  writeGithubOutput,
} from './github.ts';
export type {
  FindingGroup,
  FindingInstance,
} from './groups.ts';
export {
  type HtmlOptions,
  renderHtml,
} from './html.ts';

export { renderJson } from './json.ts';
export { renderJunit } from './junit.ts';
export {
  type MarkdownOptions,
  renderMarkdown,
  SUMMARY_MAX_BYTES,
} from './markdown.ts';
export { mergeResults } from './merge.ts';
export {
  normalizeForSnapshot,
  stripPorts,
  ZERO_TIME,
} from './normalize.ts';
export {
  parseRunResult,
  resultSchema,
} from './parse.ts';
export type { RenderOptions } from './prepare.ts';
export {
  createProgress,
  type Progress,
  type ProgressOptions,
  type ProgressState,
} from './progress.ts';
export {
  type RedactOptions,
  scrubSecrets,
} from './redact.ts';
export {
  artifactSchemaExcerpt,
  excerptFrom,
  type SchemaExcerptFn,
} from './schema-excerpt.ts';

export {
  countStatuses,
  finalLine,
  STATUSES,
  type Status,
  statusOf,
  VOCABULARY,
  vocabularyTable,
} from './vocabulary.ts';

export type ReportFormat = 'json' | 'junit' | 'markdown' | 'html';

/** The file each format is written to, in `--report-dir`. */
export const REPORT_FILES: Record<ReportFormat, string> = {
  json: 'conformance.json',
  junit: 'junit.xml',
  markdown: 'summary.md',
  html: 'report.html',
};

export const ALL_FORMATS: ReportFormat[] = ['json', 'junit', 'markdown', 'html'];

export interface WriteReportsOptions {
  formats?: ReportFormat[];
  /** Secrets (the access token) scrubbed from every file, whatever the run put in the result. */
  secrets?: readonly string[];
  /** Schema excerpts for the HTML report; default: the generated artifacts; `false`: none. */
  schemaExcerpt?: SchemaExcerptFn | false;
}

/** Renders one format of a run. */
export function renderReport(
  format: ReportFormat,
  result: RunResult,
  options: WriteReportsOptions = {},
): string {
  const secrets = options.secrets ?? [];
  switch (format) {
    case 'json':
      return renderJson(result, { secrets });
    case 'junit':
      return renderJunit(result, { secrets });
    case 'markdown':
      return renderMarkdown(result, { secrets });
    case 'html': {
      const schemaExcerpt =
        options.schemaExcerpt === false ? undefined : (options.schemaExcerpt ?? artifactSchemaExcerpt());
      return renderHtml(result, { secrets, schemaExcerpt });
    }
  }
}

/** Writes the reports of a run into `dir` (created if needed); returns the paths written. */
export async function writeReports(
  result: RunResult,
  dir: string,
  options: WriteReportsOptions = {},
): Promise<string[]> {
  const formats = options.formats ?? ALL_FORMATS;
  const unknown = formats.filter((f) => !(f in REPORT_FILES));
  if (unknown.length > 0)
    throw new UserError(`unknown report format "${unknown[0]}" (${ALL_FORMATS.join(', ')})`);
  const rendered = [...new Set(formats)].map((format) => ({
    path: join(dir, REPORT_FILES[format]),
    text: renderReport(format, result, options),
  }));
  try {
    mkdirSync(dir, { recursive: true });
    for (const { path, text } of rendered) {
      const temp = `${path}.tmp-${process.pid}`;
      writeFileSync(temp, text, 'utf8');
      renameSync(temp, path);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError(`cannot write reports to ${dir} (${code})`);
  }
  return rendered.map((r) => r.path);
}

/** Reads and checks a `conformance.json`; any problem is a one-line UserError naming the file. */
export function readRunResult(path: string): RunResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `cannot read ${path} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'error')})`,
    );
  }
  return parseRunResult(text, path);
}
