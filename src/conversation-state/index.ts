export {
  DEFAULT_SNOOZE_MINUTES,
  type PlanOptions,
  pickConversation,
  planStateTrip,
  type StateTripPlan,
  type StateTripStep,
} from './plan.ts';
export {
  type ManageAction,
  type ManageBody,
  manageBody,
  managePathTemplate,
  manageRequest,
} from './requests.ts';
export { applyAction, type Restoration, restoreActions, SNOOZE_MARGIN_SECONDS } from './restore.ts';
export {
  type ConversationState,
  type ConversationStateName,
  compareState,
  expectationOf,
  type StateExpectation,
  type StateMismatch,
  stateOf,
} from './state.ts';
