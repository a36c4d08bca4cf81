/**
 * What a host (the PWA, the extension, a test) hands to `shared/`.
 * `shared/` never reaches for globals: time, ids and storage come in through these.
 */

/** A source of the current time, in milliseconds since the epoch. */
export interface Clock {
  now(): number
}

/** A source of fresh, sortable, unique ids. */
export interface IdSource {
  next(): string
}

/** The two IndexedDB globals Dexie needs; fake-indexeddb provides both in Node. */
export interface IndexedDBFactory {
  indexedDB: IDBFactory
  IDBKeyRange: typeof IDBKeyRange
}

/** Loads and persists one Y.Doc (y-indexeddb in browsers); created by the host. */
export interface DocPersistence {
  /** Resolves once the stored state has been applied to the doc. */
  whenSynced: Promise<unknown>
  destroy(): unknown
}

/**
 * Resolves once the host has had a chance to do its own work (paint, answer reads already
 * queued): an idle callback with a timeout in a browser. Long jobs in `shared/` call it between
 * their steps so a screen is never starved while documents load.
 */
export type Pause = () => Promise<void>

/** A bidirectional message pipe between two peers (a data channel, a runtime port). */
export interface Transport {
  send(message: Uint8Array): void
  onMessage(handler: (message: Uint8Array) => void): () => void
  close(): void
  /**
   * Resolves once everything sent so far has been handed to the network (nothing waits in the
   * transport's own queue). A sender with much to send waits on it between large messages, so
   * it does not run ahead of a full pipe. Without it, a transport takes everything at once.
   */
  ready?(): Promise<void>
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() }
