import type { ProjectionChange } from './apply'
import { queryTokens } from './fold'
import { MAX_QUERY_TOKENS, type ContactSearchHit, type RankOptions } from './rank'
import type { ReadModel } from './schema'
import { searchDexie } from './search-dexie'
import { createMiniSearchIndex } from './search-minisearch'

const tokens = (query: string) => queryTokens(query).slice(0, MAX_QUERY_TOKENS)

/** The two engines behind `createContactSearch`. */
export type SearchEngine = 'minisearch' | 'dexie'

/**
 * The default engine: MiniSearch (its radix tree). Measured at 50k generated contacts (30% Arabic names) in Node,
 * both engines returning identical hits: MiniSearch answered in 5 ms p50 / 27 ms p95 of CPU, the
 * Dexie index in 34 ms / 233 ms on fake-indexeddb. fake-indexeddb is slow and real IndexedDB is the
 * browser truth, but the Dexie engine's cost is structural: one index range per query word, then
 * reading every candidate row to rank it, thousands of rows for a one- or two-letter prefix, on
 * every keystroke. MiniSearch pays once instead: about 0.5 s of CPU to index 50k rows (done in
 * yielding chunks) and the rows in memory (they already are after the load; hits hand them to the
 * list). Since one-word queries are scored during the tree walk (`search-minisearch.ts`), it
 * answers in 0.55 ms p50 / 1.4 ms p95 of CPU at 50k (`npm run bench -- --only search. --clock cpu`).
 * Where that memory or start-up matters more than type-ahead speed (a short-lived extension
 * service worker), choose `engine: 'dexie'`.
 */
export const DEFAULT_SEARCH_ENGINE: SearchEngine = 'minisearch'

/** Where committed projection changes come from: the projector. */
export interface ChangeSource {
  onChange(listener: (change: ProjectionChange) => void): () => void
}

/** Options of `createContactSearch`. */
export interface ContactSearchOptions {
  /** @default DEFAULT_SEARCH_ENGINE */
  engine?: SearchEngine
  /**
   * The projector, whose changes keep the MiniSearch index current. Without it the index is
   * loaded once and goes stale; the Dexie engine needs none.
   */
  changes?: ChangeSource
}

/** Contact name search over the read model. */
export interface ContactSearch {
  engine: SearchEngine
  /** Resolves once the engine can answer (the MiniSearch index is loaded). */
  ready: Promise<void>
  /**
   * Finds contacts whose names, organisation or email local parts have a token starting with
   * each word of the query (case, accents and Arabic spelling variants folded), best first.
   * @returns `[]` for a query with no letter or digit
   */
  search(query: string, options?: RankOptions): Promise<ContactSearchHit[]>
  /** Stops following changes and frees the index. */
  dispose(): void
}

/**
 * Creates a contact search over the read model, with one interface for both engines and the
 * same ranking (`rankCandidates`), so they return the same hits.
 * @param db - the read model
 * @param options - the engine and, for MiniSearch, the projector to follow
 * @returns the search
 */
export function createContactSearch(db: ReadModel, options: ContactSearchOptions = {}): ContactSearch {
  const engine = options.engine ?? DEFAULT_SEARCH_ENGINE
  if (engine === 'dexie') {
    return {
      engine,
      ready: Promise.resolve(),
      search: (query, opts = {}) => searchDexie(db, tokens(query), opts),
      dispose: () => {},
    }
  }
  const index = createMiniSearchIndex(db)
  const unsubscribe = options.changes?.onChange(index.apply) ?? (() => {})
  const ready = index.load()
  return {
    engine,
    ready,
    async search(query, opts = {}) {
      await ready
      return index.search(tokens(query), opts)
    },
    dispose: unsubscribe,
  }
}
