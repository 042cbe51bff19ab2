import type { VersionProfile } from '../render/profile.ts';
import {
  type ConversationView,
  listJson,
  type PageData,
  pagesJson,
  shapeConversation,
} from '../render/shape.ts';
import type { BodyShaper, Shaped } from './scenario.ts';

/** `conformant`: every response valid against the strict schema of its version and status. */
export const conformant: BodyShaper = {
  conversation(profile: VersionProfile, view: ConversationView): Shaped {
    return { body: shapeConversation(profile, view), deviations: [] };
  },
  listPage(_profile: VersionProfile, page: PageData, items: Shaped[]): Shaped {
    return {
      body: listJson(
        pagesJson(page, true),
        page.totalCount,
        items.map((i) => i.body),
      ),
      deviations: [],
    };
  },
};
