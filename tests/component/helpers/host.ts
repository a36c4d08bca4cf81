import { Dexie } from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import * as Y from 'yjs'
import type { PersistenceFactory } from '../../../shared/doc'
import type { AppHost } from '../../../pwa/services/host'

// Dexie's liveQuery stays silent unless a default IndexedDB exists (`Dexie.dependencies`), even
// when every database is given its own factory, as the app's are. Node and happy-dom have none.
Dexie.dependencies.indexedDB ??= new IDBFactory()
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange

/** 23 November 2026, mid-afternoon UTC: the same local day in the test's time zone. */
export const NOW = Date.UTC(2026, 10, 23, 12)

/** A clock the test moves by hand. */
export function manualClock(start = NOW) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

/**
 * Keeps each document's updates in memory, like y-indexeddb keeps them in IndexedDB: a document
 * opened again under the same name gets them back, so a test can "reload" the app.
 */
export function memoryPersistence() {
  const stored = new Map<string, Uint8Array[]>()
  let gate: Promise<void> | undefined
  let open = () => {}
  const factory: PersistenceFactory = (name, doc) => {
    // The team document (a name without `/`) loads at once; held shards load on `release()`.
    const held = gate && name.includes('/') ? gate : undefined
    const load = () => {
      for (const update of stored.get(name) ?? []) Y.applyUpdate(doc, update, factory)
    }
    if (!held) load()
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === factory) return
      const list = stored.get(name) ?? []
      list.push(update)
      stored.set(name, list)
    }
    doc.on('update', onUpdate)
    return {
      whenSynced: held ? held.then(load) : Promise.resolve(),
      destroy: () => doc.off('update', onUpdate),
    }
  }
  /** From now on, record shards stay unloaded until `release()`: a slow start on a large team. */
  const hold = () => {
    gate = new Promise<void>((resolve) => (open = resolve))
  }
  const release = () => {
    open()
    gate = undefined
  }
  return { factory, stored, hold, release }
}

/** A host with a fresh fake IndexedDB and in-memory document persistence. */
export function testHost(clock = manualClock()) {
  const persistence = memoryPersistence()
  return {
    indexedDB: { indexedDB: new IDBFactory(), IDBKeyRange },
    persistence: persistence.factory,
    clearPersistence: async (name) => {
      persistence.stored.delete(name)
    },
    clock,
    stored: persistence.stored,
    hold: persistence.hold,
    release: persistence.release,
  } satisfies AppHost & Record<string, unknown>
}
