import { clearDocument } from 'y-indexeddb'
import type { PersistenceFactory } from '../../shared/doc'
import { systemClock, type Clock, type IndexedDBFactory, type Pause } from '../../shared/host'
import { LoadingPersistence } from './loading-persistence'

/** What the app takes from its host: storage, document persistence and the time. Tests pass fakes. */
export interface AppHost {
  indexedDB: IndexedDBFactory
  /** Loads and saves one Y.Doc; y-indexeddb in the browser. */
  persistence: PersistenceFactory
  /** Deletes what `persistence` stored under a document name. */
  clearPersistence(name: string): Promise<void>
  clock: Clock
  /** Lets the page paint and answer its reads between two documents' loads; a macrotask if absent. */
  pause?: Pause
  /**
   * How long an opened team's record shards wait for the first screen to draw from the read
   * model (`TeamSession.firstScreenDrawn`) before loading anyway; absent or 0: no wait.
   */
  firstScreenWaitMs?: number
}

/** How long a busy page may hold back the loading of the documents. */
const PAUSE_TIMEOUT_MS = 500
/** The longest the documents wait for the first screen (a screen that never says it drew). */
const FIRST_SCREEN_WAIT_MS = 3000

/** Resolves in an idle period (or after the timeout on a page that is never idle). */
const idle: Pause = () =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: PAUSE_TIMEOUT_MS })
    else setTimeout(resolve, 0)
  })

/** The browser: IndexedDB for the read model and, through y-indexeddb, for the documents. */
export function browserHost(): AppHost {
  return {
    indexedDB: { indexedDB: window.indexedDB, IDBKeyRange: window.IDBKeyRange },
    persistence: (name, doc) => new LoadingPersistence(name, doc),
    clearPersistence: (name) => clearDocument(name),
    clock: systemClock,
    pause: idle,
    firstScreenWaitMs: FIRST_SCREEN_WAIT_MS,
  }
}
