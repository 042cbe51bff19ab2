import { RULES } from '../registry.ts';
import type { Rule } from '../rule.ts';
import { cell } from './markdown.ts';

function appliesTo(rule: Rule): string {
  if (rule.site === 'schema' || rule.site === 'media')
    return rule.direction ? `${rule.direction} body` : 'request and response bodies';
  return rule.site === 'request-body' ? 'request body' : rule.site;
}

/** The default level: the severity of a wire rule, else its class. */
function level(rule: Rule): string {
  return !rule.class || rule.class === 'wire' ? rule.severity : rule.class;
}

/** The rules table of the README, generated from the registry so that the docs cannot drift. */
export function renderRulesTable(rules: readonly Rule[] = RULES): string {
  const rows = rules.map(
    (r) => `| \`${r.id}\` | ${level(r)} | ${appliesTo(r)} | ${cell(r.summary)} | ${cell(r.reason)} |`,
  );
  return `${['| Rule id | Default level | Applies to | What it reports | Impact on a running client |', '|---|---|---|---|---|', ...rows].join('\n')}\n`;
}
