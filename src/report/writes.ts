import type { CheckResult } from '../model/result.ts';

/**
 * What a run wrote to the workspace and whether it put it back, one row per API version and round trip: the
 * view an auditor reads first (the Markdown and HTML renderers format it). Read from the results of the two
 * round-trip checks, so that a merged or re-rendered report shows it too.
 */
export interface WriteRow {
  version: string;
  trip: 'tag' | 'state';
  /** The conversation written to, when the trip ran. */
  conversationId?: string;
  /** What was written, in a few words (`tag 7 attached and detached`; `snoozed, opened, closed, reopened`). */
  wrote: string;
  /** Where the workspace was left: `as it was`, `restored`, or what is left (the check's reason). */
  left: string;
  /** Something is left in the workspace. */
  leftover: boolean;
}

const LEFTOVER = /^could not (remove|verify|restore)/;
const STATE_WORDS: Record<string, string> = {
  snooze: 'snoozed',
  open: 'opened',
  close: 'closed',
  reopen: 'reopened',
};

function str(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function tagRow(version: string, attach: CheckResult, detach: CheckResult | undefined): WriteRow {
  if (attach.outcome === 'skip')
    return {
      version,
      trip: 'tag',
      wrote: 'nothing',
      left: `skipped: ${attach.reason ?? ''}`,
      leftover: false,
    };
  const conversationId = str(attach.observations?.conversationId);
  const tag = str(attach.observations?.tagId);
  const left = detach?.outcome === 'error' && LEFTOVER.test(detach.reason ?? '');
  return {
    version,
    trip: 'tag',
    ...(conversationId ? { conversationId } : {}),
    wrote: `attach and detach of tag ${tag ?? '?'}`,
    left: left ? detach!.reason! : 'as it was',
    leftover: left,
  };
}

function stateRow(version: string, r: CheckResult): WriteRow {
  if (r.outcome === 'skip')
    return { version, trip: 'state', wrote: 'nothing', left: `skipped: ${r.reason ?? ''}`, leftover: false };
  const o = r.observations ?? {};
  const conversationId = str(o.conversationId);
  const writes = Array.isArray(o.writes) ? o.writes.map(String) : [];
  const wrote = writes.flatMap((s) => (STATE_WORDS[s] ? [STATE_WORDS[s]] : [])).join(', ');
  const leftover = r.outcome === 'error' && LEFTOVER.test(r.reason ?? '');
  const notes = Array.isArray(o.notes) && o.notes.length > 0 ? ` (${o.notes.map(String).join('; ')})` : '';
  return {
    version,
    trip: 'state',
    ...(conversationId ? { conversationId } : {}),
    wrote: wrote || 'nothing that took effect',
    left: leftover ? r.reason! : o.restored === true ? `restored${notes}` : 'as it was',
    leftover,
  };
}

export function writeRows(results: readonly CheckResult[]): WriteRow[] {
  const rows: WriteRow[] = [];
  const versions = [...new Set(results.map((r) => r.apiVersion))];
  for (const version of versions) {
    const of = (checkId: string, operationId: string) =>
      results.find((r) => r.apiVersion === version && r.checkId === checkId && r.operationId === operationId);
    const attach = of('tag-round-trip', 'attachTagToConversation');
    if (attach) rows.push(tagRow(version, attach, of('tag-round-trip', 'detachTagFromConversation')));
    const state = of('state-round-trip', 'manageConversation');
    if (state) rows.push(stateRow(version, state));
  }
  return rows;
}
