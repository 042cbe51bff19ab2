import type { Change } from './model.ts';
import { describeQuirk } from './quirks.ts';
import { ruleById } from './registry.ts';

/** The message of a change, rendered from its args by its rule (detection never builds text). */
export function renderMessage(change: Change): string {
  const rule = ruleById(change.ruleId);
  return rule
    ? rule.message(change.args, change.property)
    : `${change.ruleId} ${JSON.stringify(change.args)}`;
}

/** Where in the operation: `parameter`, `request application/json`, `response 200 application/json`. */
export function renderWhere(change: Change): string {
  const parts: string[] = [change.location];
  if (change.status) parts.push(change.status);
  if (change.mediaType) parts.push(change.mediaType);
  return parts.join(' ');
}

export function renderQuirks(change: Change): string[] {
  return (change.quirks ?? []).map(describeQuirk);
}
