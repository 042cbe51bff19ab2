import { type Conversation, MAX_RETURNED_PARTS } from '../workspace/conversation.ts';
import type { AppliedTag } from '../workspace/tag-state.ts';
import { htmlToPlaintext } from './plaintext.ts';
import type { VersionProfile } from './profile.ts';
import type { Rendered } from './render.ts';

/**
 * Version shapes, conformant by construction: a conversation keeps the properties its version describes or
 * requires, and an absent value (null in the neutral conversation) becomes `null` where the version allows
 * null and disappears where it does not.
 */

export interface ConversationView {
  conversation: Conversation;
  /** The conversation in the version's words (render.ts). */
  values: Rendered;
  tags: AppliedTag[];
  tagName: (id: string) => string;
  /** A list item: no conversation_parts, the list's item schema. */
  listItem: boolean;
  /** `display_as=plaintext`. */
  plaintext: boolean;
}

/** A marker to leave a property out in `overrides`. */
const OMIT = Symbol('omit');

export function tagJson(tag: AppliedTag, name: string): Record<string, unknown> {
  return {
    type: 'tag',
    id: tag.id,
    name,
    applied_at: tag.appliedAt,
    applied_by: { type: 'admin', id: tag.appliedBy },
  };
}

function plainBody(part: Record<string, unknown>): Record<string, unknown> {
  return typeof part.body === 'string' ? { ...part, body: htmlToPlaintext(part.body) } : part;
}

export function partsJson(c: Conversation, plaintext: boolean): Record<string, unknown> {
  const recent = c.parts.slice(Math.max(0, c.parts.length - MAX_RETURNED_PARTS));
  return {
    type: 'conversation_part.list',
    conversation_parts: plaintext ? recent.map(plainBody) : recent,
    total_count: c.partCount,
  };
}

/** The value of a neutral key for this view (tags, parts and plaintext source filled in). */
export function viewValue(view: ConversationView, key: string, raw: unknown): unknown {
  if (key === 'tags') {
    return { type: 'tag.list', tags: view.tags.map((t) => tagJson(t, view.tagName(t.id))) };
  }
  if (key === 'conversation_parts') return partsJson(view.conversation, view.plaintext);
  if (key === 'source' && view.plaintext) return plainBody(raw as Record<string, unknown>);
  return raw;
}

/**
 * The conversation in the version's shape. `overrides` force a value (or `OMIT`) for a key, whatever the
 * version says: the documented scenario uses them for its deviations.
 */
export function shapeConversation(
  profile: VersionProfile,
  view: ConversationView,
  overrides: Map<string, unknown> = new Map(),
): Record<string, unknown> {
  const rules = view.listItem ? profile.listItem : profile.conversation;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(view.values)) {
    if (key === 'conversation_parts' && view.listItem) continue;
    if (overrides.has(key)) {
      const forced = overrides.get(key);
      if (forced !== OMIT) out[key] = forced;
      continue;
    }
    const rule = rules(key);
    if (!rule.described && !rule.required) continue;
    const value = viewValue(view, key, raw);
    if (value === null && !rule.nullable && !rule.required) continue;
    out[key] = value;
  }
  return out;
}

export interface PageData {
  page: number;
  perPage: number;
  totalPages: number;
  totalCount: number;
  /** The cursor of the next page, when there is one. */
  next?: string;
}

export function pagesJson(page: PageData, nextPerPage: boolean): Record<string, unknown> {
  const pages: Record<string, unknown> = { type: 'pages' };
  if (page.next !== undefined) {
    pages.next = nextPerPage
      ? { page: page.page + 1, per_page: page.perPage, starting_after: page.next }
      : { page: page.page + 1, starting_after: page.next };
  }
  pages.page = page.page;
  pages.per_page = page.perPage;
  pages.total_pages = page.totalPages;
  return pages;
}

export function listJson(
  pages: unknown,
  totalCount: number,
  conversations: unknown[],
): Record<string, unknown> {
  return { type: 'conversation.list', pages, total_count: totalCount, conversations };
}
