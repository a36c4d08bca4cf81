import type * as Y from 'yjs'
import { allDocs, optOutStates, type OptOutState, type TeamDocs } from '../doc'
import type { CountryCode } from '../io/normalize'
import { applySnapshot, type ProjectionChange } from './apply'
import type { ProjectedTable } from './rows'
import { snapshotContext, staleDocs } from './rebuild'
import { SHARD_TABLES, TEAM_TABLES, type ReadModel } from './schema'
import { emptyWork, isEmptyWork, mergeWork, takeSnapshot, type ProjectionWork } from './snapshot'

/** How the projector normalizes and when it writes. */
export interface ProjectorOptions {
  /**
   * The region of phone numbers written without a country code. Part of the projection:
   * changing it rebuilds the rows at the next start.
   * @default 'US'
   */
  defaultCountry?: CountryCode
  /**
   * Milliseconds to wait after a change before writing, so a burst of updates (a sync, an
   * import) lands in one transaction. 0 writes in a microtask after the Yjs transaction.
   * @default 0
   */
  delay?: number
  /** Receives the errors of passes nobody awaits (scheduled flushes, listeners). */
  onError?: (error: unknown) => void
}

/** A running projection from a team's documents into its read model. */
export interface Projector {
  /** Resolves once the read model matches the documents as they were at start (repaired if needed). */
  ready: Promise<void>
  /** Writes every change seen so far; rejects if the write failed (the work is kept for the next pass). */
  flush(): Promise<void>
  /** Rebuilds every projected table from the documents. */
  rebuild(): Promise<void>
  /** Calls `listener` after each committed pass; returns the unsubscribe function. */
  onChange(listener: (change: ProjectionChange) => void): () => void
  /** Stops observing without writing what is pending: the next start repairs it. */
  stop(): void
}

/**
 * Starts projecting a team's documents into its read model: checks and repairs the projection
 * first (`ready`), then observes every collection and writes what changed in coalesced passes,
 * each one Dexie transaction holding the rows and the state vectors they reflect.
 * Start it once the documents are loaded (after the persistence's `whenSynced`): against a
 * document still empty, the start-up check would see every row as stale and rebuild twice.
 * @param docs - the team's documents (`createTeamDocs`), loaded from persistence
 * @param db - the read model (`createReadModel`); nothing else may write its projected tables
 * @param options - normalization, write delay and error sink
 * @returns the running projector
 */
export function startProjector(docs: TeamDocs, db: ReadModel, options: ProjectorOptions = {}): Projector {
  const { delay = 0, onError = () => {} } = options
  let ledger: Map<string, OptOutState> | undefined
  const ctx = snapshotContext(
    docs,
    options.defaultCountry ?? 'US',
    () => (ledger ??= optOutStates(docs.team)),
  )
  const listeners = new Set<(change: ProjectionChange) => void>()
  const cleanups: (() => void)[] = []
  let pending = emptyWork()
  let scheduled: ReturnType<typeof setTimeout> | boolean = false
  let stopped = false
  let chain: Promise<unknown> = Promise.resolve()

  const schedule = () => {
    if (scheduled || stopped) return
    const run = () => {
      scheduled = false
      if (!stopped) flush().catch(onError)
    }
    if (delay > 0) scheduled = setTimeout(run, delay)
    else {
      scheduled = true
      void Promise.resolve().then(run)
    }
  }

  allDocs(docs).forEach((doc, i) => {
    const tables = i === 0 ? TEAM_TABLES : SHARD_TABLES
    for (const table of tables) observe(doc.getMap(table), (ids) => add(table, ids))
    if (i === 0) {
      for (const name of ['optOuts', 'optIns']) {
        observe(doc.getMap(name), () => {
          ledger = undefined
          pending.ledger = true
          schedule()
        })
      }
    }
    const onTransaction = (tr: Y.Transaction) => {
      if (changedState(tr)) {
        pending.docs.add(i)
        schedule()
      }
    }
    doc.on('afterTransaction', onTransaction)
    cleanups.push(() => doc.off('afterTransaction', onTransaction))
  })

  function observe(map: Y.Map<unknown>, onIds: (ids: Iterable<string>) => void) {
    const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const e of events)
        onIds(e.path.length > 0 ? [String(e.path[0])] : (e as Y.YMapEvent<unknown>).keysChanged)
    }
    map.observeDeep(handler)
    cleanups.push(() => map.unobserveDeep(handler))
  }

  function add(table: ProjectedTable, ids: Iterable<string>) {
    let set = pending.ids.get(table)
    if (!set) pending.ids.set(table, (set = new Set()))
    for (const id of ids) set.add(id)
    // A pure deletion leaves the state vector as it was: the observer, not the doc, schedules it.
    schedule()
  }

  function enqueue(fn: () => Promise<void>): Promise<void> {
    const p = chain.then(fn)
    chain = p.catch(() => {})
    return p
  }

  async function pass(work: ProjectionWork): Promise<void> {
    if (isEmptyWork(work)) return
    try {
      const change = await applySnapshot(db, ctx, takeSnapshot(ctx, work))
      for (const l of listeners) {
        try {
          l(change)
        } catch (e) {
          onError(e)
        }
      }
    } catch (e) {
      mergeWork(pending, work)
      throw e
    }
  }

  const take = () => {
    const work = pending
    pending = emptyWork()
    return work
  }

  const flush = () => enqueue(() => (stopped ? Promise.resolve() : pass(take())))

  const ready = enqueue(async () => {
    const stale = await staleDocs(db, ctx)
    const work = take()
    for (const d of stale) work.rebuild.add(d)
    await pass(work)
  })

  return {
    ready,
    flush,
    rebuild: () =>
      enqueue(() => {
        const work = take()
        allDocs(docs).forEach((_, i) => work.rebuild.add(i))
        return pass(work)
      }),
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      stopped = true
      if (typeof scheduled !== 'boolean') clearTimeout(scheduled)
      for (const c of cleanups.splice(0)) c()
      listeners.clear()
    },
  }
}

/** Whether a transaction inserted anything (changed the state vector). */
function changedState(tr: Y.Transaction): boolean {
  if (tr.afterState.size !== tr.beforeState.size) return true
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true
  return false
}
