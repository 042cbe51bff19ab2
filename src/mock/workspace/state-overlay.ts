import { applyAction, type ConversationState, type ManageAction } from '../../conversation-state/index.ts';
import type { Conversation } from './conversation.ts';
import type { Admin } from './roster.ts';

/**
 * The mutable state of the workspace that `manageConversation` changes, per conversation, on top of the seeded
 * one: state, `open`, `snoozed_until`, the assignees, `updated_at` and the parts each action added (`close`,
 * `open`, `snoozed`, `assignment`, authored by the acting admin). One overlay serves every API version (one
 * workspace): snoozed under 2.10 is snoozed when retrieved under 2.16. The state transitions are the pure
 * core's (`applyAction`), so the mock does what the kit expects of Intercom.
 *
 * A changed conversation is updated at the action's time (the workspace clock, after every seeded
 * `updated_at`), so it moves to the top of the list, as Intercom's list (newest first by `updated_at`) does.
 */
interface StateEntry {
  state: ConversationState;
  updatedAt: number;
  /** The parts the actions added, oldest first. */
  parts: Array<Record<string, unknown>>;
  /** Bumped on every action: the render caches key on it. */
  revision: number;
  /** The conversation as it now reads (made on first use after an action). */
  derived?: Conversation;
}

export interface StateChange {
  conversationIndex: number;
  seeded: ConversationState;
  now: ConversationState;
}

/** What an action does beyond the state: who performs it and the optional message of a close/assignment. */
interface ActionContext {
  admin: Admin;
  time: number;
  body?: string;
}

const idOrNull = (v: unknown): string | null =>
  typeof v === 'number' && v !== 0 ? String(v) : typeof v === 'string' && v !== '' && v !== '0' ? v : null;

/** The state of a seeded conversation (its neutral values). */
function seededState(c: Conversation): ConversationState {
  const n = c.neutral;
  return {
    state: c.facts.state,
    snoozedUntil: typeof n.snoozed_until === 'number' ? n.snoozed_until : null,
    adminAssigneeId: idOrNull(n.admin_assignee_id),
    teamAssigneeId: idOrNull(n.team_assignee_id),
  };
}

const PART_TYPES: Record<ManageAction['action'], string> = {
  close: 'close',
  open: 'open',
  snooze: 'snoozed',
  assign: 'assignment',
};

export class StateOverlay {
  private readonly entries = new Map<number, StateEntry>();
  /** Changed conversation indices, most recently updated first (the top of the list). */
  private order: number[] = [];

  /** The current state of a conversation (seeded unless an action changed it). */
  stateOf(c: Conversation): ConversationState {
    return this.entries.get(c.index)?.state ?? seededState(c);
  }

  /**
   * Applies an action performed by an admin at a time: the new state, one new part, the new updated_at. Opening
   * an open conversation or closing a closed one changes nothing (no part, no reopen counted); returns whether
   * the action changed the conversation.
   */
  apply(seeded: Conversation, action: ManageAction, ctx: ActionContext): boolean {
    const entry: StateEntry = this.entries.get(seeded.index) ?? {
      state: seededState(seeded),
      updatedAt: seeded.neutral.updated_at as number,
      parts: [],
      revision: 0,
    };
    const next = applyAction(entry.state, action);
    if ((action.action === 'open' || action.action === 'close') && next.state === entry.state.state)
      return false;
    entry.state = next;
    entry.updatedAt = Math.max(entry.updatedAt, ctx.time);
    const k = seeded.partCount + entry.parts.length;
    const part: Record<string, unknown> = {
      type: 'conversation_part',
      id: String(Number(seeded.id) * 1000 + k),
      part_type: PART_TYPES[action.action],
      body: ctx.body === undefined ? null : `<p>${escapeHtml(ctx.body)}</p>`,
      created_at: ctx.time,
      updated_at: ctx.time,
      notified_at: ctx.time,
    };
    if (action.action === 'assign' && action.assigneeId !== null)
      part.assigned_to = { type: action.assigneeType, id: action.assigneeId };
    part.author = { type: 'admin', id: ctx.admin.id, name: ctx.admin.name, email: ctx.admin.email };
    part.attachments = [];
    part.external_id = null;
    part.redacted = false;
    entry.parts.push(part);
    entry.revision++;
    entry.derived = undefined;
    this.entries.set(seeded.index, entry);
    this.order = [seeded.index, ...this.order.filter((i) => i !== seeded.index)];
    return true;
  }

