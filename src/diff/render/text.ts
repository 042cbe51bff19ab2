import { renderMessage, renderQuirks, renderWhere } from '../messages.ts';
import { type Change, type DiffSection, LEVELS, type Level, levelOf } from '../model.ts';

/** `2 breaking, 1 warning, 0 info; 3 type-only, 5 artefacts` */
export function renderCounts(counts: Record<string, number>): string {
  const word = (s: Level) => ((s === 'warning' || s === 'artefact') && counts[s] !== 1 ? `${s}s` : s);
  const part = (levels: Level[]) => levels.map((s) => `${counts[s] ?? 0} ${word(s)}`).join(', ');
  return `${part(['breaking', 'warning', 'info'])}; ${part(['type-only', 'artefact'])}`;
}

/** Section headings: what each level means for a running client. */
const LEVEL_HEADINGS: Record<Level, string> = {
  breaking: 'BREAKING: a running client can misbehave',
  warning: 'WARNING: a running client may misbehave',
  info: 'INFO: on the wire, harmless to readers',
  'type-only': 'TYPE-ONLY: generated types change, the wire does not (never fails by default)',
  artefact: 'ARTEFACTS of the descriptions, not of the API (never fail)',
};

export function sectionHeading(section: DiffSection): string {
  return `${section.old.label} → ${section.new.label}`;
}

function changeLines(change: Change): string[] {
  const lines = [`    ${change.ruleId}: ${renderMessage(change)}  [${renderWhere(change)}]`];
  if (change.oldPointer) lines.push(`      old ${change.oldPointer}`);
  if (change.newPointer) lines.push(`      new ${change.newPointer}`);
  lines.push(`      why: ${change.reason}`);
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
  for (const level of LEVELS) {
    const changes = report.changes.filter((c) => levelOf(c) === level);
    if (changes.length === 0) continue;
    out.push('', `${LEVEL_HEADINGS[level]} (${changes.length})`);
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
