import { renderMessage, renderQuirks, renderWhere } from '../messages.ts';
import { type Change, type DiffSection, SEVERITIES } from '../model.ts';

/** `2 breaking, 1 warning, 0 info` */
export function renderCounts(counts: Record<string, number>): string {
  return SEVERITIES.map(
    (s) => `${counts[s] ?? 0} ${s === 'warning' && counts[s] !== 1 ? 'warnings' : s}`,
  ).join(', ');
}

export function sectionHeading(section: DiffSection): string {
  return `${section.old.label} → ${section.new.label}`;
}

function changeLines(change: Change): string[] {
  const lines = [`    ${change.ruleId}: ${renderMessage(change)}  [${renderWhere(change)}]`];
  if (change.oldPointer) lines.push(`      old ${change.oldPointer}`);
  if (change.newPointer) lines.push(`      new ${change.newPointer}`);
  for (const quirk of renderQuirks(change)) lines.push(`      ↳ ${quirk}`);
  return lines;
}

/** Plain text, grouped by severity then operation; deterministic. */
export function renderTextSection(section: DiffSection): string {
  const { report } = section;
  const out = [
    `${section.title}: ${sectionHeading(section)}`,
    `  ${report.scope.compared.length} operation${report.scope.compared.length === 1 ? '' : 's'} compared; ${renderCounts(report.counts)}`,
  ];
  if (report.scope.missing.length > 0)
    out.push(`  not in either description: ${report.scope.missing.join(', ')}`);
  if (report.changes.length === 0) out.push('  no changes');
  for (const severity of SEVERITIES) {
    const changes = report.changes.filter((c) => c.severity === severity);
    if (changes.length === 0) continue;
    out.push('', `${severity.toUpperCase()} (${changes.length})`);
    let operation = '';
    for (const change of changes) {
      if (change.operationId !== operation) {
        operation = change.operationId;
        out.push(`  ${change.operationId}  ${change.method} ${change.path}`);
      }
      out.push(...changeLines(change));
    }
  }
  return `${out.join('\n')}\n`;
}

export function renderText(sections: readonly DiffSection[]): string {
  return sections.map(renderTextSection).join('\n');
}
