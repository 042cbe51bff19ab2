import type { PropertyRules, VersionProfile } from '../render/profile.ts';
import {
  type ConversationView,
  listJson,
  type PageData,
  pagesJson,
  partsJson,
  shapeConversation,
  tagJson,
  viewValue,
} from '../render/shape.ts';
import type { Deviation, QuirkId } from './quirks.ts';
import { type BodyShaper, prefixDeviations, type Shaped } from './scenario.ts';

/**
 * `documented`: responses shaped the way Intercom's own examples and documentation pages show them, including
 * where those disagree with the schemas. Every deviation is tagged with its quirk id and instance path, so
 * that a test can assert the kit finds exactly those. Which conversations carry which deviation is fixed by
 * their index (and their seeded facts), so the subsets are deterministic. A deviation is made in a version only
 * when that version's generated quirk registry (`generated/<v>/quirks.json`) lists its quirk as applying, so the
 * scenario follows the quirk data (a version without quirk data is served as by `conformant`):
 *
 * | quirk | where |
 * |---|---|
 * | null-conversation-rating | unrated conversations with an even index (tagged where the version forbids null: 2.11) |
 * | rating-all-null-fields | unrated conversations with an odd index (both versions) |
 * | null-first-contact-reply, null-sla-applied, null-ai-agent | every conversation without one (tagged in 2.11) |
 * | null-statistics, null-teammates | index % 4 == 0 (tagged in 2.11) |
 * | assignee-ids-as-strings | index % 3 == 0, each non-null assignee id (both versions) |
 * | nullable-ref | retrieve, index % 6 == 5: every part not about assignment has assigned_to null (both versions) |
 * | nullable-allof | index % 5 == 2: the first seeded tag still attached has applied_by null (both versions) |
 * | topics-undefined | every conversation: topics is a topic.list (not visible to strict validation) |
 * | per-page-as-string | every list page (both versions) |
 * | pages-next-without-per-page | every list page with a next page (a deviation where next requires per_page: 2.11) |
 * | list-conversations-schema | every 2.10 list page: `conversations` is not described (not visible) |
 *
 * `nullable-ref` is kept for assigned_to (as the quirk registry does): sla_applied and ai_agent null carry the more
 * precise null-sla-applied / null-ai-agent.
 *
 */

/** The rating of an unrated conversation, as docs pages 000 and 001 print it. */
const ALL_NULL_RATING = {
  created_at: null,
  contact: { id: null, type: null },
  rating: null,
  remark: null,
  teammate: { id: null, type: null },
};

class Deviations {
  readonly list: Deviation[] = [];
  readonly overrides = new Map<string, unknown>();

  constructor(
    private readonly rules: PropertyRules,
    private readonly listed: ReadonlySet<string>,
  ) {}

  /** Whether the version's quirk registry lists the quirk: a deviation is made only then. */
  applies(quirk: QuirkId): boolean {
    return this.listed.has(quirk);
  }

  /** Sets a property to a value its schema does not admit: strict validation sees it where the property is described. */
  set(key: string, value: unknown, quirk: QuirkId): void {
    if (!this.applies(quirk)) return;
    this.overrides.set(key, value);
    this.list.push({ quirk, instancePath: `/${key}`, schemaVisible: this.rules(key).described });
  }

  /** Sets a property to null: a deviation (tagged) only where the version forbids null there. */
  setNull(key: string, quirk: QuirkId): void {
    if (!this.applies(quirk)) return;
    const rule = this.rules(key);
    if (!rule.described && !rule.required) return;
    this.overrides.set(key, null);
    if (!rule.nullable) this.list.push({ quirk, instancePath: `/${key}`, schemaVisible: true });
  }
}

