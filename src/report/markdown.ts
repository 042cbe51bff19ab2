import type { RunResult } from '../model/result.ts';
import { mdCode, mdLink, mdTable, mdText } from './markdown-text.ts';
import {
  allFindings,
  compactJson,
  finish,
  locationOf,
  place,
  plural,
  prepare,
  type RenderOptions,
  shortCommit,
  tallyQuirks,
} from './prepare.ts';

export interface MarkdownOptions extends RenderOptions {
  /** Most entries listed per section before "…and N more" (default 100). */
  maxItems?: number;
  /** Hard cap on the output size in bytes (default: just under GitHub's 1 MiB step-summary limit). */
  maxBytes?: number;
}

const STEP_SUMMARY_LIMIT = 1024 * 1024;

/**
 * `summary.md`, fit for `$GITHUB_STEP_SUMMARY` or a pull-request comment: run line, matrix, violations first,
 * then known quirks, spec defects, errors and skips, coverage and per_page behaviour.
 */
export function renderMarkdown(result: RunResult, options: MarkdownOptions = {}): string {
  const run = prepare(result, options);
  const maxItems = options.maxItems ?? 100;
  const findings = allFindings(run);
  const violations = findings.filter(({ finding }) => finding.classification === 'violation');
  const quirks = tallyQuirks(run);
  const quirkCount = quirks.reduce((n, q) => n + q.count, 0);
  const defectCount = Object.values(run.specDefects).reduce((n, list) => n + list.length, 0);
  const more = (n: number, what: string) =>
    n > 0 ? [`…and ${n} more ${what} (see report.html or conformance.json)`] : [];

  const out: string[] = ['# Intercom API conformance', ''];
  const m = run.run;
  const target = [
    m.target,
    m.scenario ? `scenario ${mdCode(m.scenario)}` : '',
    m.seed !== undefined ? `seed ${m.seed}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  out.push(
    `**Target:** ${target} · **API versions:** ${m.apiVersions.map(mdText).join(', ')} · **Requests:** ${m.requestCount} · ` +
      `**Values:** ${m.redacted ? 'redacted' : 'NOT redacted (--no-redact)'}${m.shards ? ` · **Shards:** ${m.shards}` : ''}${m.partial ? ' · **Partial run**' : ''}`,
    '',
    `**Kit:** ${mdText(`${m.kit.name} ${m.kit.version}`)} · **Started:** ${mdText(m.startedAt)} · **Finished:** ${mdText(m.finishedAt)}`,
    '',
  );
  for (const [version, pin] of Object.entries(run.specs)) {
    out.push(
      `- Spec ${mdText(version)}: ${mdText(pin.repository)}@${mdCode(shortCommit(pin.commit))} ${mdCode(pin.path)} sha256 ${mdCode(pin.sha256.slice(0, 16))}`,
    );
  }
  if (Object.keys(run.specs).length > 0) out.push('');
  const violatingOps = new Set(violations.map(({ result: r }) => place(r)));
  out.push(
    violations.length > 0
      ? `> **${plural(violations.length, 'violation')}** in ${plural(violatingOps.size, 'operation')} · ${plural(quirkCount, 'known quirk')} · ${plural(defectCount, 'spec defect')}`
      : `> **No violations** · ${plural(quirkCount, 'known quirk')} · ${plural(defectCount, 'spec defect')}`,
    '',
  );

  out.push('## Matrix', '');
  const matrixRows: string[][] = [];
  for (const [version, ops] of Object.entries(run.matrix)) {
    for (const [op, c] of Object.entries(ops)) {
      matrixRows.push([
        mdText(version),
        mdCode(op),
        ...[c.pass, c.fail, c.error, c.skip, c.violation, c.knownQuirk].map(String),
      ]);
    }
  }
  if (matrixRows.length === 0) out.push('No checks ran.', '');
  else {
    out.push(
      ...mdTable(
        ['Version', 'Operation', 'pass', 'fail', 'error', 'skip', 'violations', 'known quirks'],
        matrixRows.slice(0, maxItems),
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
      ...more(matrixRows.length - maxItems, 'rows'),
      '',
    );
  }

  out.push(`## Violations (${violations.length})`, '');
  if (violations.length === 0) out.push('None.', '');
  let lastPlace = '';
  for (const { result: r, finding: f } of violations.slice(0, maxItems)) {
    if (place(r) !== lastPlace) {
      if (lastPlace) out.push('');
      lastPlace = place(r);
      out.push(`### ${mdText(lastPlace)}`, '');
    }
    const parts = [
      `**${mdText(f.checkId)}**`,
      locationOf(f) ? mdCode(locationOf(f)) : '',
      mdText(f.message),
    ].filter(Boolean);
    const details = [
      f.value !== undefined ? `value ${mdCode(compactJson(f.value, 80))}` : '',
      f.specPointer ? `spec ${mdCode(f.specPointer)}` : '',
      f.request
        ? `${mdCode(`${f.request.method} ${f.request.url}`)}${f.request.status ? ` → ${f.request.status}` : ''}`
        : '',
    ].filter(Boolean);
    out.push(`- ${parts.join(' ')}${details.length ? ` — ${details.join(' · ')}` : ''}`);
  }
  if (violations.length > 0) out.push(...more(violations.length - maxItems, 'violations'), '');

  out.push(`## Known quirks (${quirkCount})`, '');
  if (quirks.length === 0) out.push('None.', '');
  else {
    out.push(
      ...mdTable(
        ['Quirk', 'Count', 'Where', 'Summary', 'Source'],
        quirks
          .slice(0, maxItems)
          .map((q) => [
            mdCode(q.quirk.id),
            String(q.count),
            q.places.map(mdText).join(', '),
            mdText(q.quirk.summary),
            q.quirk.source ? mdLink(q.quirk.source, q.quirk.source) : '',
          ]),
        ['l', 'r'],
      ),
      ...more(quirks.length - maxItems, 'quirks'),
      '',
    );
  }

  out.push(`## Spec defects (${defectCount})`, '');
  if (defectCount === 0) out.push('None.', '');
  for (const [version, defects] of Object.entries(run.specDefects)) {
    if (defects.length === 0) continue;
    out.push(
      `### ${mdText(version)}`,
      '',
      ...mdTable(
        ['Kind', 'Pointer', 'Operations', 'Message'],
        defects
          .slice(0, maxItems)
          .map((d) => [
            mdCode(d.kind),
            mdCode(d.pointer),
            (d.operations ?? []).map(mdCode).join(', '),
            mdText(d.message),
          ]),
      ),
      ...more(defects.length - maxItems, 'spec defects'),
      '',
    );
  }

  const unfinished = run.results.filter((r) => r.outcome === 'error' || r.outcome === 'skip');
  if (unfinished.length > 0) {
    out.push(
      `## Errors and skips (${unfinished.length})`,
      '',
      ...mdTable(
        ['Version › operation', 'Check', 'Outcome', 'Reason'],
        unfinished
          .slice(0, maxItems)
          .map((r) => [mdText(place(r)), mdCode(r.checkId), r.outcome, mdText(r.reason ?? '')]),
      ),
      ...more(unfinished.length - maxItems, 'entries'),
      '',
    );
  }

  const coverageRows: string[][] = [];
  for (const [version, ops] of Object.entries(run.coverage)) {
    for (const [op, c] of Object.entries(ops)) {
      const undocumented =
        c.undocumented.slice(0, 5).map(mdCode).join(', ') + (c.undocumented.length > 5 ? ', …' : '');
      coverageRows.push([
        mdText(version),
        mdCode(op),
        `${c.observedCount} / ${c.describedCount}`,
        String(c.unobserved.length),
        `${c.undocumented.length}${undocumented ? `: ${undocumented}` : ''}`,
      ]);
    }
  }
  if (coverageRows.length > 0) {
    out.push(
      '## Schema coverage',
      '',
      ...mdTable(
        ['Version', 'Operation', 'Properties observed / described', 'Never observed', 'Undocumented'],
        coverageRows.slice(0, maxItems),
        ['l', 'l', 'r', 'r', 'l'],
      ),
      ...more(coverageRows.length - maxItems, 'rows'),
      '',
    );
  }

  const perPage = Object.entries(run.perPage);
  if (perPage.length > 0) {
    const n = (v: number | undefined) => (v === undefined ? '–' : String(v));
    out.push(
      '## per_page behaviour',
      '',
      ...mdTable(
        ['Version', 'per_page above maximum', 'Default (observed / documented)', 'Documented maximum'],
        perPage.map(([version, p]) => [
          mdText(version),
          p.overflow,
          `${n(p.observedDefault)} / ${n(p.documentedDefault)}`,
          n(p.documentedMaximum),
        ]),
      ),
      '',
    );
  }
  return finish(
    capBytes(`${out.join('\n').trimEnd()}\n`, options.maxBytes ?? STEP_SUMMARY_LIMIT - 4096),
    options,
  );
}

/** Cuts the text at a line boundary so that it fits in `maxBytes` (UTF-8), saying so. */
function capBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const note = '\n…truncated to fit the step-summary size limit (see report.html or conformance.json)\n';
  const budget = maxBytes - Buffer.byteLength(note, 'utf8');
  const lines = text.split('\n');
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    const bytes = Buffer.byteLength(line, 'utf8') + 1;
    if (size + bytes > budget) break;
    kept.push(line);
    size += bytes;
  }
  return `${kept.join('\n')}${note}`;
}
