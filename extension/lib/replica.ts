import { IndexeddbPersistence } from 'y-indexeddb'
import { createReadModel, startProjector, type Projector, type ReadModel } from '../../shared/db'
import { attachPersistence, createTeamDocs, type TeamDocs, type TeamPersistence } from '../../shared/doc'
import type { IndexedDBFactory } from '../../shared/host'
import type { CountryCode } from '../../shared/io'

/** The team's documents, loaded from this browser's IndexedDB and projected into the read model. */
export interface LoadedTeam {
  docs: TeamDocs
  projector: Projector
  /** Resolves once every document update made so far is stored in IndexedDB. */
  persisted(): Promise<void>
}

/**
 * The extension's own replica of one team. The read model (Dexie) opens at once and answers
 * lookups from the last projection; the documents load only when something writes or syncs.
 */
export interface TeamReplica {
  teamId: string
  db: ReadModel
  /** Loads the documents (once) and starts the projector, which repairs the read model if needed. */
  load(): Promise<LoadedTeam>
  close(): void
}

/** What opening a replica needs from the host. */
export interface ReplicaOptions {
  /** The IndexedDB of the extension's origin (`{ indexedDB, IDBKeyRange }`). */
  idb: IndexedDBFactory
  defaultCountry: CountryCode
  onError: (error: unknown) => void
}

/**
 * Opens the replica of `teamId`: y-indexeddb for each document (named by its guid), and the Dexie
 * read model `rapport-<teamId>`, as the app does on its own origin.
 */
export function openTeamReplica(teamId: string, options: ReplicaOptions): TeamReplica {
  const db = createReadModel(options.idb, `rapport-${teamId}`)
  const stores: IndexeddbPersistence[] = []
  let persistence: TeamPersistence | undefined
  let projector: Projector | undefined
  let loading: Promise<LoadedTeam> | undefined

  async function load(): Promise<LoadedTeam> {
    const docs = createTeamDocs(teamId)
    persistence = attachPersistence(docs, (name, doc) => {
      const p = new IndexeddbPersistence(name, doc)
      stores.push(p)
      return p
    })
    await persistence.team
    await persistence.all()
    projector = startProjector(docs, db, { defaultCountry: options.defaultCountry, onError: options.onError })
    await projector.ready
    return { docs, projector, persisted: () => Promise.all(stores.map(written)).then(() => undefined) }
  }

  return {
    teamId,
    db,
    load: () => (loading ??= load()),
    close() {
      projector?.stop()
      persistence?.destroy()
      db.close()
    },
  }
}

/**
 * Resolves once the updates y-indexeddb has queued for this document are committed. y-indexeddb
 * writes each update in its own read-write transaction on `updates`, opened synchronously in the
 * document's update event; IndexedDB runs transactions with overlapping scopes in the order they
 * were created, so a later transaction on the same store completes only after those writes.
 */
function written(p: IndexeddbPersistence): Promise<void> {
  const db = p.db
  if (!db) return p.whenSynced.then(() => written(p))
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['updates'], 'readonly')
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error(`IndexedDB failed while checking ${p.name}`))
    tx.onabort = () => reject(tx.error ?? new Error(`IndexedDB aborted while checking ${p.name}`))
  })
}
