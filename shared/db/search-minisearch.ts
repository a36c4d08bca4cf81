import MiniSearch from 'minisearch'
import type { ProjectionChange } from './apply'
import { rankCandidates, type ContactSearchHit, type RankOptions, type SearchCandidate } from './rank'
import type { ContactRow } from './rows'
import type { ReadModel } from './schema'

interface IndexedDoc {
  id: string
  tokens: string
}

/** Rows indexed between two yields to the event loop while loading (about 20 ms of work each). */
const LOAD_CHUNK = 2000

const splitSpaces = (s: string) => s.split(' ')
const identity = (t: string) => t

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
  const index = new MiniSearch<IndexedDoc>({
    fields: ['tokens'],
    tokenize: splitSpaces,
    processTerm: identity,
  })
  const contacts = new Map<string, SearchCandidate>()
  const doc = (c: SearchCandidate): IndexedDoc => ({ id: c.id, tokens: c.nameTokens.join(' ') })

  function put(rows: ContactRow[]) {
    for (const r of rows) {
      const old = contacts.get(r.id)
      const c = candidate(r)
      contacts.set(r.id, c)
      if (old && old.nameTokens.join(' ') === c.nameTokens.join(' ')) continue
      if (old) index.remove(doc(old))
      if (c.nameTokens.length) index.add(doc(c))
    }
  }

  function remove(ids: string[]) {
    for (const id of ids) {
      const old = contacts.get(id)
      if (!old) continue
      contacts.delete(id)
      if (old.nameTokens.length) index.remove(doc(old))
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
    const ids = index.search(query.join(' '), {
      prefix: true,
      combineWith: 'AND',
      tokenize: splitSpaces,
      processTerm: identity,
    })
    return rankCandidates(
      ids.map((r) => contacts.get(r.id as string)!),
      query,
      options,
    )
  }

  return { apply, load, search, size: () => contacts.size }
}
