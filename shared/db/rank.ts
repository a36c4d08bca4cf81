import type { ContactRow } from './rows'

/** What ranking needs of a contact. */
export type SearchCandidate = Pick<ContactRow, 'id' | 'displayName' | 'sortKey' | 'nameTokens' | 'deleted'>

/** One search result, best first. */
export interface ContactSearchHit<C extends SearchCandidate = ContactRow> {
  id: string
  displayName: string
  /** The row the engine ranked (both engines hold whole rows): a list can draw it at once. */
  row: C
  /** Query tokens equal to one of the contact's tokens. */
  exact: number
  /** The contact's tokens that some query token is a prefix of. */
  matched: number
}

/** Ranking options shared by the engines. */
export interface RankOptions {
  /** @default 50 */
  limit?: number
  /** @default false */
  includeDeleted?: boolean
}

/**
 * Ranks candidates for folded query tokens, the same way for every engine. A candidate is kept
 * when each query token is a prefix of one of its tokens; then exact token matches come first,
 * then contacts with more matched tokens, then by folded display name and id.
 * @param candidates - contacts an engine found (a superset is fine: non-matches are dropped)
 * @param query - the folded query tokens (`queryTokens`)
 * @returns at most `limit` hits
 */
export function rankCandidates<C extends SearchCandidate>(
  candidates: Iterable<C>,
  query: string[],
  options: RankOptions = {},
): ContactSearchHit<C>[] {
  const { limit = 50, includeDeleted = false } = options
  const hits: Ranked<C>[] = []
  // One pass over the tokens with a bit per query token (queries have a handful of words).
  const q = query.slice(0, MAX_QUERY_TOKENS)
  const full = (1 << q.length) - 1
  for (const c of candidates) {
    if (c.deleted && !includeDeleted) continue
    let found = 0
    let exactBits = 0
    let matched = 0
    for (const t of c.nameTokens) {
      let isMatched = false
      for (let i = 0; i < q.length; i++) {
        if (t.startsWith(q[i]!)) {
          isMatched = true
          found |= 1 << i
          if (t.length === q[i]!.length) exactBits |= 1 << i
        }
      }
      if (isMatched) matched++
    }
    if ((found & full) !== full) continue
    let exact = 0
    for (let b = exactBits; b; b &= b - 1) exact++
    hits.push({ c, exact, matched })
  }
  return bestHits(hits, limit)
}

/**
 * The best `limit` of scored candidates as hits, in `rankCandidates`' order; for an engine that
 * scores its candidates itself.
 * @param hits - scored candidates (reordered in place)
 * @param limit - how many to keep
 */
export function bestHits<C extends SearchCandidate>(hits: Ranked<C>[], limit: number): ContactSearchHit<C>[] {
  return topK(hits, limit).map(({ c, exact, matched }) => ({
    id: c.id,
    displayName: c.displayName,
    row: c,
    exact,
    matched,
  }))
}

/** Query words beyond this are ignored (a query is a name, not a paragraph). */
export const MAX_QUERY_TOKENS = 8

/** A candidate with its score for a query. */
export interface Ranked<C extends SearchCandidate = SearchCandidate> {
  c: C
  exact: number
  matched: number
}

const compare = (a: Ranked<SearchCandidate>, b: Ranked<SearchCandidate>): number =>
  b.exact - a.exact ||
  b.matched - a.matched ||
  (a.c.sortKey < b.c.sortKey ? -1 : a.c.sortKey > b.c.sortKey ? 1 : 0) ||
  (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0)

/**
 * The best `k` hits in order. A one-letter query can match most of the team, so rather than
 * sorting every hit, keep a sorted window of `k` and compare each hit with its worst.
 */
function topK<R extends Ranked<SearchCandidate>>(hits: R[], k: number): R[] {
  if (k <= 0) return []
  if (hits.length <= k * 4) return hits.sort(compare).slice(0, k)
  const top: R[] = []
  for (const h of hits) {
    if (top.length === k && compare(h, top[k - 1]!) >= 0) continue
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (compare(top[mid]!, h) <= 0) lo = mid + 1
      else hi = mid
    }
    top.splice(lo, 0, h)
    if (top.length > k) top.pop()
  }
  return top
}
