import { RULES } from '../registry.ts';
import type { Rule } from '../rule.ts';
import { cell } from './markdown.ts';

function appliesTo(rule: Rule): string {
  if (rule.site === 'schema' || rule.site === 'media')
    return rule.direction ? `${rule.direction} body` : 'request and response bodies';
  return rule.site === 'request-body' ? 'request body' : rule.site;
}

/** The rules table of the README, generated from the registry so that the docs cannot drift. */
export function renderRulesTable(rules: readonly Rule[] = RULES): string {
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.severity} | ${appliesTo(r)} | ${cell(r.summary)} |`);
  return `${['| Rule id | Default severity | Applies to | What it reports |', '|---|---|---|---|', ...rows].join('\n')}\n`;
}
