import type { VersionProfile } from '../render/profile.ts';
import type { ConversationView, PageData } from '../render/shape.ts';
import type { Deviation } from './quirks.ts';

/** A response body and the deviations from the strict schema it carries on purpose (documented scenario). */
export interface Shaped {
  body: Record<string, unknown>;
  deviations: Deviation[];
}

/** How a scenario shapes the bodies of the conversation endpoints. One scenario lives in one file. */
export interface BodyShaper {
  conversation(profile: VersionProfile, view: ConversationView): Shaped;
  listPage(profile: VersionProfile, page: PageData, items: Shaped[]): Shaped;
}

export function prefixDeviations(prefix: string, deviations: Deviation[]): Deviation[] {
  return deviations.map((d) => ({ ...d, instancePath: `${prefix}${d.instancePath}` }));
}
