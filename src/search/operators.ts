import type { SearchOperator } from '../model/search.ts';
import type { SearchFieldType } from './fields.ts';

/**
 * The operators of `searchConversations`: the "Accepted Operators" table of the operation's description
 * (identical in every version), and the two the shared schema's enum adds (`<=`, `>=`) that the conversation
 * table does not document.
 */
export interface SearchOperatorSpec {
  operator: SearchOperator;
  /** The field types the conversation search documents it for; empty when it documents it for none. */
  types: readonly SearchFieldType[];
  /** The value must be an array. */
  array: boolean;
  description: string;
}

const ALL: readonly SearchFieldType[] = ['string', 'integer', 'date', 'boolean'];
const ORDERED: readonly SearchFieldType[] = ['integer', 'date'];

export const SEARCH_OPERATORS: readonly SearchOperatorSpec[] = [
  { operator: '=', types: ALL, array: false, description: 'Equals' },
  { operator: '!=', types: ALL, array: false, description: "Doesn't Equal" },
  {
    operator: 'IN',
    types: ALL,
    array: true,
    description: 'In (shortcut for OR queries; values in an array)',
  },
  {
    operator: 'NIN',
    types: ALL,
    array: true,
    description: 'Not In (shortcut for OR ! queries; values in an array)',
  },
  { operator: '>', types: ORDERED, array: false, description: 'Greater (or equal) than' },
  { operator: '<', types: ORDERED, array: false, description: 'Lower (or equal) than' },
  { operator: '~', types: ['string'], array: false, description: 'Contains' },
  { operator: '!~', types: ['string'], array: false, description: "Doesn't Contain" },
  { operator: '^', types: ['string'], array: false, description: 'Starts With' },
  { operator: '$', types: ['string'], array: false, description: 'Ends With' },
  // In single_filter_search_request's enum of every version, absent from the conversation operator table.
  { operator: '<=', types: [], array: false, description: 'Lower than or equal (schema enum only)' },
  { operator: '>=', types: [], array: false, description: 'Greater than or equal (schema enum only)' },
];

const BY_OPERATOR = new Map(SEARCH_OPERATORS.map((o) => [o.operator as string, o]));

export function searchOperator(operator: string): SearchOperatorSpec | undefined {
  return BY_OPERATOR.get(operator);
}

export const GROUP_OPERATORS = ['AND', 'OR'] as const;
