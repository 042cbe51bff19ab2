/** The documented limits of `searchConversations` (the operation's description, every version). */

/** "There's a limit of max 2 nested filters": a group inside a group, no deeper. */
export const MAX_NESTING = 2;
/** "There's a limit of max 15 filters for each AND or OR group". */
export const MAX_FILTERS_PER_GROUP = 15;
/** "The default is `20` results per page and maximum is `150`." */
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 150;

/** What a per_page above the maximum does: clamped to 150 or refused (the list's `--per-page-overflow`). */
export type PerPageOverflow = 'clamp' | 'reject';
