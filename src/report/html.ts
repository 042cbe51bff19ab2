import { createHash } from 'node:crypto';
import type { RunResult } from '../model/result.ts';
import { comparisonView } from './comparison.ts';
import { type FindingGroup, findingCount, groupFindings, groupsOf } from './groups.ts';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.ts';
import { code, comparisonTable, filters, groupDetails, h, ident, scriptJson } from './html-parts.ts';
import { finish, plural, prepare, type RenderOptions, shortCommit } from './prepare.ts';
import type { SchemaExcerptFn } from './schema-excerpt.ts';
import { countStatuses, countsText, matrixRows, STATUSES, statusEntry, statusOf } from './vocabulary.ts';
import { writeRows } from './writes.ts';

export interface HtmlOptions extends RenderOptions {
  /** Looks up the schema a finding broke (see `artifactSchemaExcerpt`); without it, no excerpt is shown. */
  schemaExcerpt?: SchemaExcerptFn;
}

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const GROUP_HEADINGS: Array<[FindingGroup['classification'], string]> = [
  ['violation', 'Violations'],
  ['known-quirk', 'Known quirks'],
  ['conforms', 'Notes'],
];

/**
 * `report.html`: one self-contained page (inline CSS and JS allowed by hash only, no network, no external
 * assets). It opens on the verdict, the matrix and the findings in groups (one line each: count, check, spec
 * pointer or quirk, versions, operations, one example); a group's instances are rendered from a JSON block when
 * it is opened, so that the page stays light. Then the cross-version comparison, per_page behaviour, and (folded)
 * every result, the spec defects and coverage. Every piece of data is HTML-escaped, control bytes made visible.
 */
