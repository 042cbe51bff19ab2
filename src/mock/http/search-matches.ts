import { Lru } from '../workspace/lru.ts';

/**
 * The list positions a search query matched, per version, kept for the next pages of the same search: a page
 * after the first costs its own items, not another pass over the workspace, so walking a search is linear in the
 * workspace size, not quadratic. An entry is valid only while the workspace is unchanged (its key holds the
 * workspace clock, which every write advances). Bounded: a few queries of at most one Int32 per conversation.
 */
export class SearchMatches {
  private readonly cache: Lru<string, Int32Array>;

  constructor(capacity = 8) {
    this.cache = new Lru(capacity);
  }

  get(key: string): Int32Array | undefined {
    return this.cache.get(key);
  }

  set(key: string, positions: Int32Array): void {
    this.cache.set(key, positions);
  }
}
