import type { Conversation } from '../workspace/conversation.ts';
import { Lru } from '../workspace/lru.ts';
import { EQUIVALENTS, toDomain, type VersionDomains } from './domains.ts';
import type { VersionProfile } from './profile.ts';

/**
 * One conversation of the neutral workspace in one version's words: the neutral facts mapped to the version's
 * domains (domains.ts), and an absent assignee as the version documents it (`null` where its schema admits
 * null; `0` where it types the id as a non-nullable integer, as 2.16 and Preview document: "If it's not
 * assigned to an admin it will return 0"). Everything else is the neutral value, shared (not copied).
 * Tags and parts are mutable or large and stay out: the shapes add them per request.
 */
export type Rendered = Record<string, unknown>;

const ASSIGNEE_KEYS = ['admin_assignee_id', 'team_assignee_id'];

function mapped(domains: VersionDomains, key: keyof VersionDomains, value: unknown): unknown {
  return toDomain(value, domains[key], EQUIVALENTS[key]);
}

function renderConversation(profile: VersionProfile, c: Conversation): Rendered {
  const n = c.neutral;
  const d = profile.domains;
  const out: Rendered = { ...n };
  out.priority = mapped(d, 'priority', n.priority);
  const source = n.source as Record<string, unknown>;
  out.source = { ...source, type: mapped(d, 'sourceType', source.type) };
  const sla = n.sla_applied as Record<string, unknown> | null;
  if (sla) out.sla_applied = { ...sla, sla_status: mapped(d, 'slaStatus', sla.sla_status) };
  const ai = n.ai_agent as Record<string, unknown> | null;
  if (ai) {
    out.ai_agent = {
      ...ai,
      source_type: mapped(d, 'aiSourceType', ai.source_type),
      last_answer_type: mapped(d, 'aiLastAnswerType', ai.last_answer_type),
      resolution_state: mapped(d, 'aiResolutionState', ai.resolution_state),
    };
  }
  const linked = n.linked_objects as { data: Array<Record<string, unknown>> };
  if (linked.data.length > 0) {
    out.linked_objects = {
      ...linked,
      data: linked.data.map((o) => ({ ...o, category: mapped(d, 'linkedCategory', o.category) })),
    };
  }
  for (const key of ASSIGNEE_KEYS) {
    const rule = profile.conversation(key);
    if (n[key] === null && rule.described && !rule.nullable && rule.integer) out[key] = 0;
  }
  return out;
}

/** Each conversation rendered once per version and revision, kept in a bounded LRU (a walk of 100,000 stays flat). */
export class RenderCache {
  private readonly cache: Lru<number, { revision: number; value: Rendered }>;

  constructor(
    private readonly profile: VersionProfile,
    capacity = 1024,
  ) {
    this.cache = new Lru(capacity);
  }

  /** Keyed by index and revision: a conversation the state overlay changed is rendered anew. */
  get(c: Conversation): Rendered {
    const revision = c.revision ?? 0;
    const hit = this.cache.get(c.index);
    if (hit && hit.revision === revision) return hit.value;
    const value = renderConversation(this.profile, c);
    this.cache.set(c.index, { revision, value });
    return value;
  }
}
