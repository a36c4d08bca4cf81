import SearchableMap from 'minisearch/SearchableMap'
import type { ProjectionChange } from './apply'
import { bestHits, rankCandidates, type ContactSearchHit, type RankOptions, type Ranked } from './rank'
import type { ContactRow } from './rows'
import type { ReadModel } from './schema'

/** Rows indexed between two yields to the event loop while loading (about 20 ms of work each). */
const LOAD_CHUNK = 2000
/** Hits kept per letter for one-letter queries; a query asking for more walks the tree. */
const LETTER_HITS = 1000

/**
 * A contact in the index. The tree's sets hold these directly (no id lookup per match), and a
 * search scores them in place: `pass` says which search last touched the entry, so one walk of
 * the tree both removes duplicates and counts matched tokens.
 */
interface Entry {
  /** The row as projected (its tokens already folded): hits carry it, so a list draws at once. */
  c: ContactRow
  pass: number
  hit: Ranked<ContactRow>
}

/**
 * An in-memory MiniSearch index over the contacts' folded name tokens, loaded from the read
 * model and kept current from the projector's committed changes.
 */
export function createMiniSearchIndex(db: ReadModel) {
  // MiniSearch's radix tree (SearchableMap) from token to the contacts that have it. Its own
  // search() scored every match with BM25, which our ranking then ignored: a one-letter prefix
  // at 50k contacts took ~140 ms. A prefix walk of the tree gives the candidates directly.
  const tree = new SearchableMap<Set<Entry>>()
  const contacts = new Map<string, Entry>()
  let pass = 0
  // A one-letter query is every search's first keystroke and its heaviest: "t" took 6-8 ms to
  // walk and rank at 50k contacts in Chromium. Its best hits are kept by letter, worked out
  // after loading, and dropped for the letters of any contact that changes.
  const letters = new Map<string, ContactSearchHit[]>()

  /** Drops the kept hits of the letters an entry's tokens begin with. */
  function forget(e: Entry) {
    for (const t of e.c.nameTokens) letters.delete(t[0]!)
  }

  function index(e: Entry) {
    for (const t of e.c.nameTokens) tree.fetch(t, () => new Set()).add(e)
  }

  function unindex(e: Entry) {
    for (const t of e.c.nameTokens) {
      const entries = tree.get(t)
      entries?.delete(e)
      if (entries?.size === 0) tree.delete(t)
    }
  }

  function put(rows: ContactRow[]) {
    for (const r of rows) {
      const old = contacts.get(r.id)
      const c = r
      if (old) forget(old) // kept hits hold the old row
      if (old && old.c.nameTokens.join(' ') === c.nameTokens.join(' ')) {
        old.c = c
        old.hit.c = c
        continue
      }
      if (old) unindex(old)
      const e: Entry = { c, pass: 0, hit: { c, exact: 0, matched: 0 } }
      contacts.set(r.id, e)
      index(e)
      forget(e)
    }
  }

  function remove(ids: string[]) {
    for (const id of ids) {
      const old = contacts.get(id)
      if (!old) continue
      contacts.delete(id)
      unindex(old)
      forget(old)
    }
  }

  function applyNow(change: ProjectionChange) {
    if (change.reset) {
      tree.clear()
      contacts.clear()
      letters.clear()
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
    void warmLetters()
  }

  /** A letter's kept hits, worked out now if there are none (new, or dropped by a change). */
  function keptHits(letter: string): ContactSearchHit[] {
    let kept = letters.get(letter)
    if (!kept) {
      kept = searchWord(letter, { limit: LETTER_HITS })
      letters.set(letter, kept)
    }
    return kept
  }

  /**
   * Works out the kept hits of every letter a token begins with, one letter per turn of the
   * event loop, so that even the first keystroke of a session finds them.
   */
  async function warmLetters() {
    const firsts = new Set<string>()
    for (const e of contacts.values()) for (const t of e.c.nameTokens) firsts.add(t[0]!)
    for (const letter of firsts) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      keptHits(letter)
    }
  }

  /** A one-letter query from the kept hits. */
  function searchLetter(letter: string, limit: number): ContactSearchHit[] {
    // Copies: a caller may keep or change its hits, the kept ones serve every later keystroke.
    return keptHits(letter)
      .slice(0, limit)
      .map((h) => ({ ...h }))
  }

  /**
   * One word, the common case while typing: the walk of the tree under it scores every contact
   * as `rankCandidates` would (each token under the prefix is one matched token; the prefix
   * itself is an exact one), without testing any token again.
   */
  function searchWord(word: string, options: RankOptions): ContactSearchHit[] {
    const { limit = 50, includeDeleted = false } = options
    const current = ++pass
    const hits: Ranked<ContactRow>[] = []
    for (const [token, entries] of tree.atPrefix(word)) {
      const exact = token.length === word.length ? 1 : 0
      for (const e of entries) {
        if (e.pass !== current) {
          e.pass = current
          if (e.c.deleted && !includeDeleted) continue
          e.hit.exact = 0
          e.hit.matched = 0
          hits.push(e.hit)
        } else if (e.c.deleted && !includeDeleted) continue
        e.hit.matched++
        e.hit.exact |= exact
      }
    }
    return bestHits(hits, limit)
  }

  function search(query: string[], options: RankOptions): ContactSearchHit[] {
    if (query.length === 0) return []
    const [word] = query
    if (
      query.length === 1 &&
      word!.length === 1 &&
      !options.includeDeleted &&
      (options.limit ?? 50) <= LETTER_HITS
    ) {
      return searchLetter(word!, options.limit ?? 50)
    }
    if (query.length === 1) return searchWord(word!, options)
    // Candidates come from the longest word (usually the rarest); ranking checks every word.
    const longest = query.reduce((a, b) => (b.length > a.length ? b : a))
    const current = ++pass
    const candidates: ContactRow[] = []
    for (const entries of tree.atPrefix(longest).values()) {
      for (const e of entries) {
        if (e.pass === current) continue
        e.pass = current
        candidates.push(e.c)
      }
    }
    return rankCandidates(candidates, query, options)
  }

  return { apply, load, search, size: () => contacts.size }
}