  /** The conversation as it reads now: the seeded one, or a copy with the overlay applied. */
  current(seeded: Conversation): Conversation {
    const entry = this.entries.get(seeded.index);
    if (!entry) return seeded;
    entry.derived ??= derive(seeded, entry);
    return entry.derived;
  }

  /** How many conversations an action has touched (they lead the list). */
  get touchedCount(): number {
    return this.order.length;
  }

  /** The conversation index at a list position: touched ones first (newest first), then the rest in seeded order. */
  indexAt(position: number): number {
    if (position < this.order.length) return this.order[position]!;
    let index = position - this.order.length;
    for (const touched of this.sortedTouched()) {
      if (touched <= index) index++;
      else break;
    }
    return index;
  }

  /** Conversations whose state, snooze or assignees differ from the seeded workspace (sorted by index). */
  changes(seededOf: (index: number) => Conversation): StateChange[] {
    const out: StateChange[] = [];
    for (const index of [...this.entries.keys()].sort((a, b) => a - b)) {
      const before = seededState(seededOf(index));
      const now = this.entries.get(index)!.state;
      if (
        before.state !== now.state ||
        before.snoozedUntil !== now.snoozedUntil ||
        before.adminAssigneeId !== now.adminAssigneeId ||
        before.teamAssigneeId !== now.teamAssigneeId
      )
        out.push({ conversationIndex: index, seeded: before, now });
    }
    return out;
  }

  private sortedCache: number[] | undefined;
  private sortedFor: number[] | undefined;

  private sortedTouched(): number[] {
    if (this.sortedFor !== this.order) {
      this.sortedCache = [...this.order].sort((a, b) => a - b);
      this.sortedFor = this.order;
    }
    return this.sortedCache!;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The seeded conversation with the overlay applied, its statistics kept consistent with its parts. */
function derive(seeded: Conversation, entry: StateEntry): Conversation {
  const n = seeded.neutral;
  const s = entry.state;
  const added = entry.parts;
  const createdAt = n.created_at as number;
  const stats = { ...(n.statistics as Record<string, unknown>) };
  const ofType = (t: string) => added.filter((p) => p.part_type === t);
  const opens = ofType('open');
  const closes = ofType('close');
  const assignments = ofType('assignment');
  stats.count_reopens = (stats.count_reopens as number) + opens.length;
  stats.count_assignments = (stats.count_assignments as number) + assignments.length;
  stats.count_conversation_parts = seeded.partCount + added.length;
  if (closes.length > 0) {
    const first = closes[0]!.created_at as number;
    const last = closes.at(-1)!;
    if (stats.first_close_at === undefined) {
      stats.first_close_at = first;
      stats.time_to_first_close = first - createdAt;
    }
    stats.last_close_at = last.created_at;
    stats.time_to_last_close = (last.created_at as number) - createdAt;
    stats.last_closed_by_id = (last.author as { id: string }).id;
  }
  if (assignments.length > 0) {
    const first = assignments[0]!.created_at as number;
    if (stats.first_assignment_at === undefined) {
      stats.first_assignment_at = first;
      stats.time_to_assignment = first - createdAt;
    }
    stats.last_assignment_at = assignments.at(-1)!.created_at;
  }
  const teammates = n.teammates as { type: string; teammates: Array<{ type: string; id: string }> };
  const ids = new Set(teammates.teammates.map((t) => t.id));
  const more: Array<{ type: string; id: string }> = [];
  for (const p of added) {
    const id = (p.author as { id: string }).id;
    if (ids.has(id)) continue;
    ids.add(id);
    more.push({ type: 'admin', id });
  }
  const neutral: Record<string, unknown> = {
    ...n,
    updated_at: entry.updatedAt,
    snoozed_until: s.state === 'snoozed' ? s.snoozedUntil : null,
    admin_assignee_id: s.adminAssigneeId === null ? null : Number(s.adminAssigneeId),
    team_assignee_id: s.teamAssigneeId === null ? null : Number(s.teamAssigneeId),
    open: s.state !== 'closed',
    state: s.state,
    statistics: stats,
    teammates: more.length > 0 ? { ...teammates, teammates: [...teammates.teammates, ...more] } : teammates,
  };
  let parts: Array<Record<string, unknown>> | undefined;
  return {
    index: seeded.index,
    id: seeded.id,
    revision: entry.revision,
    neutral,
    get parts() {
      parts ??= [...seeded.parts, ...added];
      return parts;
    },
    partCount: seeded.partCount + added.length,
    seededTags: seeded.seededTags,
    facts: { ...seeded.facts, state: s.state },
  };
}