export function renderHtml(result: RunResult, options: HtmlOptions = {}): string {
  const run = prepare(result, options);
  const m = run.run;
  const groups = groupFindings(run);
  const counts = countStatuses(run.results);
  const defectCount = Object.values(run.specDefects).reduce((n, list) => n + list.length, 0);
  const title = `Intercom API conformance — ${m.target} — ${m.apiVersions.join(', ')}`;
  const body: string[] = [];

  body.push('<header class="page">', `<h1>${h(title)}</h1>`);
  const tone = counts.violation > 0 ? 'violation' : counts.error > 0 ? 'error' : 'conforms';
  body.push(`<p class="verdict ${tone}" id="verdict">${h(countsText(counts))}</p>`);
  const byClass = (c: FindingGroup['classification'], what: string) => {
    const list = groupsOf(groups, c);
    return `${plural(findingCount(list), `${what} finding`)} in ${plural(list.length, 'group')}`;
  };
  body.push(
    `<p class="subline" id="subline">${h(`${byClass('violation', 'violation')} · ${byClass('known-quirk', 'known-quirk')} · ${plural(defectCount, 'spec defect')} · ${plural(m.requestCount, 'request')}`)}</p>`,
  );
  if (!m.redacted)
    body.push('<p class="banner">Values are NOT redacted (--no-redact): for private debugging only.</p>');
  if (m.partial)
    body.push('<p class="banner">Partial run: the run was interrupted; results are incomplete.</p>');
  const meta: Array<[string, string]> = [
    ['Kit', h(`${m.kit.name} ${m.kit.version}`)],
    ['Target', h(m.target)],
    ...(m.scenario !== undefined ? [['Scenario', code(m.scenario)] as [string, string]] : []),
    ...(m.seed !== undefined ? [['Seed', h(String(m.seed))] as [string, string]] : []),
    ['API versions', h(m.apiVersions.join(', '))],
    ['Started', h(m.startedAt)],
    ['Finished', h(m.finishedAt)],
    ['Values', m.redacted ? 'redacted (customer data masked)' : '<strong>not redacted</strong>'],
    ...(m.shards !== undefined ? [['Shards merged', h(String(m.shards))] as [string, string]] : []),
    ...Object.entries(run.specs).map(
      ([v, pin]) =>
        [
          `Spec ${h(v)}`,
          `${h(pin.repository)}@${code(shortCommit(pin.commit))} ${code(pin.path)} sha256 ${code(pin.sha256.slice(0, 16))}…`,
        ] as [string, string],
    ),
  ];
  body.push(
    '<details class="meta"><summary>Run details</summary><dl class="meta">',
    ...meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`),
    '</dl></details>',
    '</header>',
    '<main>',
  );

  body.push('<section id="matrix"><h2>Matrix</h2>');
  const tones: Record<string, string> = {
    violation: 'bad',
    'known-quirk': 'warn',
    error: 'bad',
    skip: '',
    pass: '',
  };
  const rows = matrixRows(run.results).map(({ version, operation: op, counts: c, findings }) => {
    const n = (value: number, cls = '') =>
      `<td class="n${value === 0 ? ' zero' : cls ? ` ${cls}` : ''}">${value}</td>`;
    return `<tr data-version="${h(version)}" data-operation="${h(op)}"><td>${h(version)}</td><td>${ident(op)}</td>${STATUSES.map((s) => n(c[s], tones[s])).join('')}${n(findings)}</tr>`;
  });
  body.push(
    rows.length === 0
      ? '<p class="muted">No checks ran.</p>'
      : `<table class="matrix"><thead><tr><th>Version</th><th>Operation</th>${STATUSES.map((s) => `<th>${h(statusEntry(s).plural)}</th>`).join('')}<th>findings</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
    '<p class="muted legend">Checks per operation in each status; a check counts once whatever its number of findings.</p>',
    '</section>',
  );
  const writes = writeRows(run.results);
  if (writes.length > 0)
    body.push(
      '<section id="writes"><h2>Writes to the workspace</h2>',
      `<table class="writes"><thead><tr><th>Version</th><th>Round trip</th><th>Conversation</th><th>Wrote</th><th>Left</th></tr></thead><tbody>\n${writes
        .map(
          (w) =>
            `<tr${w.leftover ? ' class="leftover"' : ''}><td>${h(w.version)}</td><td>${h(w.trip)}</td><td>${w.conversationId ? code(w.conversationId) : '–'}</td><td>${h(w.wrote)}</td><td>${w.leftover ? `<strong>${h(w.left)}</strong>` : h(w.left)}</td></tr>`,
        )
        .join('\n')}\n</tbody></table>`,
      '</section>',
    );

  body.push('<section id="findings"><h2>Findings</h2>', filters(run, groups));
  body.push(
    `<p id="filter-status" aria-live="polite">Showing ${groups.length} of ${groups.length} groups</p>`,
  );
  if (groups.length === 0) body.push('<p class="muted">No findings.</p>');
  const versionsRun = Object.keys(run.specs).length > 0 ? Object.keys(run.specs) : m.apiVersions;
  groups.forEach((g, i) => {
    const previous = groups[i - 1];
    if (previous?.classification !== g.classification) {
      if (previous) body.push('</div>');
      const list = groupsOf(groups, g.classification);
      const heading = GROUP_HEADINGS.find(([c]) => c === g.classification)![1];
      body.push(
        `<h3 class="group-heading ${g.classification}">${h(`${heading}: ${plural(list.length, 'group')}, ${plural(findingCount(list), 'finding')}`)}</h3>`,
        `<div class="groups ${g.classification}">`,
      );
    }
    body.push(
      groupDetails(
        g,
        i,
        options.schemaExcerpt,
        versionsRun.filter((v) => g.versions.includes(v)),
      ),
    );
  });
  if (groups.length > 0) body.push('</div>');
  body.push('</section>');

  const comparison = comparisonView(run.runtimeDiff);
  body.push('<section id="comparison"><h2>Cross-version comparison</h2>');
  if (run.runtimeDiff === undefined)
    body.push('<p class="muted">Not compared: a comparison needs two or more API versions in one run.</p>');
  else if (comparison.length === 0)
    body.push(
      '<p>No differences: the versions returned the same properties with the same types for the same resources.</p>',
    );
  else
    body.push(
      `<p>${h(plural(comparison.length, 'difference'))} between what the versions returned for the same resources (property present in one version only, or another JSON type).</p>`,
      comparisonTable(comparison),
    );
  body.push('</section>');

  const perPage = Object.entries(run.perPage);
  if (perPage.length > 0) {
    const n = (v: number | undefined) => (v === undefined ? '–' : String(v));
    body.push(
      '<section id="per-page"><h2>per_page behaviour</h2>',
      `<table><thead><tr><th>Version</th><th>per_page above maximum</th><th>Default observed</th><th>Default documented</th><th>Maximum documented</th></tr></thead><tbody>\n${perPage
        .map(
          ([version, p]) =>
            `<tr><td>${h(version)}</td><td>${h(p.overflow)}</td><td class="n">${n(p.observedDefault)}</td><td class="n">${n(p.documentedDefault)}</td><td class="n">${n(p.documentedMaximum)}</td></tr>`,
        )
        .join('\n')}\n</tbody></table>`,
      '</section>',
    );
  }

  body.push(
    `<section id="results"><details><summary><h2>Results (${h(plural(run.results.length, 'check'))}: ${h(countsText(counts))})</h2></summary>`,
  );
  body.push(
    `<table class="results"><thead><tr><th>Version</th><th>Operation</th><th>Check</th><th>Status</th><th>Findings</th><th>Reason</th></tr></thead><tbody>\n${run.results
      .map((r) => {
        const s = statusOf(r);
        return `<tr class="result" data-version="${h(r.apiVersion)}" data-operation="${h(r.operationId)}"><td>${h(r.apiVersion)}</td><td>${ident(r.operationId)}</td><td>${ident(r.checkId)}</td><td><span class="badge ${s}">${h(statusEntry(s).word)}</span></td><td class="n">${r.findings.length}</td><td>${h(r.reason ?? '')}</td></tr>`;
      })
      .join('\n')}\n</tbody></table>`,
    '</details></section>',
  );

  body.push(`<section id="spec-defects"><details><summary><h2>Spec defects (${defectCount})</h2></summary>`);
  if (defectCount === 0) body.push('<p class="muted">None.</p>');
  for (const [version, defects] of Object.entries(run.specDefects)) {
    if (defects.length === 0) continue;
    body.push(
      `<h3>${h(version)}</h3><table><thead><tr><th>Kind</th><th>Pointer</th><th>Operations</th><th>Message</th></tr></thead><tbody>\n${defects
        .map(
          (d) =>
            `<tr><td>${code(d.kind)}</td><td>${code(d.pointer)}</td><td>${(d.operations ?? []).map(ident).join(' ')}</td><td>${h(d.message)}</td></tr>`,
        )
        .join('\n')}\n</tbody></table>`,
    );
  }
  body.push('</details></section>');

  const coverage = Object.entries(run.coverage).flatMap(([version, ops]) =>
    Object.entries(ops).map(([op, c]) => ({ version, op, c })),
  );
  if (coverage.length > 0) {
    body.push(
      '<section id="coverage"><details><summary><h2>Schema coverage</h2></summary>',
      `<table><thead><tr><th>Version</th><th>Operation</th><th>Observed / described</th><th>Never observed</th><th>Undocumented properties</th></tr></thead><tbody>\n${coverage
        .map(
          ({ version, op, c }) =>
            `<tr><td>${h(version)}</td><td>${ident(op)}</td><td class="n">${c.observedCount} / ${c.describedCount}</td><td>${pointerList(c.unobserved)}</td><td>${pointerList(c.undocumented)}</td></tr>`,
        )
        .join('\n')}\n</tbody></table>`,
      '</details></section>',
    );
  }
  body.push(
    '</main>',
    `<footer>${h(`${m.kit.name} ${m.kit.version}`)} · result schema v${run.schemaVersion} · ${m.redacted ? 'values redacted' : 'values not redacted'}</footer>`,
  );
  // The instances of every group, rendered on demand by the script (as text, never as markup).
  const instances = groups.map((g) =>
    g.instances.map((x) => [x.version, x.operation, x.path, x.value, x.request, x.message]),
  );

  const csp = `default-src 'none'; style-src ${cspHash(HTML_STYLE)}; script-src ${cspHash(HTML_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const page = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${h(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script type="application/json" id="instances">${scriptJson(instances)}</script>`,
    `<script>${HTML_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return finish(page, options);
}

function pointerList(list: string[], max = 8): string {
  if (list.length === 0) return '<span class="muted">–</span>';
  const shown = list.slice(0, max).map(code).join('<br>');
  return list.length > max ? `${shown}<br><span class="muted">…and ${list.length - max} more</span>` : shown;
}
