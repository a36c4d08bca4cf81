import * as Y from 'yjs'
import { allDocs, optOutStates, type TeamDocs } from '../doc'
import type { CountryCode } from '../io/normalize'
import { applySnapshot } from './apply'
import { PROJECTION_VERSION, type ReadModel } from './schema'
import { emptyWork, takeSnapshot, type SnapshotContext } from './snapshot'

/** The context of a pass; a fresh ledger reading each time unless the projector caches it. */
export function snapshotContext(
  docs: TeamDocs,
  defaultCountry: CountryCode | undefined,
  optOuts = () => optOutStates(docs.team),
): SnapshotContext {
  return { docs, defaultCountry, version: `${PROJECTION_VERSION}/${defaultCountry ?? ''}`, optOuts }
}

/**
 * The documents whose stored state vector (or projection version) differs from the document's,
 * as after a crash between a Yjs write and its projection; numbered as in `allDocs`.
 */
export async function staleDocs(db: ReadModel, ctx: SnapshotContext): Promise<Set<number>> {
  const list = allDocs(ctx.docs)
  const metas = await db.meta.bulkGet(list.map((d) => d.guid))
  const stale = new Set<number>()
  list.forEach((doc, i) => {
    const m = metas[i]
    // A state vector covers inserts, not pure deletions; the repository never writes one alone
    // (every write restamps the record), so an equal vector means the rows are current.
    if (!m || m.version !== ctx.version || !sameBytes(m.sv, Y.encodeStateVector(doc))) stale.add(i)
  })
  return stale
}

/** Options of a full rebuild. */
export interface RebuildOptions {
  /**
   * The region of phone numbers written without a country code; use the projector's.
   * @default 'US'
   */
  defaultCountry?: CountryCode
}

/**
 * Rebuilds every projected table from the documents in one transaction: clears them, writes
 * every row and stores each document's state vector. Local-only tables are left alone.
 * Do not run it beside a projector on the same database: call `projector.rebuild()` instead,
 * which tells the projector's listeners (search) about it.
 * @param docs - the team's documents
 * @param db - the read model
 * @param options - the phone region
 */
export async function rebuildReadModel(
  docs: TeamDocs,
  db: ReadModel,
  options: RebuildOptions = {},
): Promise<void> {
  const ctx = snapshotContext(docs, options.defaultCountry ?? 'US')
  const work = emptyWork()
  allDocs(docs).forEach((_, i) => work.rebuild.add(i))
  await applySnapshot(db, ctx, takeSnapshot(ctx, work))
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
