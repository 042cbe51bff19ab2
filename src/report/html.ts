import { createHash } from 'node:crypto';
import { type RunResult, verdictOf } from '../model/result.ts';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.ts';
import { code, filters, findingArticle, h, link } from './html-parts.ts';
import {
  allFindings,
  finish,
  place,
  plural,
  prepare,
  type RenderOptions,
  shortCommit,
  tallyQuirks,
} from './prepare.ts';
import type { SchemaExcerptFn } from './schema-excerpt.ts';

export interface HtmlOptions extends RenderOptions {
  /** Looks up the schema a finding broke (see `artifactSchemaExcerpt`); without it, no excerpt is shown. */
  schemaExcerpt?: SchemaExcerptFn;
}

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * `report.html`: one self-contained page (inline CSS and JS allowed by hash only, no network, no external
 * assets): run metadata, the matrix, findings filterable by version / operation / classification, each with its
 * path, redacted value, the schema excerpt it broke and the quirk provenance; then results, spec defects,
 * coverage and per_page behaviour. Every piece of data is HTML-escaped.
 */
export function renderHtml(result: RunResult, options: HtmlOptions = {}): string {
  const run = prepare(result, options);
  const m = run.run;
  const findings = allFindings(run);
  const violations = findings.filter(({ finding }) => finding.classification === 'violation');
  const quirks = tallyQuirks(run);
  const defectCount = Object.values(run.specDefects).reduce((n, list) => n + list.length, 0);
  const title = `Intercom API conformance — ${m.target} — ${m.apiVersions.join(', ')}`;
  const body: string[] = [];

  body.push('<header class="page">', `<h1>${h(title)}</h1>`);
  const violatingOps = new Set(violations.map(({ result: r }) => place(r)));
  const quirkCount = quirks.reduce((n, q) => n + q.count, 0);
  body.push(
    violations.length > 0
      ? `<p class="verdict violation" id="verdict">${h(`${plural(violations.length, 'violation')} in ${plural(violatingOps.size, 'operation')} · ${plural(quirkCount, 'known quirk')} · ${plural(defectCount, 'spec defect')}`)}</p>`
      : `<p class="verdict conforms" id="verdict">${h(`No violations · ${plural(quirkCount, 'known quirk')} · ${plural(defectCount, 'spec defect')}`)}</p>`,
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
    ['Requests', h(String(m.requestCount))],
    ['Values', m.redacted ? 'redacted (customer data masked)' : '<strong>not redacted</strong>'],
    ...(m.shards !== undefined ? [['Shards merged', h(String(m.shards))] as [string, string]] : []),
    ...Object.entries(run.specs).map(
      ([v, pin]) =>
        [
          `Spec ${h(v)}`,
          `${h(pin.repository)}@${code(shortCommit(pin.commit))} ${code(pin.path)} sha256 ${code(pin.sha256)}`,
        ] as [string, string],
    ),
  ];
  body.push(
    '<dl class="meta">',
    ...meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`),
    '</dl>',
    '</header>',
    '<main>',
  );

  body.push('<section id="matrix"><h2>Matrix</h2>');
  const matrixRows = Object.entries(run.matrix).flatMap(([version, ops]) =>
    Object.entries(ops).map(([op, c]) => {
      const n = (value: number, cls = '') =>
        `<td class="n${value === 0 ? ' zero' : cls ? ` ${cls}` : ''}">${value}</td>`;
      return `<tr data-version="${h(version)}" data-operation="${h(op)}"><td>${h(version)}</td><td>${code(op)}</td>${n(c.pass)}${n(c.fail, 'bad')}${n(c.error, 'warn')}${n(c.skip)}${n(c.violation, 'bad')}${n(c.knownQuirk, 'warn')}</tr>`;
    }),
  );
  body.push(
    matrixRows.length === 0
      ? '<p class="muted">No checks ran.</p>'
      : `<table class="matrix"><thead><tr><th>Version</th><th>Operation</th><th>pass</th><th>fail</th><th>error</th><th>skip</th><th>violations</th><th>known quirks</th></tr></thead><tbody>\n${matrixRows.join('\n')}\n</tbody></table>`,
    '</section>',
  );

  body.push(
    '<section id="findings"><h2>Findings</h2>',
    filters(
      run,
      findings.map((x) => x.finding),
    ),
  );
  body.push(
    `<p id="filter-status" aria-live="polite">Showing ${findings.length} of ${findings.length} findings</p>`,
  );
  body.push('<div id="finding-list">');
  findings.forEach(({ result: r, finding: f }, i) => {
    body.push(findingArticle(r, f, i + 1, options.schemaExcerpt));
  });
  if (findings.length === 0) body.push('<p class="muted">No findings.</p>');
  body.push('</div></section>');

  body.push('<section id="quirks"><h2>Known quirks</h2>');
  body.push(
    quirks.length === 0
      ? '<p class="muted">None.</p>'
      : `<table><thead><tr><th>Quirk</th><th>Count</th><th>Where</th><th>Summary</th><th>Source</th></tr></thead><tbody>\n${quirks
          .map(
            (q) =>
              `<tr><td>${code(q.quirk.id)}</td><td class="n">${q.count}</td><td>${h(q.places.join(', '))}</td><td>${h(q.quirk.summary)}</td><td>${link(q.quirk.source, q.quirk.source)}</td></tr>`,
          )
          .join('\n')}\n</tbody></table>`,
    '</section>',
  );

  body.push('<section id="results"><h2>Results</h2>');
  body.push(
    `<table class="results"><thead><tr><th>Version</th><th>Operation</th><th>Check</th><th>Outcome</th><th>Findings</th><th>Reason</th></tr></thead><tbody>\n${run.results
      .map(
        (r) =>
          `<tr class="result" data-filterable data-version="${h(r.apiVersion)}" data-operation="${h(r.operationId)}" data-classification="${verdictOf(r.findings)}"><td>${h(r.apiVersion)}</td><td>${code(r.operationId)}</td><td>${code(r.checkId)}</td><td><span class="badge ${r.outcome}">${r.outcome}</span></td><td class="n">${r.findings.length}</td><td>${h(r.reason ?? '')}</td></tr>`,
      )
      .join('\n')}\n</tbody></table>`,
    '</section>',
  );

  body.push(`<section id="spec-defects"><h2>Spec defects (${defectCount})</h2>`);
  if (defectCount === 0) body.push('<p class="muted">None.</p>');
  for (const [version, defects] of Object.entries(run.specDefects)) {
    if (defects.length === 0) continue;
    body.push(
      `<h3>${h(version)}</h3><table><thead><tr><th>Kind</th><th>Pointer</th><th>Operations</th><th>Message</th></tr></thead><tbody>\n${defects
        .map(
          (d) =>
            `<tr><td>${code(d.kind)}</td><td>${code(d.pointer)}</td><td>${(d.operations ?? []).map(code).join(' ')}</td><td>${h(d.message)}</td></tr>`,
        )
        .join('\n')}\n</tbody></table>`,
    );
  }
  body.push('</section>');

  const coverage = Object.entries(run.coverage).flatMap(([version, ops]) =>
    Object.entries(ops).map(([op, c]) => ({ version, op, c })),
  );
  if (coverage.length > 0) {
    body.push(
      '<section id="coverage"><h2>Schema coverage</h2>',
      `<table><thead><tr><th>Version</th><th>Operation</th><th>Observed / described</th><th>Never observed</th><th>Undocumented properties</th></tr></thead><tbody>\n${coverage
        .map(
          ({ version, op, c }) =>
            `<tr><td>${h(version)}</td><td>${code(op)}</td><td class="n">${c.observedCount} / ${c.describedCount}</td><td>${pointerList(c.unobserved)}</td><td>${pointerList(c.undocumented)}</td></tr>`,
        )
        .join('\n')}\n</tbody></table>`,
      '</section>',
    );
  }

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
    '</main>',
    `<footer>${h(`${m.kit.name} ${m.kit.version}`)} · result schema v${run.schemaVersion} · ${m.redacted ? 'values redacted' : 'values not redacted'}</footer>`,
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
