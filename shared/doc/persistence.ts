import type * as Y from 'yjs'
import type { DocPersistence, Pause } from '../host'
import type { TeamDocs } from './team-docs'

/** Makes the persistence of one document; hosts pass `(name, doc) => new IndexeddbPersistence(name, doc)`. */
export type PersistenceFactory = (name: string, doc: Y.Doc) => DocPersistence

export interface TeamPersistence {
  /** Resolves when the team document (members, settings, plans, the opt-out ledger) is loaded. */
  team: Promise<void>
  /** Loads shard `i` if it is not loading yet; resolves when it is loaded. */
  shard(i: number): Promise<void>
  /**
   * Loads every shard; resolves when all are loaded. With `pause`, one shard at a time, pausing
   * before each: applying a shard's stored state is one long task, and sixteen of them at once
   * would hold back every read the screens queue meanwhile.
   */
  all(options?: { pause?: Pause }): Promise<void>
  destroy(): void
}

/**
 * Attaches persistence to a team's documents: the team document at once, the record shards
 * when asked (screens render from the read model meanwhile, so a large team need not decode
 * every shard before the first paint).
 */
export function attachPersistence(docs: TeamDocs, factory: PersistenceFactory): TeamPersistence {
  const open = new Map<Y.Doc, { p: DocPersistence; ready: Promise<void> }>()
  let isDestroyed = false
  const load = (doc: Y.Doc) => {
    let entry = open.get(doc)
    if (!entry) {
      const p = factory(doc.guid, doc)
      entry = { p, ready: p.whenSynced.then(() => undefined) }
      open.set(doc, entry)
    }
    return entry.ready
  }
  const shard = (i: number) => {
    const doc = docs.shards[i]
    if (!doc) return Promise.reject(new RangeError(`no shard ${i}`))
    return load(doc)
  }
  return {
    team: load(docs.team),
    shard,
    all: async ({ pause } = {}) => {
      if (!pause) return void (await Promise.all(docs.shards.map((_, i) => shard(i))))
      for (let i = 0; i < docs.shards.length; i++) {
        await pause()
        if (isDestroyed) return
        await shard(i)
      }
    },
    destroy: () => {
      isDestroyed = true
      for (const { p } of open.values()) p.destroy()
      open.clear()
    },
  }
}
