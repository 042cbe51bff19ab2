export {
  answerSearch,
  decodeCursor,
  encodeCursor,
  type SearchAnswer,
  type SearchAnswerOptions,
  type SearchListBody,
} from './answer.ts';
export { SEARCH_CHECKS } from './checks/registry.ts';
export type { SearchCheck, SearchVerdict } from './checks/types.ts';
export { renderSearchOperatorsTable, renderSearchRulesTable } from './docs.ts';
export { type EvaluateOptions, evaluate } from './evaluate.ts';
export {
  fieldValues,
  SEARCH_FIELDS,
  type SearchField,
  type SearchFieldType,
  searchField,
  tokensOf,
} from './fields.ts';
export { queriesFrom } from './generate.ts';
export {
  DEFAULT_PER_PAGE,
  MAX_FILTERS_PER_GROUP,
  MAX_NESTING,
  MAX_PER_PAGE,
  type PerPageOverflow,
} from './limits.ts';
export { SEARCH_OPERATORS, type SearchOperatorSpec, searchOperator } from './operators.ts';
export { parseSearchQuery } from './user-query.ts';
export {
  SEARCH_RULES,
  type SearchErrorList,
  type SearchRule,
  type SearchValidation,
  type ValidateOptions,
  validateQuery,
  validateSearchRequest,
} from './validate.ts';
export { SEARCH_SCHEMA_FACTS, SEARCH_VERSIONS, type SearchSchemaFacts, schemaFacts } from './versions.ts';
