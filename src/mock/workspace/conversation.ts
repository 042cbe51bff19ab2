import { neutralPicks } from './neutral.ts';
import {
  type AuthorKind,
  authorJson,
  type ConversationState,
  partBody,
  partFacts,
  partTimes,
} from './parts.ts';
import { mix, rng } from './prng.ts';
import { contactPerson, type Roster } from './roster.ts';

/** A tag of the workspace's catalogue. */
export interface CatalogueTag {
  id: string;
  name: string;
}

/**
 * One conversation of the seeded workspace, built deterministically from (seed, index) and made internally
 * consistent: digit-string ids; created_at ≤ parts ≤ updated_at; closed ⇒ open false; snoozed ⇒ open true and
 * snoozed_until in the future; waiting_since null when the last reply is an admin's; ratings 1–5 or none.
 * `neutral` is the conversation in Intercom's key order with `null` for what is absent and the neutral words of
 * neutral.ts (a priority level, a channel, …) where versions differ; render/ maps those to each version's domain, and the version shapes
 * (shape.ts) and scenarios decide whether absent becomes `null` or disappears.
 */

/** 2100-01-01T00:00:00Z: snoozed_until lies after it, in the future of the mock's clock and of the real one. */
export const SNOOZE_BASE = 4_102_444_800;
/** The conversation with more than 500 parts (when the workspace has that many conversations). */
export const LARGE_CONVERSATION_INDEX = 7;
const LARGE_PART_COUNT = 620;
/** Intercom returns at most the 500 most recent parts; `total_count` keeps the real count. */
export const MAX_RETURNED_PARTS = 500;
/** Seconds between two conversations' updated_at: the list is ordered by updated_at, newest first. */
const GAP_SECONDS = 600;
const ID_STRIDE = 7;

export interface SeededTag {
  id: string;
  appliedAt: number;
  appliedBy: string;
}

export interface ConversationFacts {
  state: ConversationState;
  rated: boolean;
  adminInitiated: boolean;
  hasSla: boolean;
  aiParticipated: boolean;
  hasFirstContactReply: boolean;
}

export interface Conversation {
  index: number;
  id: string;
  /** 0 as seeded; bumped by every change of the state overlay (render caches key on it). */
  revision?: number;
  neutral: Record<string, unknown>;
  /** Every part, oldest first (made on first use). */
  readonly parts: Array<Record<string, unknown>>;
  partCount: number;
  seededTags: SeededTag[];
  facts: ConversationFacts;
}

export interface WorkspaceContext {
  seed: number;
  now: number;
  size: number;
  roster: Roster;
  tags: CatalogueTag[];
}

function idBase(seed: number): number {
  return 1_000_000_000 + (mix(seed, 0x6964) % 800_000_000);
}

export function conversationId(seed: number, index: number): string {
  return String(idBase(seed) + index * ID_STRIDE);
}

/** The index of a conversation id, or undefined when no conversation of this workspace has it. */
export function conversationIndex(seed: number, size: number, id: string): number | undefined {
  if (!/^\d{1,15}$/.test(id)) return undefined;
  const offset = Number(id) - idBase(seed);
  if (offset < 0 || offset % ID_STRIDE !== 0) return undefined;
  const index = offset / ID_STRIDE;
  return index < size ? index : undefined;
}

const TITLES = ['Login trouble', 'Invoice question', 'Upload error', 'Plan change', 'Cancellation request'];
const REMARKS = ['', 'Quick and helpful', 'Took a while', 'Great support!', 'Problem not solved'];
const SLA_NAMES = ['VIP customer <5m', 'Standard 1h', 'Enterprise 15m'];
const ATTRIBUTE_VALUES = ['Billing', 'Technical', 'Account', 'Sales'];

function pickState(index: number, roll: number): ConversationState {
  if (index === 0) return 'open';
  if (index === 1) return 'closed';
  if (index === 2) return 'snoozed';
  return roll < 0.5 ? 'closed' : roll < 0.85 ? 'open' : 'snoozed';
}

