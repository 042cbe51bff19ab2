/** The state round trip as data, for the mock, which applies the same actions the collector sends. */
export type { ManageAction } from './requests.ts';
export { applyAction } from './restore.ts';
export type { ConversationState } from './state.ts';
