import {
  createContactSearch,
  createReadModel,
  startProjector,
  type ContactSearch,
  type ContactSearchHit,
  type ProjectionChange,
  type Projector,
  type RankOptions,
  type ReadModel,
} from '../../shared/db'
import {
  allDocs,
  attachPersistence,
  createRepo,
  createTeamDocs,
  type Repo,
  type TeamDocs,
  type TeamPersistence,
} from '../../shared/doc'
import { createIdSource } from '../../shared/model'
import type { AppHost } from './host'

/** The read model's database name for a team. */
export const readModelName = (teamId: string) => `rapport-${teamId}`

/** Keys of a team's local-only settings on this device (the read model's `settings` table). */
export interface TeamLocalValues {
  /** The member this device writes as. */
  memberId: string
  /** The team secret (join codes, sync); local to the device, never in the documents. */
  secret: string
  /** A generated demo team, removable at any time. */
  isDemo: boolean
  /** Signaling servers (`ws(s)://`) this device meets the team's other devices on. */
  signaling?: string[]
  /** Live sync over WebRTC is on (set when joining; the team page turns it on and off). */
  liveSync?: boolean
  /** Stock Yjs clients may join through one y-webrtc room per document (off by default). */
  openRooms?: boolean
}

/** Thrown when a team cannot be opened on this device. */
export class TeamSessionError extends Error {
  override name = 'TeamSessionError'
}

/** An open team: its documents, read model and repository, loading in the background. */
export interface TeamSession {
  teamId: string
  memberId: string
  isDemo: boolean
  docs: TeamDocs
  db: ReadModel
  repo: Repo
  persistence: TeamPersistence
  /** Resolves when the team document (members, settings, plans, opt-outs) is loaded. */
  teamLoaded: Promise<void>
  /** Resolves when every document is loaded and the read model matches them. */
  loaded: Promise<void>
  /** Contact search: the Dexie index at first, MiniSearch once its index is built. */
  search(query: string, options?: RankOptions): Promise<ContactSearchHit[]>
  /** Calls `listener` after each projection pass (and when the faster search is ready). */
  onChange(listener: () => void): () => void
  /**
   * Says the first screen has drawn what it reads from the read model: the record shards start
   * loading (they wait for this, or for `AppHost.firstScreenWaitMs`). Safe to call again.
   */
  firstScreenDrawn(): void
  close(): void
}

/** Reads a team's local setting on this device. */
export async function teamLocal<K extends keyof TeamLocalValues>(
  db: ReadModel,
  key: K,
): Promise<TeamLocalValues[K] | undefined> {
  return (await db.settings.get(key))?.value as TeamLocalValues[K] | undefined
}

/** Sets a team's local setting on this device. */
export async function setTeamLocal<K extends keyof TeamLocalValues>(
  db: ReadModel,
  key: K,
  value: TeamLocalValues[K],
): Promise<void> {
  await db.settings.put({ key, value })
}

/**
 * Opens a team on this device. Screens can read the read model at once (it holds the last
 * projection); the documents load behind it, team document first, and the projector starts
 * once all are loaded, repairing the read model if a crash left it behind.
 * @throws TeamSessionError when this device has no member in the team
 */
export async function openTeamSession(
  host: AppHost,
  teamId: string,
  options: { onError?: (error: unknown) => void } = {},
): Promise<TeamSession> {
  let isClosed = false
  const report = options.onError ?? ((e: unknown) => console.error('Rapport:', e))
  // A pass still running when the team is closed fails on the closed database: nothing is lost.
  const onError = (e: unknown) => {
    if (!isClosed) report(e)
  }
  const db = createReadModel(host.indexedDB, readModelName(teamId))
  const memberId = await teamLocal(db, 'memberId')
  if (!memberId) {
    db.close()
    throw new TeamSessionError(`this device has no member in team ${teamId}`)
  }
  const isDemo = (await teamLocal(db, 'isDemo')) === true
  const docs = createTeamDocs(teamId)
  const persistence = attachPersistence(docs, host.persistence)
  const repo = createRepo(docs, { clock: host.clock, ids: createIdSource(host.clock), actor: memberId })
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((l) => l())
  const dexieSearch = createContactSearch(db, { engine: 'dexie' })
  let fullSearch: ContactSearch | undefined
  let projector: Projector | undefined

  // The shards wait for the team document and for the first screen to draw from the read
  // model, then load one by one with a pause before each. A shard's load is one large
  // IndexedDB read and one long decode: started earlier, it holds back the screen's own reads.
  const pause = host.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
  let firstScreenDrawn = () => {}
  const drawn = new Promise<void>((resolve) => (firstScreenDrawn = resolve))
  const waitMs = host.firstScreenWaitMs ?? 0
  const firstScreen =
    waitMs > 0 ? Promise.race([drawn, new Promise<void>((resolve) => setTimeout(resolve, waitMs))]) : null
  const afterFirstScreen = persistence.team.then(() => firstScreen)

  // The name index loads from the read model (last session's rows) once the first screen is
  // drawn, while the documents load: at 50k contacts that takes many seconds, and until the
  // index is in, a one-letter search goes to IndexedDB (3.1 s for "T" in the benchmark).
  // It follows the projector from its start; changes that come while it loads wait in it.
  const projected = new Set<(change: ProjectionChange) => void>()
  const search = afterFirstScreen.then(() => {
    if (isClosed) return undefined
    const s = createContactSearch(db, {
      changes: {
        onChange(listener) {
          projected.add(listener)
          return () => projected.delete(listener)
        },
      },
    })
    void s.ready.then(() => {
      if (isClosed) return
      fullSearch = s
      notify()
    }, onError)
    return s
  })

  const loaded = afterFirstScreen
    .then(() => persistence.all({ pause }))
    .then(async () => {
      if (isClosed) return
      projector = startProjector(docs, db, { onError })
      projector.onChange(notify)
      projector.onChange((change) => projected.forEach((l) => l(change)))
      await projector.ready.catch((e: unknown) => {
        if (!isClosed) throw e
      })
    })

  return {
    teamId,
    memberId,
    isDemo,
    docs,
    db,
    repo,
    persistence,
    teamLoaded: persistence.team,
    loaded,
    search: (query, opts) => (fullSearch ?? dexieSearch).search(query, opts),
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    firstScreenDrawn,
    close() {
      isClosed = true
      projector?.stop()
      void search.then((s) => s?.dispose())
      listeners.clear()
      persistence.destroy()
      db.close()
      for (const doc of allDocs(docs)) doc.destroy()
    },
  }
}

/** Deletes everything this device holds of a team: its documents and its read model. */
export async function deleteTeamData(host: AppHost, teamId: string): Promise<void> {
  const docs = createTeamDocs(teamId)
  await Promise.all(allDocs(docs).map((doc) => host.clearPersistence(doc.guid)))
  await createReadModel(host.indexedDB, readModelName(teamId)).delete()
}
