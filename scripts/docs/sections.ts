import { CHECKS } from '../../src/checks/registry.ts';
import { lockedVersions } from '../../src/descriptions/lock.ts';
import { renderRulesTable } from '../../src/diff/index.ts';
import { environmentTable, optionsTable } from '../../src/options/help.ts';
import { vocabularyTable } from '../../src/report/vocabulary.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';

/**
 * README sections generated from the registries, so that the docs cannot drift: the checks, the quirks (per
 * API version, with their sources), the diff rules, and the option tables (src/options/table.ts). `npm run docs` writes them; a test compares.
 */
export type SectionId =
  | 'checks'
  | 'quirks'
  | 'diff-rules'
  | 'run-options'
  | 'resilience-options'
  | 'mock-options'
  | 'environment'
  | 'vocabulary';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function checksTable(): string {
  const rows = CHECKS.map((c) => `| \`${c.id}\` | ${cell(c.summary)} |`);
  return ['| check | what it asserts |', '|---|---|', ...rows].join('\n');
}

function quirksTable(): string {
  const byId = new Map<string, { versions: string[]; summary: string; source: string }>();
  for (const version of lockedVersions()) {
    for (const q of loadArtifacts(version).quirks()?.registry.quirks ?? []) {
      const entry = byId.get(q.id) ?? { versions: [], summary: q.summary, source: q.source };
      entry.versions.push(version);
      byId.set(q.id, entry);
    }
  }
  const rows = [...byId.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, q]) => `| \`${id}\` | ${q.versions.join(', ')} | ${cell(q.summary)} | ${cell(q.source)} |`);
  return ['| quirk | versions | what Intercom does | documented in |', '|---|---|---|---|', ...rows].join(
    '\n',
  );
}

export function renderSection(id: SectionId): string {
  switch (id) {
    case 'checks':
      return checksTable();
    case 'quirks':
      return quirksTable();
    case 'diff-rules':
      return renderRulesTable().trim();
    case 'vocabulary':
      return vocabularyTable();
    case 'run-options':
      return optionsTable('run');
    case 'resilience-options':
      return optionsTable('run', 'resilience');
    case 'mock-options':
      return optionsTable('mock');
    case 'environment':
      return environmentTable();
  }
}

export const SECTION_IDS: SectionId[] = [
  'checks',
  'quirks',
  'diff-rules',
  'run-options',
  'resilience-options',
  'mock-options',
  'environment',
  'vocabulary',
];

const marker = (id: string) =>
  new RegExp(`(<!-- generated:${id} -->\\n)(?:[\\s\\S]*?\\n)?(<!-- /generated:${id} -->)`);

/** The README with every generated section replaced; throws if a marker pair is missing. */
export function updateReadme(readme: string): string {
  let out = readme;
  for (const id of SECTION_IDS) {
    if (!marker(id).test(out))
      throw new Error(`README.md has no <!-- generated:${id} --> … <!-- /generated:${id} --> section`);
    out = out.replace(
      marker(id),
      (_, open: string, close: string) => `${open}${renderSection(id)}\n${close}`,
    );
  }
  return out;
}
