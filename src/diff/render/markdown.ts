import { renderMessage, renderQuirks, renderWhere } from '../messages.ts';
import { type Change, type DiffSection, levelOf } from '../model.ts';
import { renderCounts, sectionHeading } from './text.ts';

/** Escapes text for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function changeRow(change: Change): string {
  const pointers = [
    change.oldPointer ? `old ${code(change.oldPointer)}` : '',
    change.newPointer ? `new ${code(change.newPointer)}` : '',
  ].filter(Boolean);
  const message = [
    renderMessage(change),
    `<i>${cell(change.reason)}</i>`,
    ...renderQuirks(change).map((q) => `↳ ${q}`),
  ].join('<br>');
  return `| ${levelOf(change)} | ${cell(change.operationId)} | ${code(change.ruleId)} | ${cell(renderWhere(change))} | ${cell(message)} | ${cell(pointers.join('<br>'))} |`;
}

export function renderMarkdownSection(section: DiffSection): string {
  const { report } = section;
  const out = [
    `## ${cell(section.title)}: ${cell(sectionHeading(section))}`,
    '',
    `${report.scope.compared.length} operation${report.scope.compared.length === 1 ? '' : 's'} compared; ${renderCounts(report.counts)}.`,
  ];
  if (report.scope.missing.length > 0)
    out.push('', `Not in either description: ${report.scope.missing.map(code).join(', ')}.`);
  if (report.changes.length === 0) return `${[...out, '', 'No changes.'].join('\n')}\n`;
  out.push('', '| Level | Operation | Rule | Where | Change | Pointers |', '|---|---|---|---|---|---|');
  for (const change of report.changes) out.push(changeRow(change)); // already sorted by level

  return `${out.join('\n')}\n`;
}

export function renderMarkdown(sections: readonly DiffSection[]): string {
  return sections.map(renderMarkdownSection).join('\n');
}
