import { renderQuirks, renderWhere } from '../diff/messages.ts';
import { renderCounts } from '../diff/render/text.ts';
import { renderMappings, renderRuntimeDifference } from '../diff/runtime.ts';
import { escapeHtml } from '../report/html-parts.ts';
import type { GuideChange, GuideEntry, Observation, UpgradeGuide } from './guide.ts';

/** One line for an observation: the old → new values with counts, or what differed in how many resources. */
function observationLine(o: Observation): string {
  const where = `${o.operationId} ${o.path === '' ? '(root)' : o.path}`;
  const n = `${o.count} ${o.count === 1 ? 'resource' : 'resources'}`;
  if (o.kind === 'values-differ') return `${where}: ${renderMappings(o)} — ${n}`;
  return `${o.operationId} ${renderRuntimeDifference(o)}`.replace(/ — \d+ payload pairs?$/, ` — ${n}`);
}

const seen = (g: UpgradeGuide) =>
  Object.entries(g.paired)
    .map(([op, n]) => `${op} ${n}`)
    .join(', ') || 'nothing observed';

/** `search not observed: 2.10: POST /conversations/search answered 404`, when a version gave no search answer. */
function searchLine(g: UpgradeGuide): string | undefined {
  const entries = Object.entries(g.searchNotObserved ?? {});
  if (entries.length === 0) return undefined;
  return `search not observed: ${entries.map(([v, why]) => `${v}: ${why}`).join('; ')}`;
}

function heading(g: UpgradeGuide): string {
  return `upgrade ${g.from} → ${g.to} (target ${g.target}${g.partial ? ', partial' : ''}): ${renderCounts(g.counts)}`;
}

function textChange(c: GuideChange, indent: string): string[] {
  return [
    `${indent}${c.operationId}  ${c.ruleId}: ${c.message}  [${renderWhere(c)}]`,
    `${indent}  why: ${c.reason}`,
    ...renderQuirks(c).map((q) => `${indent}  ↳ ${q}`),
  ];
}

function textEntries(title: string, entries: GuideEntry[]): string[] {
  if (entries.length === 0) return [];
  const out = ['', `${title} (${entries.length})`];
  for (const e of entries) {
    out.push(...textChange(e.change, '  '));
    for (const o of e.observed) out.push(`    observed: ${observationLine(o)}`);
    if (e.observed.length === 0) out.push('    observed: nothing at this place in the compared resources');
  }
  return out;
}

/** Plain text: what breaks running clients first, static change and runtime observation side by side. */
export function renderGuideText(g: UpgradeGuide): string {
  const out = [heading(g), `  compared under both versions: ${seen(g)}; ${g.requests} requests`];
  const search = searchLine(g);
  if (search) out.push(`  ${search}`);
  out.push(...textEntries('BREAKS RUNNING CLIENTS', g.breaking));
  out.push(...textEntries('MAY BREAK (warnings)', g.warnings));
  if (g.unexplained.length > 0) {
    out.push('', `OBSERVED, NOT IN THE DESCRIPTIONS (${g.unexplained.length})`);
    for (const o of g.unexplained) out.push(`  ${observationLine(o)}`);
  }
  if (g.typeOnly.length > 0) {
    out.push('', `TYPE-ONLY: regenerate your types (${g.typeOnly.length})`);
    for (const c of g.typeOnly) out.push(...textChange(c, '  '));
  }
  if (g.info.length > 0) out.push('', `INFO: harmless on the wire (${g.info.length})`);
  if (g.artefacts.length > 0)
    out.push('', `ARTEFACTS of the descriptions, not the API (${g.artefacts.length}; see --format json)`);
  out.push('', 'QUIRKS');
  out.push(`  resolved by the move: ${g.quirks.resolved.map((q) => q.quirkId).join(', ') || 'none'}`);
  out.push(`  introduced by the move: ${g.quirks.introduced.map((q) => q.quirkId).join(', ') || 'none'}`);
  return `${out.join('\n')}\n`;
}

const md = (t: string) => t.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function mdEntries(title: string, entries: GuideEntry[]): string[] {
  if (entries.length === 0) return [];
  const rows = entries.map(
    (e) =>
      `| ${md(e.change.operationId)} | ${md(e.change.message)}<br><i>${md(e.change.reason)}</i> | ${
        e.observed.map((o) => md(observationLine(o))).join('<br>') || '—'
      } |`,
  );
  return [
    '',
    `## ${title} (${entries.length})`,
    '',
    '| Operation | Change (static) | Observed (runtime) |',
    '|---|---|---|',
    ...rows,
  ];
}

