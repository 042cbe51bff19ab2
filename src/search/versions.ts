/**
 * What each version's request schemas say beyond the documented text (which is the same in every version).
 * These are artefacts of how the descriptions are generated, not behaviour of the API; `validateSearchRequest`
 * enforces them only in `schema: 'strict'` mode. `tests/search/versions.test.ts` derives every flag from the
 * descriptions themselves.
 */
export interface SearchSchemaFacts {
  /**
   * `mixed`: a group's `value` items are `multiple_or_single_filter_search_request` (filters and groups may be
   * mixed). `uniform`: `oneOf` an array of groups or an array of filters — a mixed array matches neither.
   */
  groupItems: 'mixed' | 'uniform';
  /** `uniform`: an array value is all strings or all integers (`oneOf` two array types); `mixed`: either per item. */
  arrayValues: 'mixed' | 'uniform';
  /** `starting_after_paging` requires `per_page` (2.11 only). */
  perPageRequired: boolean;
}

export const SEARCH_SCHEMA_FACTS: Readonly<Record<string, SearchSchemaFacts>> = {
  '2.7': { groupItems: 'mixed', arrayValues: 'uniform', perPageRequired: false },
  '2.8': { groupItems: 'mixed', arrayValues: 'mixed', perPageRequired: false },
  '2.9': { groupItems: 'mixed', arrayValues: 'uniform', perPageRequired: false },
  '2.10': { groupItems: 'mixed', arrayValues: 'uniform', perPageRequired: false },
  '2.11': { groupItems: 'mixed', arrayValues: 'uniform', perPageRequired: true },
  '2.12': { groupItems: 'mixed', arrayValues: 'uniform', perPageRequired: false },
  '2.13': { groupItems: 'uniform', arrayValues: 'mixed', perPageRequired: false },
  '2.14': { groupItems: 'uniform', arrayValues: 'mixed', perPageRequired: false },
  '2.15': { groupItems: 'uniform', arrayValues: 'mixed', perPageRequired: false },
  '2.16': { groupItems: 'uniform', arrayValues: 'mixed', perPageRequired: false },
  Preview: { groupItems: 'uniform', arrayValues: 'mixed', perPageRequired: false },
};

export const SEARCH_VERSIONS = Object.keys(SEARCH_SCHEMA_FACTS);

/** The folder of a version under `descriptions/` (Preview is `0`). */
export function descriptionFolder(version: string): string {
  return version === 'Preview' ? '0' : version;
}

export function schemaFacts(version: string): SearchSchemaFacts {
  const facts = SEARCH_SCHEMA_FACTS[version];
  if (!facts)
    throw new Error(`unknown API version ${JSON.stringify(version)} (known: ${SEARCH_VERSIONS.join(', ')})`);
  return facts;
}
