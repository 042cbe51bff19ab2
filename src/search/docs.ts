import { SEARCH_FIELDS } from './fields.ts';
import { SEARCH_OPERATORS } from './operators.ts';
import { SEARCH_RULES } from './validate.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README table of the search language's rules (one row per unit), for `npm run docs`. */
export function renderSearchRulesTable(): string {
  const rows = SEARCH_RULES.map(
    (r) =>
      `| \`${r.id}\` | ${cell(r.summary)}${r.schemaOnly ? ' (strict schema mode only)' : ''} | \`${r.code}\` | ${cell(r.source)} |`,
  );
  return ['| rule | refuses unless | error code | written in |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README table of operators by field type. */
export function renderSearchOperatorsTable(): string {
  const types = ['string', 'integer', 'date', 'boolean'] as const;
  const rows = SEARCH_OPERATORS.map(
    (o) =>
      `| \`${cell(o.operator)}\` | ${types.map((t) => (o.types.includes(t) ? '✓' : '')).join(' | ')} | ${cell(o.description)} |`,
  );
  const fields = types.map((t) => `${t}: ${SEARCH_FIELDS.filter((f) => f.type === t).length}`);
  return [
    `| operator | string | integer | date | boolean | meaning |`,
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Fields by type — ${fields.join(', ')}.`,
  ].join('\n');
}
