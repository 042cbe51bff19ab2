/**
 * intercom-conformance: the public surface. Everything a team uses from code is exported here; the rest of
 * src/ is internal.
 */

// Runs, checks and the one result model.
export { CHECKS, runChecks } from './checks/index.ts';
export type { Check, CheckContext, CheckVerdict } from './checks/types.ts';
// The typed client.
export {
  type ApiVersion,
  type ClientOptions,
  createIntercomClient,
  type IntercomClient,
} from './client/index.ts';
export { describeWorstCase, type TimeBoundSettings, worstCaseRunMs } from './client/middleware/bounds.ts';
export { REGION_BASE_URLS, type Region } from './client/regions.ts';
export { ensureSpecs } from './descriptions/fetch.ts';
// Spec sources.
export { readLock, type SpecLock } from './descriptions/lock.ts';
export {
  compareVersions,
  DEFAULT_RUN_VERSIONS,
  intercomVersionHeader,
  PREVIEW,
  parseVersionSelection,
} from './descriptions/versions.ts';
export {
  annotateQuirks,
  type Change,
  type ChangeClass,
  type DiffReport,
  diffDescriptions,
  type Level,
  RULES,
} from './diff/index.ts';
// Breaking-change detection.
export { comparePayloads, type RuntimeDifference, valuesDiffer } from './diff/runtime.ts';
// The embedded mock.
export {
  DEFAULT_TAGS,
  type Deviation,
  FAULT_IDS,
  type FaultId,
  type MockOptions,
  type MockServer,
  type MockState,
  SCENARIO_IDS,
  startMockServer,
} from './mock/index.ts';
export type { ConversationState, ManageAction } from './model/conversation-state.ts';
export type {
  CheckResult,
  Classification,
  Finding,
  MatrixCell,
  Outcome,
  RunMetadata,
  RunResult,
} from './model/result.ts';
export type { SearchNode, SearchRequest } from './model/search.ts';
export { type ClassifiedFinding, classifyBody } from './quirks/classify.ts';
export type { QuirkEntry, QuirkRegistry } from './quirks/registry.ts';
export { quirkAwareResponseTarget } from './quirks/target.ts';
// Reports.
export {
  finalLine,
  githubAnnotations,
  mergeResults,
  parseRunResult,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
  VOCABULARY,
  writeGithubOutput,
  writeReports,
} from './report/index.ts';
export { configFromEnv, type RunConfig } from './run/config.ts';
export { type RunHooks, runConformance } from './run/engine.ts';
export { exitCodeOf, type FailOn } from './run/exit-code.ts';
// The search query language of POST /conversations/search, per version: validate a query (Intercom's
// error.list when it is refused), evaluate it on a conversation, and the answer the mock serves.
export {
  answerSearch,
  evaluate as evaluateSearchQuery,
  parseSearchQuery,
  validateSearchRequest,
} from './search/index.ts';
export { buildGuide, type UpgradeGuide } from './upgrade/guide.ts';
// Validation of captured bodies: strict, and quirk-aware.
export { loadArtifacts, type VersionArtifacts } from './validate/artifacts.ts';
export { requestTarget, responseTarget, type SchemaFinding, validateAgainst } from './validate/validate.ts';
