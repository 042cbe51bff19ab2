import { CHECKS } from '../../src/checks/registry.ts';
import { lockedVersions, readLock } from '../../src/descriptions/lock.ts';
import { renderRulesTable } from '../../src/diff/index.ts';
import { environmentTable, optionsTable } from '../../src/options/help.ts';
import { loadCatalogue } from '../../src/quirks/catalogue.ts';
import { vocabularyTable } from '../../src/report/vocabulary.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';

/**
 * README sections generated from the registries, so that the docs cannot drift: the checks, the quirks (per
 * API version, with their sources), the diff rules, and the option tables (src/options/table.ts). `npm run docs` writes them; a test compares.
 */
export type SectionId =
  | 'versions'
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

/** Runs of consecutive locked versions: `2.7–2.10, 2.12`. */
function spans(versions: string[], order: string[]): string {
  const runs: string[][] = [];
  let last = -2;
  for (const v of order) {
    if (!versions.includes(v)) continue;
    const at = order.indexOf(v);
    if (at === last + 1 && runs.length > 0) runs[runs.length - 1]!.push(v);
    else runs.push([v]);
    last = at;
  }
  return runs.map((r) => (r.length === 1 ? r[0]! : `${r[0]}–${r[r.length - 1]}`)).join(', ') || '—';
}

/** The lock: one row per version, with the quirks generation applied to it. */
function versionsTable(): string {
  const lock = readLock();
  const rows = lockedVersions(lock).map((v) => {
    const e = lock.versions[v]!;
    const registry = loadArtifacts(v).quirks()?.registry;
    const quirks = registry
      ? `${registry.quirks.length} (${registry.resolved?.length ?? 0} resolved)`
      : 'no quirk data';
    return `| ${v} | \`${e.path}\` | \`${e.commit.slice(0, 7)}\` | \`${e.sha256.slice(0, 12)}\` | ${quirks} |`;
  });
  return ['| version | upstream file | commit | sha256 | quirks |', '|---|---|---|---|---|', ...rows].join(
    '\n',
  );
}

/** One row per quirk of the catalogue: its declared range, where it applies and where a description resolved it. */
function quirksTable(): string {
  const order = lockedVersions();
  const applies = new Map<string, string[]>();
  const resolved = new Map<string, string[]>();
  for (const version of order) {
    const registry = loadArtifacts(version).quirks()?.registry;
    for (const q of registry?.quirks ?? []) applies.set(q.id, [...(applies.get(q.id) ?? []), version]);
    for (const q of registry?.resolved ?? []) resolved.set(q.id, [...(resolved.get(q.id) ?? []), version]);
  }
  const rows = loadCatalogue().map(
    (q) =>
      `| \`${q.id}\` | ${q.versions.text} | ${spans(applies.get(q.id) ?? [], order)} | ${spans(resolved.get(q.id) ?? [], order)} | ${cell(q.summary)} | ${cell(q.source)} |`,
  );
  return [
    '| quirk | declared for | applies | resolved in | what Intercom does | documented in |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function renderSection(id: SectionId): string {
  switch (id) {
    case 'versions':
      return versionsTable();
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

const SECTION_IDS: SectionId[] = [
  'versions',
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
