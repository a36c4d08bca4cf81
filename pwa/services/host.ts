import { IndexeddbPersistence, clearDocument } from 'y-indexeddb'
import type { PersistenceFactory } from '../../shared/doc'
import { systemClock, type Clock, type IndexedDBFactory } from '../../shared/host'

/** What the app takes from its host: storage, document persistence and the time. Tests pass fakes. */
export interface AppHost {
  indexedDB: IndexedDBFactory
  /** Loads and saves one Y.Doc; y-indexeddb in the browser. */
  persistence: PersistenceFactory
  /** Deletes what `persistence` stored under a document name. */
  clearPersistence(name: string): Promise<void>
  clock: Clock
}

/** The browser: IndexedDB for the read model and, through y-indexeddb, for the documents. */
export function browserHost(): AppHost {
  return {
    indexedDB: { indexedDB: window.indexedDB, IDBKeyRange: window.IDBKeyRange },
    persistence: (name, doc) => new IndexeddbPersistence(name, doc),
    clearPersistence: (name) => clearDocument(name),
    clock: systemClock,
  }
}
