/** The search query language, for the mock that serves it, the public surface, and what reads its answers. */
export {
  answerSearch,
  decodeCursor,
  encodeCursor,
  type SearchAnswer,
  type SearchAnswerOptions,
  type SearchListBody,
} from './answer.ts';
export { type EvaluateOptions, evaluate } from './evaluate.ts';
export { parseSearchQuery } from './user-query.ts';
export {
  type SearchErrorList,
  type SearchValidation,
  type ValidateOptions,
  validateSearchRequest,
} from './validate.ts';
