import type { RunResult } from '../model/result.ts';
import type { ComparisonRow } from './comparison.ts';
import type { FindingGroup } from './groups.ts';
import type { SchemaExcerptFn } from './schema-excerpt.ts';
import { visibleControls } from './visible.ts';

/** Pieces of `report.html`: escaping, the filter form, one group of findings. Every piece of data is escaped. */

/** HTML-escaped, with control bytes shown as `\u0000` (never raw in the page). */
export function escapeHtml(text: string): string {
  return visibleControls(text)
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

/** An identifier that must not wrap mid-word (operation ids, check ids). */
export function ident(text: string): string {
  return `<code class="id">${h(text)}</code>`;
}

/** A link only for http(s) URLs (never `javascript:` and the like); pointers as code, anything else as text. */
function link(text: string, href: string): string {
  if (href.startsWith('#/')) return code(href);
  if (!/^https?:\/\/[^\s"'<>]+$/.test(href)) return h(text);
  return `<a href="${h(href)}" rel="noopener noreferrer" target="_blank">${h(text)}</a>`;
}

/** JSON for a `<script type="application/json">` block: nothing in it can close the element or open markup. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const CLASS_LABEL = { violation: 'violation', 'known-quirk': 'known quirk', conforms: 'note' } as const;

export function filters(run: RunResult, groups: FindingGroup[]): string {
  const versions = [...new Set(run.results.map((r) => r.apiVersion))];
  const operations = [...new Set(run.results.map((r) => r.operationId))].sort((a, b) => a.localeCompare(b));
  const present = (['violation', 'known-quirk', 'conforms'] as const).filter(
    (c) => c !== 'conforms' || groups.some((g) => g.classification === c),
  );
  const box = (name: string, value: string, label: string) =>
    `<label><input type="checkbox" name="${name}" value="${h(value)}" checked> ${label}</label>`;
  return [
    '<form id="filters" class="filters" autocomplete="off">',
    `<fieldset id="filter-version"><legend>Version</legend>${versions.map((v) => box('version', v, h(v))).join('')}</fieldset>`,
    `<fieldset id="filter-operation"><legend>Operation</legend>${operations.map((o) => box('operation', o, ident(o))).join('')}</fieldset>`,
    `<fieldset id="filter-classification"><legend>Classification</legend>${present.map((c) => box('classification', c, `${h(CLASS_LABEL[c])} (${groups.filter((g) => g.classification === c).length})`)).join('')}</fieldset>`,
    '<div><button type="reset">Show all</button></div>',
    '</form>',
  ].join('\n');
}

/**
 * One group as a `<details>` whose summary is the whole story on one line (count, check, pointer or quirk,
 * versions, operations, one example); the instances are rendered by the page's script when it is opened, from
 * the JSON block (`index` is the group's place in it).
 */
export function groupDetails(
  g: FindingGroup,
  index: number,
  excerptOf: SchemaExcerptFn | undefined,
  excerptVersions: readonly string[],
): string {
  const what =
    g.classification === 'known-quirk' && g.quirk
      ? ident(g.quirk.id)
      : g.specPointer
        ? code(g.specPointer)
        : '';
  const ex = g.example;
  const example = [
    ex.value ? code(shorten(ex.value, 80)) : '',
    ex.path ? `at ${code(ex.path)}` : '',
    ex.request ? `from ${code(ex.request)}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const summary = [
    `<span class="badge ${g.classification}">${h(CLASS_LABEL[g.classification])}</span>`,
    `<span class="count">${g.count}×</span>`,
    ident(g.checkId),
    what,
    `<span class="title">${h(g.title)}${g.messages > 1 && !g.quirk ? ` <span class="muted">(${g.messages} different messages)</span>` : ''}</span>`,
    `<span class="where">${h(g.versions.join(', '))} · ${g.operations.map(ident).join(', ')}</span>`,
    example ? `<span class="example">e.g. ${example}</span>` : '',
  ].filter(Boolean);
  const body: string[] = [];
  if (g.quirk) {
    body.push(
      `<p class="quirk">${g.classification === 'known-quirk' ? 'Known quirk' : 'Quirk'} ${ident(g.quirk.id)}: ${h(g.quirk.summary)}${g.quirk.source ? ` <span class="muted">source:</span> ${link(g.quirk.source, g.quirk.source)}` : ''}</p>`,
    );
  }
  if (g.specPointer) {
    for (const version of excerptVersions) {
      let excerpt: unknown;
      try {
        excerpt = excerptOf?.(version, g.specPointer);
      } catch {
        excerpt = undefined;
      }
      body.push(
        `<div class="excerpt-of">Schema ${code(g.specPointer)} in ${h(version)}:</div>`,
        excerpt === undefined
          ? '<p class="muted">not available (no generated artifacts for this version or pointer)</p>'
          : `<pre class="excerpt">${h(prettyLines(excerpt, 30))}</pre>`,
      );
    }
  }
  return [
    `<details class="group ${g.classification}" id="group-${index}" data-group="${index}" data-filterable data-versions="${h(g.versions.join(' '))}" data-operations="${h(g.operations.join(' '))}" data-classification="${g.classification}">`,
    `<summary>${summary.join(' ')}</summary>`,
    `<div class="group-body">${body.join('\n')}<div class="instances" data-count="${g.count}"></div></div>`,
    '</details>',
  ].join('\n');
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

function prettyLines(value: unknown, maxLines: number): string {
  const lines = (JSON.stringify(value, null, 2) ?? String(value)).split('\n');
  if (lines.length <= maxLines) return lines.join('\n');
  return `${lines.slice(0, maxLines).join('\n')}\n… (${lines.length - maxLines} more lines)`;
}

/** The cross-version comparison table (see `comparisonView`). */
export function comparisonTable(rows: ComparisonRow[], maxExamples = 3): string {
  const body = rows.map((r) => {
    const shown = r.examples.slice(0, maxExamples).map(code).join('<br>');
    const rest =
      r.examples.length > maxExamples
        ? `<br><span class="muted">…and ${r.examples.length - maxExamples} more</span>`
        : '';
    return `<tr><td>${h(`${r.from} → ${r.to}`)}</td><td>${ident(r.operation)}</td><td>${code(r.path)}</td><td>${h(r.change)}</td><td>${h(r.fromTypes)}</td><td>${h(r.toTypes)}</td><td class="n">${r.count}</td><td>${shown}${rest}</td></tr>`;
  });
  return `<table class="comparison"><thead><tr><th>Versions</th><th>Operation</th><th>Path</th><th>Change</th><th>Types before</th><th>Types after</th><th>Seen in</th><th>Resources</th></tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}
