import type { RunResult } from '../model/result.ts';
import { comparisonView } from './comparison.ts';
import { type FindingGroup, findingCount, groupFindings, groupsOf } from './groups.ts';
import { mdCode, mdLink, mdTable, mdText } from './markdown-text.ts';
import { finish, plural, prepare, type RenderOptions, shortCommit } from './prepare.ts';
import {
  countOf,
  countStatuses,
  countsText,
  matrixRows,
  STATUSES,
  statusEntry,
  statusOf,
} from './vocabulary.ts';
import { writeRows } from './writes.ts';

export interface MarkdownOptions extends RenderOptions {
  /** Most rows listed per section before "…and N more" (default 40). */
  maxItems?: number;
  /**
   * Hard cap on the output size in UTF-8 bytes (default 60,000: a pull-request comment holds 65,536
   * characters, a step summary 1 MiB).
   */
  maxBytes?: number;
}

export const SUMMARY_MAX_BYTES = 60_000;

function exampleOf(g: FindingGroup): string {
  const x = g.example;
  return [
    x.value ? mdCode(x.value.length > 60 ? `${Array.from(x.value).slice(0, 60).join('')}…` : x.value) : '',
    x.path ? `at ${mdCode(x.path)}` : '',
    x.request ? `from ${mdCode(x.request)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function inGroups(groups: FindingGroup[]): string {
  return `${plural(findingCount(groups), 'finding')} in ${plural(groups.length, 'group')}`;
}

function list(items: string[], max = 4): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown}, +${items.length - max}` : shown;
}

/**
 * `summary.md`, fit for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the verdict in the one vocabulary, the
 * matrix, findings in groups (violations first, then known quirks; one row per group with its count, versions,
 * operations and one example), the cross-version comparison, errors and skips, then spec defects, coverage and
 * per_page behaviour. Every instance is in `report.html` and `conformance.json`.
 */
export function renderMarkdown(result: RunResult, options: MarkdownOptions = {}): string {
  const run = prepare(result, options);
  const maxItems = options.maxItems ?? 40;
  const groups = groupFindings(run);
  const counts = countStatuses(run.results);
  const defectCount = Object.values(run.specDefects).reduce((n, l) => n + l.length, 0);
  const more = (n: number, what: string) =>
    n > 0 ? ['', `…and ${n} more ${what} (see report.html or conformance.json)`] : [];

  const out: string[] = ['# Intercom API conformance', ''];
  const m = run.run;
  const byClass = (c: FindingGroup['classification'], what: string) => {
    const l = groupsOf(groups, c);
    return `${plural(findingCount(l), `${what} finding`)} in ${plural(l.length, 'group')}`;
  };
  out.push(
    `> **${countsText(counts)}**`,
    '>',
    `> ${byClass('violation', 'violation')} · ${byClass('known-quirk', 'known-quirk')} · ${plural(defectCount, 'spec defect')}`,
    '',
  );
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

  out.push('## Matrix', '');
  const rows = matrixRows(run.results).map(({ version, operation: op, counts: c, findings }) => {
    return [mdText(version), mdCode(op), ...STATUSES.map((s) => String(c[s])), String(findings)];
  });
  if (rows.length === 0) out.push('No checks ran.', '');
  else {
    out.push(
      ...mdTable(
        ['Version', 'Operation', ...STATUSES.map((s) => statusEntry(s).plural), 'findings'],
        rows.slice(0, maxItems),
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
      ...more(rows.length - maxItems, 'rows'),
      '',
    );
  }

  const writes = writeRows(run.results);
  if (writes.length > 0) {
    out.push(
      '## Writes to the workspace',
      '',
      ...mdTable(
        ['Version', 'Round trip', 'Conversation', 'Wrote', 'Left'],
        writes.map((w) => [
          mdText(w.version),
          w.trip,
          w.conversationId ? mdCode(w.conversationId) : '–',
          mdText(w.wrote),
          w.leftover ? `**${mdText(w.left)}**` : mdText(w.left),
        ]),
      ),
      '',
    );
  }

  const violations = groupsOf(groups, 'violation');
  out.push(`## Violations (${inGroups(violations)})`, '');
  if (violations.length === 0) out.push('None.', '');
  else {
    out.push(
      ...mdTable(
        ['Count', 'Check', 'Spec pointer', 'What', 'Versions', 'Operations', 'Example'],
        violations
          .slice(0, maxItems)
          .map((g) => [
            String(g.count),
            mdCode(g.checkId),
            g.specPointer ? mdCode(g.specPointer) : '',
            `${mdText(g.title)}${g.messages > 1 ? ` (${g.messages} different messages)` : ''}`,
            g.versions.map(mdText).join(', '),
            list(g.operations.map(mdCode)),
            exampleOf(g),
          ]),
        ['r'],
      ),
      ...more(violations.length - maxItems, 'violation groups'),
      '',
    );
  }

  const quirks = groupsOf(groups, 'known-quirk');
  out.push(`## Known quirks (${inGroups(quirks)})`, '');
  if (quirks.length === 0) out.push('None.', '');
  else {
    out.push(
      ...mdTable(
        ['Count', 'Quirk', 'Check', 'What Intercom does', 'Versions', 'Operations', 'Example', 'Source'],
        quirks
          .slice(0, maxItems)
          .map((g) => [
            String(g.count),
            mdCode(g.quirk?.id ?? ''),
            mdCode(g.checkId),
            mdText(g.title),
            g.versions.map(mdText).join(', '),
            list(g.operations.map(mdCode)),
            exampleOf(g),
            g.quirk?.source ? mdLink(cut(g.quirk.source, 80), g.quirk.source) : '',
          ]),
        ['r'],
      ),
      ...more(quirks.length - maxItems, 'known-quirk groups'),
      '',
    );
  }
  const notes = groupsOf(groups, 'conforms');
  if (notes.length > 0) {
    out.push(
      `## Notes (${inGroups(notes)})`,
      '',
      ...mdTable(
        ['Count', 'Check', 'What', 'Versions', 'Operations', 'Example'],
        notes
          .slice(0, maxItems)
          .map((g) => [
            String(g.count),
            mdCode(g.checkId),
            mdText(g.title),
            g.versions.map(mdText).join(', '),
            list(g.operations.map(mdCode)),
            exampleOf(g),
          ]),
        ['r'],
      ),
      ...more(notes.length - maxItems, 'note groups'),
      '',
    );
  }

  out.push('## Cross-version comparison', '');
  const comparison = comparisonView(run.runtimeDiff);
  if (run.runtimeDiff === undefined)
    out.push('Not compared: a comparison needs two or more API versions in one run.', '');
  else if (comparison.length === 0)
    out.push('No differences: the versions returned the same properties with the same types.', '');
  else {
    out.push(
      `What the versions returned for the same resources: ${plural(comparison.length, 'difference')}.`,
      '',
      ...mdTable(
        ['Versions', 'Operation', 'Path', 'Change', 'Types before', 'Types after', 'Seen in', 'For example'],
        comparison
          .slice(0, maxItems)
          .map((r) => [
            mdText(`${r.from} → ${r.to}`),
            mdCode(r.operation),
            mdCode(r.path),
            mdText(r.change),
            mdText(r.fromTypes),
            mdText(r.toTypes),
            String(r.count),
            r.examples[0] ? mdCode(r.examples[0]) : '',
          ]),
        ['l', 'l', 'l', 'l', 'l', 'l', 'r'],
      ),
      ...more(comparison.length - maxItems, 'differences'),
      '',
    );
  }

  const unfinished = run.results.filter((r) => r.outcome === 'error' || r.outcome === 'skip');
  if (unfinished.length > 0) {
    out.push(
      `## Errors and skips (${countOf(counts.error, 'error')}, ${countOf(counts.skip, 'skip')})`,
      '',
      ...mdTable(
        ['Version', 'Operation', 'Check', 'Status', 'Reason'],
        unfinished
          .slice(0, maxItems)
          .map((r) => [
            mdText(r.apiVersion),
            mdCode(r.operationId),
            mdCode(r.checkId),
            statusEntry(statusOf(r)).word,
            mdText(cut(r.reason ?? '', 200)),
          ]),
      ),
      ...more(unfinished.length - maxItems, 'entries'),
      '',
    );
  }

  out.push(`## Spec defects (${defectCount})`, '');
  if (defectCount === 0) out.push('None.', '');
  else {
    out.push('<details><summary>Defects of the descriptions themselves, per version</summary>', '');
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
              mdText(cut(d.message, 200)),
            ]),
        ),
        ...more(defects.length - maxItems, 'spec defects'),
        '',
      );
    }
    out.push('</details>', '');
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
          mdText(p.overflow),
          `${n(p.observedDefault)} / ${n(p.documentedDefault)}`,
          n(p.documentedMaximum),
        ]),
      ),
      '',
    );
  }
  return finish(capBytes(`${out.join('\n').trimEnd()}\n`, options.maxBytes ?? SUMMARY_MAX_BYTES), options);
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** Cuts the text at a line boundary so that it fits in `maxBytes` (UTF-8), saying so. */
function capBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const note = '\n…truncated to fit a pull-request comment (see report.html or conformance.json)\n';
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