export function buildConversation(ctx: WorkspaceContext, index: number): Conversation {
  const { seed, now, roster } = ctx;
  const r = rng(seed, index, 0x636f6e76);
  const texture = neutralPicks(seed, index);
  const id = conversationId(seed, index);
  const admins = roster.admins;

  const updatedAt = now - index * GAP_SECONDS - r.int(0, GAP_SECONDS - 1);
  const state = pickState(index, r.next());
  const large = index === LARGE_CONVERSATION_INDEX;
  const partCount = large ? LARGE_PART_COUNT : r.int(state === 'open' ? 0 : 1, 12);
  const createdAt = updatedAt - r.int(large ? 30 * 86_400 : 3_600, large ? 60 * 86_400 : 14 * 86_400);
  const contact = contactPerson(r);
  const adminInitiated = index === 3 || r.chance(0.3);
  const sourceAdmin = r.pick(admins);
  const botId = String(Number(admins[0]!.id) + 1);

  const facts = partFacts(r, partTimes(r, partCount, createdAt, updatedAt), state, contact, admins);
  // Bodies are picked now (they draw from the conversation's stream); the part objects are made on first use
  // (a retrieve): a list item never needs them.
  const bodies = facts.map((f) => partBody(r, f));
  const makeParts = () =>
    facts.map((f, k) => {
      const part: Record<string, unknown> = {
        type: 'conversation_part',
        id: String(Number(id) * 1000 + k),
        part_type: f.partType,
        body: bodies[k],
        created_at: f.createdAt,
        updated_at: f.createdAt,
        notified_at: f.createdAt,
      };
      if (f.assignedTo) part.assigned_to = { type: 'admin', id: f.assignedTo };
      part.author = authorJson(f.authorKind, f.authorId, contact, admins, botId);
      part.attachments = [];
      part.external_id = null;
      part.redacted = false;
      return part;
    });

  // Replies: the source, then comments. waiting_since is the last reply's time unless an admin (or bot) sent it.
  const isContact = (k: AuthorKind) => k === 'user' || k === 'lead';
  const replies = [
    { kind: (adminInitiated ? 'admin' : contact.kind) as AuthorKind, at: createdAt },
    ...facts.filter((f) => f.partType === 'comment').map((f) => ({ kind: f.authorKind, at: f.createdAt })),
  ];
  const lastReply = replies[replies.length - 1]!;
  const waitingSince = isContact(lastReply.kind) ? lastReply.at : null;
  const contactReplies = replies.filter((x) => isContact(x.kind));
  const adminReplies = facts.filter((f) => f.partType === 'comment' && f.authorKind === 'admin');
  const closes = facts.filter((f) => f.partType === 'close');
  const assignments = facts.filter((f) => f.partType === 'assignment');

  const lastAssignee = assignments.at(-1)?.assignedTo;
  const adminAssigneeId = lastAssignee
    ? Number(lastAssignee)
    : index === 4 || r.chance(0.25)
      ? null
      : Number(r.pick(admins).id);
  const teamAssigneeId = index === 5 || r.chance(0.4) ? null : r.pick(roster.teamIds);

  const rated = index === 1 || (state === 'closed' && index !== 6 && r.chance(0.55));
  const closer = closes.at(-1)?.authorId ?? sourceAdmin.id;
  const sourceUrl = adminInitiated ? null : r.chance(0.5) ? 'https://example.com/pricing' : null;

  const firstContact = contactReplies[0];
  const hasSla = index === 8 || r.chance(0.3);
  const aiParticipated = index === 9 || r.chance(0.2);
  const linked = r.chance(0.15);

  const seededTags: SeededTag[] = [];
  if (index !== 0 && (index === 2 || r.chance(0.55))) {
    const count = r.int(1, Math.min(3, ctx.tags.length));
    const start = r.int(0, ctx.tags.length - 1);
    for (let k = 0; k < count; k++) {
      seededTags.push({
        id: ctx.tags[(start + k) % ctx.tags.length]!.id,
        appliedAt: r.int(createdAt, updatedAt),
        appliedBy: r.pick(admins).id,
      });
    }
  }

  const statistics: Record<string, unknown> = { type: 'conversation_statistics' };
  const firstAdminReply = adminReplies.find((f) => !firstContact || f.createdAt >= firstContact.at);
  if (firstContact && firstAdminReply)
    statistics.time_to_admin_reply = firstAdminReply.createdAt - firstContact.at;
  if (assignments[0]) statistics.time_to_assignment = assignments[0].createdAt - createdAt;
  if (closes[0]) statistics.time_to_first_close = closes[0].createdAt - createdAt;
  if (closes.at(-1)) statistics.time_to_last_close = closes.at(-1)!.createdAt - createdAt;
  if (adminReplies.length > 0) statistics.median_time_to_reply = texture.medianTimeToReply;
  if (firstContact) statistics.first_contact_reply_at = firstContact.at;
  if (assignments[0]) statistics.first_assignment_at = assignments[0].createdAt;
  if (firstAdminReply) statistics.first_admin_reply_at = firstAdminReply.createdAt;
  if (closes[0]) statistics.first_close_at = closes[0].createdAt;
  if (assignments.at(-1)) statistics.last_assignment_at = assignments.at(-1)!.createdAt;
  if (contactReplies.length > 0) statistics.last_contact_reply_at = contactReplies.at(-1)!.at;
  if (adminReplies.length > 0) statistics.last_admin_reply_at = adminReplies.at(-1)!.createdAt;
  if (closes.at(-1)) {
    statistics.last_close_at = closes.at(-1)!.createdAt;
    statistics.last_closed_by_id = closes.at(-1)!.authorId;
  }
  statistics.count_reopens = facts.filter((f) => f.partType === 'open').length;
  statistics.count_assignments = assignments.length;
  statistics.count_conversation_parts = partCount;

  const teammateIds = [...new Set(facts.filter((f) => f.authorKind === 'admin').map((f) => f.authorId))];
  const topics = r.chance(0.4)
    ? [{ type: 'topic', id: 839 + r.int(0, 5), name: `Example Topic ${r.int(1, 6)}` }]
    : [];

  const neutral: Record<string, unknown> = {
    type: 'conversation',
    id,
    title: texture.hasTitle ? r.pick(TITLES) : null,
    created_at: createdAt,
    updated_at: updatedAt,
    waiting_since: waitingSince,
    snoozed_until: state === 'snoozed' ? Math.max(SNOOZE_BASE, now) + r.int(3_600, 30 * 86_400) : null,
    source: {
      type: texture.channel,
      id: String(403_900_000 + index),
      delivered_as: adminInitiated ? 'admin_initiated' : 'customer_initiated',
      subject: '',
      body: adminInitiated
        ? r.pick(['<p>Hey there!</p>', '<p>Welcome aboard &#127881;</p>'])
        : r.pick(['<p>Hi</p>', '<p>Hello, I need help with my order &amp; delivery.</p>']),
      author: adminInitiated
        ? { type: 'admin', id: sourceAdmin.id, name: sourceAdmin.name, email: sourceAdmin.email }
        : { type: contact.kind, id: contact.id, name: contact.name, email: contact.email },
      attachments: [],
      url: sourceUrl,
      redacted: false,
    },
    contacts: {
      type: 'contact.list',
      contacts: [{ type: 'contact', id: contact.id, external_id: contact.externalId }],
    },
    first_contact_reply: firstContact
      ? {
          created_at: firstContact.at,
          type: 'conversation',
          url: firstContact.at === createdAt ? sourceUrl : null,
        }
      : null,
    admin_assignee_id: adminAssigneeId,
    team_assignee_id: teamAssigneeId,
    open: state !== 'closed',
    state,
    read: texture.read,
    tags: null,
    priority: texture.priority,
    sla_applied: hasSla
      ? { type: 'conversation_sla_summary', sla_name: r.pick(SLA_NAMES), sla_status: texture.slaStatus }
      : null,
    statistics,
    conversation_rating: rated
      ? {
          rating: r.int(1, 5),
          remark: r.pick(REMARKS),
          created_at: updatedAt,
          contact: { type: 'contact', id: contact.id, external_id: contact.externalId },
          teammate: { type: 'admin', id: closer },
        }
      : null,
    teammates: { type: 'admin.list', teammates: teammateIds.map((a) => ({ type: 'admin', id: a })) },
    custom_attributes: r.chance(0.5) ? { issue_type: r.pick(ATTRIBUTE_VALUES) } : {},
    topics: { type: 'topic.list', topics, total_count: topics.length },
    linked_objects: linked
      ? {
          type: 'list',
          total_count: 1,
          has_more: false,
          data: [{ type: 'ticket', id: String(60_000 + index), category: texture.linkedCategory }],
        }
      : { type: 'list', total_count: 0, has_more: false, data: [] },
    ai_agent_participated: aiParticipated,
    ai_agent: aiParticipated
      ? {
          source_type: texture.aiSourceType,
          source_title: 'Mock AI Workflow',
          last_answer_type: texture.aiLastAnswerType,
          resolution_state: texture.aiOutcome,
          rating: r.chance(0.5) ? r.int(1, 5) : null,
          rating_remark: null,
          content_sources: {
            type: 'content_source.list',
            total_count: 1,
            content_sources: [
              {
                content_type: 'article',
                url: 'https://example.com/help/billing',
                title: 'Billing FAQ',
                locale: 'en',
              },
            ],
          },
        }
      : null,
    conversation_parts: null,
  };
  let parts: Array<Record<string, unknown>> | undefined;
  return {
    index,
    id,
    neutral,
    get parts() {
      parts ??= makeParts();
      return parts;
    },
    partCount,
    seededTags,
    facts: {
      state,
      rated,
      adminInitiated,
      hasSla,
      aiParticipated,
      hasFirstContactReply: firstContact !== undefined,
    },
  };
}