function mdList(title: string, changes: GuideChange[], collapsed: boolean): string[] {
  if (changes.length === 0) return [];
  const items = changes.map((c) => `- ${md(c.operationId)}: ${md(c.message)} — <i>${md(c.reason)}</i>`);
  return collapsed
    ? ['', `<details><summary>${title} (${changes.length})</summary>`, '', ...items, '', '</details>']
    : ['', `## ${title} (${changes.length})`, '', ...items];
}

/** Markdown for a pull request. */
export function renderGuideMarkdown(g: UpgradeGuide): string {
  const out = [
    `# Upgrade ${g.from} → ${g.to}`,
    '',
    `${renderCounts(g.counts)}. Compared under both versions (${g.target}): ${seen(g)}.`,
  ];
  const search = searchLine(g);
  if (search) out.push('', `_${md(search)}_`);
  out.push(...mdEntries('Breaks running clients', g.breaking));
  out.push(...mdEntries('May break', g.warnings));
  if (g.unexplained.length > 0)
    out.push(
      '',
      `## Observed, not in the descriptions (${g.unexplained.length})`,
      '',
      ...g.unexplained.map((o) => `- ${md(observationLine(o))}`),
    );
  out.push(...mdList('Type-only: regenerate your types', g.typeOnly, false));
  out.push(...mdList('Harmless on the wire', g.info, true));
  out.push(...mdList('Artefacts of the descriptions', g.artefacts, true));
  out.push(
    '',
    '## Quirks',
    '',
    `- resolved by the move: ${g.quirks.resolved.map((q) => `\`${q.quirkId}\``).join(', ') || 'none'}`,
    `- introduced by the move: ${g.quirks.introduced.map((q) => `\`${q.quirkId}\``).join(', ') || 'none'}`,
  );
  return `${out.join('\n')}\n`;
}

function htmlEntries(title: string, entries: GuideEntry[]): string {
  if (entries.length === 0) return '';
  const rows = entries
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.change.operationId)}</td><td>${escapeHtml(e.change.message)}<br><small>${escapeHtml(e.change.reason)}</small></td><td>${
          e.observed.map((o) => escapeHtml(observationLine(o))).join('<br>') || '—'
        }</td></tr>`,
    )
    .join('');
  return `<h2>${escapeHtml(title)} (${entries.length})</h2><table><thead><tr><th>Operation</th><th>Change (static)</th><th>Observed (runtime)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function htmlList(title: string, changes: GuideChange[], open: boolean): string {
  if (changes.length === 0) return '';
  const items = changes
    .map(
      (c) =>
        `<li>${escapeHtml(c.operationId)}: ${escapeHtml(c.message)} — <small>${escapeHtml(c.reason)}</small></li>`,
    )
    .join('');
  return `<details${open ? ' open' : ''}><summary>${escapeHtml(title)} (${changes.length})</summary><ul>${items}</ul></details>`;
}

/** One self-contained HTML page (no external assets, no script). */
export function renderGuideHtml(g: UpgradeGuide): string {
  const title = `Upgrade ${g.from} → ${g.to}`;
  const unexplained =
    g.unexplained.length > 0
      ? `<h2>Observed, not in the descriptions (${g.unexplained.length})</h2><ul>${g.unexplained.map((o) => `<li>${escapeHtml(observationLine(o))}</li>`).join('')}</ul>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:75em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}small{color:#555}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(renderCounts(g.counts))}. Compared under both versions (${escapeHtml(g.target)}): ${escapeHtml(seen(g))}.${searchLine(g) ? `<br><small>${escapeHtml(searchLine(g)!)}</small>` : ''}</p>
${htmlEntries('Breaks running clients', g.breaking)}${htmlEntries('May break', g.warnings)}${unexplained}${htmlList('Type-only: regenerate your types', g.typeOnly, true)}${htmlList('Harmless on the wire', g.info, false)}${htmlList('Artefacts of the descriptions', g.artefacts, false)}
<h2>Quirks</h2><p>Resolved by the move: ${escapeHtml(g.quirks.resolved.map((q) => q.quirkId).join(', ') || 'none')}<br>Introduced by the move: ${escapeHtml(g.quirks.introduced.map((q) => q.quirkId).join(', ') || 'none')}</p>
</body></html>
`;
}

export function renderGuideJson(g: UpgradeGuide): string {
  return `${JSON.stringify(g, null, 2)}\n`;
}