function documentedConversation(profile: VersionProfile, view: ConversationView): Shaped {
  const c = view.conversation;
  const i = c.index;
  const rules = view.listItem ? profile.listItem : profile.conversation;
  const d = new Deviations(rules, profile.quirks);
  const n = c.neutral;

  if (!c.facts.rated) {
    // 2.11 description, example "conversation found": conversation_rating: null.
    if (i % 2 === 0) d.setNull('conversation_rating', 'null-conversation-rating');
    // Docs pages 000 and 001: an unrated conversation's rating object with every field null.
    else d.set('conversation_rating', ALL_NULL_RATING, 'rating-all-null-fields');
  }
  // 2.11 description, example "conversation found": first_contact_reply, sla_applied, ai_agent null when absent.
  if (n.first_contact_reply === null) d.setNull('first_contact_reply', 'null-first-contact-reply');
  if (n.sla_applied === null) d.setNull('sla_applied', 'null-sla-applied');
  if (n.ai_agent === null) d.setNull('ai_agent', 'null-ai-agent');
  if (i % 4 === 0) {
    // 2.11 description, example "conversation found": statistics and teammates null.
    d.setNull('statistics', 'null-statistics');
    d.setNull('teammates', 'null-teammates');
  }
  if (i % 3 === 0) {
    // Docs pages 000/001 ("admin_assignee_id": "814860") and 002 ("team_assignee_id": "5017691").
    for (const key of ['admin_assignee_id', 'team_assignee_id']) {
      const v = view.values[key];
      if (n[key] !== null && typeof v === 'number') d.set(key, String(v), 'assignee-ids-as-strings');
    }
  }
  if (i % 5 === 2 && d.applies('nullable-allof')) {
    // Docs page 004 documents applied_by as "object or null"; the strict reading of `nullable` + `allOf` refuses null.
    const k = view.tags.findIndex((t) => t.seeded);
    if (k >= 0) {
      const tags = view.tags.map((t, j) => {
        const json = tagJson(t, view.tagName(t.id));
        return j === k ? { ...json, applied_by: null } : json;
      });
      d.overrides.set('tags', { type: 'tag.list', tags });
      d.list.push({
        quirk: 'nullable-allof',
        instancePath: `/tags/tags/${k}/applied_by`,
        schemaVisible: true,
      });
    }
  }
  if (!view.listItem && i % 6 === 5 && d.applies('nullable-ref')) {
    // Docs page 001: "assigned_to": null on a comment part; the schema's `nullable` beside `$ref` does not count.
    const list = partsJson(c, view.plaintext);
    const parts = (list.conversation_parts as Array<Record<string, unknown>>).map((p, k) => {
      if (p.assigned_to !== undefined) return p;
      d.list.push({
        quirk: 'nullable-ref',
        instancePath: `/conversation_parts/conversation_parts/${k}/assigned_to`,
        schemaVisible: true,
      });
      return { ...p, assigned_to: null };
    });
    d.overrides.set('conversation_parts', { ...list, conversation_parts: parts });
  }
  // Docs pages 000, 001, 002: topics as a topic.list; no version's schema defines it (2.11 requires it).
  if (rules('topics').described) d.overrides.set('topics', viewValue(view, 'topics', n.topics));
  else d.set('topics', viewValue(view, 'topics', n.topics), 'topics-undefined');
  return { body: shapeConversation(profile, view, d.overrides), deviations: d.list };
}

export const documented: BodyShaper = {
  conversation: documentedConversation,
  listPage(profile: VersionProfile, page: PageData, items: Shaped[]): Shaped {
    const listed = (quirk: QuirkId) => profile.quirks.has(quirk);
    // Docs page 000: `next` is { page, starting_after }, without the per_page 2.11 requires.
    const withoutPerPage = listed('pages-next-without-per-page');
    const pages = pagesJson(page, !withoutPerPage);
    const deviations: Deviation[] = [];
    // A deviation only where the version's schema requires per_page in next (2.11); elsewhere it is just the shape.
    if (withoutPerPage && pages.next !== undefined && profile.nextRequiresPerPage) {
      deviations.push({
        quirk: 'pages-next-without-per-page',
        instancePath: '/pages/next/per_page',
        schemaVisible: true,
      });
    }
    // Docs page 000: "per_page": "1".
    if (listed('per-page-as-string')) {
      pages.per_page = String(page.perPage);
      deviations.push({ quirk: 'per-page-as-string', instancePath: '/pages/per_page', schemaVisible: true });
    }
    if (!profile.listDescribesConversations && listed('list-conversations-schema')) {
      // 2.10 description, listConversations 200 example "successful": `conversations` under `paginated_response`.
      deviations.push({
        quirk: 'list-conversations-schema',
        instancePath: '/conversations',
        schemaVisible: false,
      });
    }
    items.forEach((item, k) => {
      const inItem = prefixDeviations(`/conversations/${k}`, item.deviations);
      // Inside a list the schema does not describe, no deviation of an item is visible to strict validation.
      deviations.push(
        ...(profile.listDescribesConversations
          ? inItem
          : inItem.map((d) => ({ ...d, schemaVisible: false }))),
      );
    });
    return {
      body: listJson(
        pages,
        page.totalCount,
        items.map((i) => i.body),
      ),
      deviations,
    };
  },
};
