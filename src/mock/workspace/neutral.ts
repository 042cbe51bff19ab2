import { rng } from './prng.ts';

/**
 * The version-neutral facts of a conversation that each API version words in its own domain: a priority level,
 * a channel, an SLA status, what an AI agent did. The workspace picks them once per (seed, index), from the
 * neutral vocabulary below (the union of what the descriptions 2.7 … 2.16 and Preview use); render/ maps them
 * to each version's own enum (`render/domains.ts`), so that the same conversation reads differently in two
 * versions exactly where their descriptions differ.
 */

/** 2.16 and Preview: `none|low|medium|high|urgent`; earlier versions only say `priority|not_priority`. */
export const PRIORITY_LEVELS = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];

/** `source.type`: an enum up to 2.15, a free string in 2.16 and Preview. */
export const CHANNELS = [
  'conversation',
  'email',
  'facebook',
  'instagram',
  'phone_call',
  'phone_switch',
  'push',
  'sms',
  'twitter',
  'whatsapp',
] as const;

const SLA_STATUSES = ['hit', 'missed', 'cancelled', 'active'] as const;
const AI_SOURCE_TYPES = [
  'essentials_plan_setup',
  'profile',
  'workflow',
  'workflow_preview',
  'fin_preview',
] as const;
const AI_ANSWER_TYPES = ['ai_answer', 'custom_answer', null] as const;
/** `ai_agent.resolution_state`: 2.11–2.14 and 2.15+ share two values and name the others differently. */
const AI_OUTCOMES = [
  'assumed_resolution',
  'confirmed_resolution',
  'routed_to_team',
  'escalated',
  'abandoned',
  'negative_feedback',
  'procedure_handoff',
  null,
] as const;
const LINK_CATEGORIES = ['Customer', 'Back-office', 'Tracker', null] as const;

export interface NeutralPicks {
  priority: PriorityLevel;
  read: boolean;
  channel: string;
  hasTitle: boolean;
  slaStatus: string;
  aiSourceType: string;
  aiLastAnswerType: string | null;
  aiOutcome: string | null;
  linkedCategory: string | null;
  medianTimeToReply: number;
}

/** The picks of one conversation: a stream of its own, so that they do not shift the rest of the conversation. */
export function neutralPicks(seed: number, index: number): NeutralPicks {
  const r = rng(seed, index, 0x74657874);
  return {
    priority: r.pick(PRIORITY_LEVELS),
    read: r.chance(0.5),
    channel: r.pick(CHANNELS),
    hasTitle: r.chance(0.5),
    slaStatus: r.pick(SLA_STATUSES),
    aiSourceType: r.pick(AI_SOURCE_TYPES),
    aiLastAnswerType: r.pick(AI_ANSWER_TYPES),
    aiOutcome: r.pick(AI_OUTCOMES),
    linkedCategory: r.pick(LINK_CATEGORIES),
    medianTimeToReply: r.int(60, 7260),
  };
}
