import type { CheckResult, Finding, RunResult } from '../model/result.ts';
import { canonicalize } from './canonical.ts';
import { scrubSecrets, scrubSecretsDeep } from './redact.ts';

export interface RenderOptions {
  /** Secrets (the access token) that must never appear in output: scrubbed from the input and the output. */
  secrets?: readonly string[];
}

/** What every renderer starts from: secrets scrubbed from every string, then the canonical order. */
export function prepare(result: RunResult, options: RenderOptions = {}): RunResult {
  return canonicalize(scrubSecretsDeep(result, options.secrets ?? []));
}

/** The last line of defence: the rendered text, scrubbed again. */
export function finish(text: string, options: RenderOptions = {}): string {
  return options.secrets?.length ? scrubSecrets(text, options.secrets) : text;
}

export interface LocatedFinding {
  result: CheckResult;
  finding: Finding;
}

/** Every finding with the check result it belongs to, in canonical order. */
export function allFindings(result: RunResult): LocatedFinding[] {
  return result.results.flatMap((r) => r.findings.map((finding) => ({ result: r, finding })));
}

export function shortCommit(commit: string): string {
  return commit.slice(0, 12);
}

/** A finding's location in the response: its instancePath, or `(root)`. */
export function locationOf(f: Finding): string {
  return f.instancePath === undefined ? '' : f.instancePath || '(root)';
}

/** Compact JSON of a value for one-line display, cut at `max` characters. */
export function compactJson(value: unknown, max = 120): string {
  const text = JSON.stringify(value) ?? String(value);
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** Wall-clock duration of the run in seconds (from its own timestamps; renderers read no clock). */
export function durationSeconds(result: RunResult): number {
  const ms = Date.parse(result.run.finishedAt) - Date.parse(result.run.startedAt);
  return Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
