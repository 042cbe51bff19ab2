import type { CheckResult, Finding, RunResult } from '../model/result.ts';
import { compactJson, locationOf, place, prettyJson } from './prepare.ts';
import type { SchemaExcerptFn } from './schema-excerpt.ts';

/** Pieces of `report.html`: escaping, the filter form and one finding. Every piece of data is escaped. */

const CLASSIFICATIONS = ['violation', 'known-quirk', 'conforms'] as const;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const h = escapeHtml;

export function code(text: string): string {
  return `<code>${h(text)}</code>`;
}

/** A link only for http(s) URLs (never `javascript:` and the like); pointers as code, anything else as text. */
export function link(text: string, href: string): string {
  if (href.startsWith('#/')) return code(href);
  if (!/^https?:\/\/[^\s"'<>]+$/.test(href)) return h(text);
  return `<a href="${h(href)}" rel="noopener noreferrer" target="_blank">${h(text)}</a>`;
}

export function filters(run: RunResult, findings: Finding[]): string {
  const versions = [...new Set(run.results.map((r) => r.apiVersion))];
  const operations = [...new Set(run.results.map((r) => r.operationId))].sort((a, b) => a.localeCompare(b));
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.classification, (counts.get(f.classification) ?? 0) + 1);
  const box = (name: string, value: string, label: string) =>
    `<label><input type="checkbox" name="${name}" value="${h(value)}" checked> ${label}</label>`;
  return [
    '<form id="filters" class="filters" autocomplete="off">',
    `<fieldset id="filter-version"><legend>Version</legend>${versions.map((v) => box('version', v, h(v))).join('')}</fieldset>`,
    `<fieldset id="filter-operation"><legend>Operation</legend>${operations.map((o) => box('operation', o, code(o))).join('')}</fieldset>`,
    `<fieldset id="filter-classification"><legend>Classification</legend>${CLASSIFICATIONS.map((c) => box('classification', c, `${h(c)} (${counts.get(c) ?? 0})`)).join('')}</fieldset>`,
    '<div><button type="reset">Show all</button></div>',
    '</form>',
  ].join('\n');
}

export function findingArticle(
  r: CheckResult,
  f: Finding,
  n: number,
  excerptOf: SchemaExcerptFn | undefined,
): string {
  const rows: Array<[string, string]> = [];
  const location = locationOf(f);
  if (location) rows.push(['Path', code(location)]);
  if (f.keyword)
    rows.push(['Keyword', `${code(f.keyword)}${f.params ? ` ${code(compactJson(f.params, 300))}` : ''}`]);
  else if (f.params) rows.push(['Params', code(compactJson(f.params, 300))]);
  if (f.value !== undefined) rows.push(['Value', `<pre class="value">${h(prettyJson(f.value, 20))}</pre>`]);
  if (f.specPointer) rows.push(['Spec pointer', code(f.specPointer)]);
  if (f.schemaPath) rows.push(['Schema path', code(f.schemaPath)]);
  if (f.request) {
    rows.push([
      'Request',
      code(`${f.request.method} ${f.request.url}${f.request.status ? ` → ${f.request.status}` : ''}`),
    ]);
  }
  if (f.quirk) {
    rows.push([
      'Quirk',
      `${code(f.quirk.id)} ${h(f.quirk.summary)}${f.quirk.source ? `<br><span class="muted">source:</span> ${link(f.quirk.source, f.quirk.source)}` : ''}`,
    ]);
  }
  if (f.specPointer) {
    let excerpt: unknown;
    try {
      excerpt = excerptOf?.(r.apiVersion, f.specPointer);
    } catch {
      excerpt = undefined;
    }
    rows.push([
      'Schema excerpt',
      excerpt === undefined
        ? '<span class="muted">not available (no generated artifacts for this version or pointer)</span>'
        : `<pre class="excerpt">${h(prettyJson(excerpt, 30))}</pre>`,
    ]);
  }
  return [
    `<article class="finding ${f.classification}" id="finding-${n}" data-filterable data-version="${h(r.apiVersion)}" data-operation="${h(r.operationId)}" data-classification="${f.classification}">`,
    `<h3><span class="badge ${f.classification}">${f.classification}</span> ${code(f.checkId)} <span class="muted">${h(place(r))} · ${h(f.severity)}</span></h3>`,
    `<p class="message">${h(f.message)}</p>`,
    `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`,
    '</article>',
  ].join('\n');
}
