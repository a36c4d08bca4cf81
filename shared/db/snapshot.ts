import * as Y from 'yjs'
import { allDocs, shardOf, type OptOutState, type TeamDocs } from '../doc'
import type { CountryCode } from '../io/normalize'
import { projectContactBase, projectRow, type ContactBase } from './project'
import type { AnyRow, MetaRow, ProjectedTable } from './rows'
import { SHARD_TABLES, TEAM_TABLES } from './schema'

/**
 * What a projection pass has to do. Documents are numbered as `allDocs` orders them:
 * 0 is the team document, 1 + i is shard i.
 */
export interface ProjectionWork {
  /** Records to reproject, per table. */
  ids: Map<ProjectedTable, Set<string>>
  /** Documents whose rows are rebuilt wholesale (stale at start-up, or a full rebuild). */
  rebuild: Set<number>
  /** Whether the opt-out ledger changed. */
  ledger: boolean
  /** Documents that changed, whose state vector is stored with the rows. */
  docs: Set<number>
}

/** An empty unit of work. */
export const emptyWork = (): ProjectionWork => ({
  ids: new Map(),
  rebuild: new Set(),
  ledger: false,
  docs: new Set(),
})

/** Adds `b` into `a` (a failed pass puts its work back). */
export function mergeWork(a: ProjectionWork, b: ProjectionWork): void {
  for (const [t, ids] of b.ids) {
    const set = a.ids.get(t) ?? new Set()
    for (const id of ids) set.add(id)
    a.ids.set(t, set)
  }
  for (const d of b.rebuild) a.rebuild.add(d)
  for (const d of b.docs) a.docs.add(d)
  a.ledger ||= b.ledger
}

/** Whether there is nothing to do. */
export const isEmptyWork = (w: ProjectionWork): boolean =>
  w.ids.size === 0 && w.rebuild.size === 0 && w.docs.size === 0 && !w.ledger

/** The read side of a pass: read from the documents at one synchronous instant. */
export interface Snapshot {
  /** Every document is rebuilt: tables are cleared instead of diffed. */
  all: boolean
  /** Shards (0-based) and whether the team document are rebuilt. */
  rebuildShards: number[]
  rebuildTeam: boolean
  puts: Map<Exclude<ProjectedTable, 'contacts'>, AnyRow[]>
  deletes: Map<ProjectedTable, string[]>
  contacts: Map<string, ContactBase>
  ledger: boolean
  optOuts: Map<string, OptOutState>
  meta: MetaRow[]
}

/** How rows are projected; part of what the stored meta version records. */
export interface SnapshotContext {
  docs: TeamDocs
  defaultCountry: CountryCode | undefined
  version: string
  optOuts: () => Map<string, OptOutState>
}

type RecordMap = Y.Map<unknown>

/**
 * Reads everything a pass writes, synchronously, so the rows and the stored state vectors
 * come from the same document state (a Yjs update arriving later is marked as new work).
 */
export function takeSnapshot(ctx: SnapshotContext, work: ProjectionWork): Snapshot {
  const { docs } = ctx
  const list = allDocs(docs)
  const s: Snapshot = {
    all: work.rebuild.size === list.length,
    rebuildShards: [...work.rebuild].filter((d) => d > 0).map((d) => d - 1),
    rebuildTeam: work.rebuild.has(0),
    puts: new Map(),
    deletes: new Map(),
    contacts: new Map(),
    ledger: work.ledger || work.rebuild.has(0),
    optOuts: ctx.optOuts(),
    meta: [...new Set([...work.docs, ...work.rebuild])].map((d) => ({
      doc: list[d]!.guid,
      sv: Y.encodeStateVector(list[d]!),
      version: ctx.version,
    })),
  }
  const put = (table: ProjectedTable, id: string, value: unknown, shard?: number) => {
    if (table === 'contacts')
      s.contacts.set(id, projectContactBase(id, value as RecordMap, shard!, ctx.defaultCountry))
    else push(s.puts, table, projectRow(table, id, value, shard))
  }
  for (const shard of s.rebuildShards) {
    for (const table of SHARD_TABLES) {
      for (const [id, value] of docs.shards[shard]!.getMap(table).entries()) put(table, id, value, shard)
    }
  }
  if (s.rebuildTeam) {
    for (const table of TEAM_TABLES)
      for (const [id, value] of docs.team.getMap(table).entries()) put(table, id, value)
  }
  for (const [table, ids] of work.ids) {
    const isTeam = TEAM_TABLES.includes(table)
    for (const id of ids) {
      const shard = isTeam ? undefined : shardOf(id)
      if (isTeam ? s.rebuildTeam : work.rebuild.has(shard! + 1)) continue
      const value = (isTeam ? docs.team : docs.shards[shard!]!).getMap(table).get(id)
      if (value === undefined) push(s.deletes, table, id)
      else put(table, id, value, shard)
    }
  }
  return s
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const xs = m.get(k)
  if (xs) xs.push(v)
  else m.set(k, [v])
}
