import SearchableMap from 'minisearch/SearchableMap'
import type { ProjectionChange } from './apply'
import { rankCandidates, type ContactSearchHit, type RankOptions, type SearchCandidate } from './rank'
import type { ContactRow } from './rows'
import type { ReadModel } from './schema'

/** Rows indexed between two yields to the event loop while loading (about 20 ms of work each). */
const LOAD_CHUNK = 2000

/** The fields of a row the index keeps (its tokens are already folded by the projector). */
const candidate = (r: ContactRow): SearchCandidate => ({
  id: r.id,
  displayName: r.displayName,
  sortKey: r.sortKey,
  nameTokens: r.nameTokens,
  deleted: r.deleted,
})

/**
 * An in-memory MiniSearch index over the contacts' folded name tokens, loaded from the read
 * model and kept current from the projector's committed changes.
 */
export function createMiniSearchIndex(db: ReadModel) {
  // MiniSearch's radix tree (SearchableMap) from token to the contacts that have it. Its own
  // search() scored every match with BM25, which our ranking then ignored: a one-letter prefix
  // at 50k contacts took ~140 ms. A prefix walk of the tree gives the candidates directly.
  const tree = new SearchableMap<Set<string>>()
  const contacts = new Map<string, SearchCandidate>()
  const index = {
    add(c: SearchCandidate) {
      for (const t of c.nameTokens) tree.fetch(t, () => new Set()).add(c.id)
    },
    remove(c: SearchCandidate) {
      for (const t of c.nameTokens) {
        const ids = tree.get(t)
        ids?.delete(c.id)
        if (ids?.size === 0) tree.delete(t)
      }
    },
    removeAll: () => tree.clear(),
  }

  function put(rows: ContactRow[]) {
    for (const r of rows) {
      const old = contacts.get(r.id)
      const c = candidate(r)
      contacts.set(r.id, c)
      if (old && old.nameTokens.join(' ') === c.nameTokens.join(' ')) continue
      if (old) index.remove(old)
      index.add(c)
    }
  }

  function remove(ids: string[]) {
    for (const id of ids) {
      const old = contacts.get(id)
      if (!old) continue
      contacts.delete(id)
      index.remove(old)
    }
  }

  function applyNow(change: ProjectionChange) {
    if (change.reset) {
      index.removeAll()
      contacts.clear()
    }
    const c = change.tables.contacts
    if (c) {
      remove(c.deleted)
      put(c.put)
    }
  }

  // Changes seen while loading wait for the loaded rows, or those older rows would undo them.
  let buffer: ProjectionChange[] | undefined = []

  /** Applies a committed projection pass. */
  function apply(change: ProjectionChange) {
    if (buffer) buffer.push(change)
    else applyNow(change)
  }

  /** Loads every contact row in chunks, yielding between them, then replays the changes seen meanwhile. */
  async function load() {
    const rows = await db.contacts.toArray()
    for (let i = 0; i < rows.length; i += LOAD_CHUNK) {
      put(rows.slice(i, i + LOAD_CHUNK))
      if (i + LOAD_CHUNK < rows.length) await new Promise((resolve) => setTimeout(resolve, 0))
    }
    for (const change of buffer ?? []) applyNow(change)
    buffer = undefined
  }

  function search(query: string[], options: RankOptions): ContactSearchHit[] {
    if (query.length === 0) return []
    // Candidates come from the longest word (usually the rarest); ranking checks every word.
    const longest = query.reduce((a, b) => (b.length > a.length ? b : a))
    const candidates = new Set<SearchCandidate>()
    for (const ids of tree.atPrefix(longest).values()) {
      for (const id of ids) candidates.add(contacts.get(id)!)
    }
    return rankCandidates(candidates, query, options)
  }

  return { apply, load, search, size: () => contacts.size }
}
