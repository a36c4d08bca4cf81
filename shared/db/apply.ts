import type * as Y from 'yjs'
import { shardOf } from '../doc'
import { nextTouchDueByContact, projectContactBase, withDerived, type ContactBase } from './project'
import type { AnyRow, ContactRow, ProjectedRows, ProjectedTable, TouchRow } from './rows'
import { PROJECTED_TABLES, SHARD_TABLES, TEAM_TABLES, type ReadModel } from './schema'
import type { Snapshot, SnapshotContext } from './snapshot'

/** The rows one table gained or changed, and the ids it lost. */
export interface TableChange<R> {
  put: R[]
  deleted: string[]
}

/** What a committed projection pass changed, as told to `onChange` listeners. */
export interface ProjectionChange {
  /** Every projected table was cleared first: `put` then holds every row. */
  reset: boolean
  tables: { [T in ProjectedTable]?: TableChange<ProjectedRows[T]> }
}

const sameChannels = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i])

/**
 * Writes a snapshot in one Dexie `rw` transaction: the rows, the contacts whose derived fields
 * (opt-out standing, next touch due) other rows changed, and the documents' state vectors.
 * Either all of it commits or nothing does.
 */
export async function applySnapshot(
  db: ReadModel,
  ctx: SnapshotContext,
  s: Snapshot,
): Promise<ProjectionChange> {
  const change: ProjectionChange = { reset: s.all, tables: {} }
  const deletes = new Map(s.deletes)
  const addDeletes = (table: ProjectedTable, ids: string[]) => {
    if (ids.length) deletes.set(table, [...(deletes.get(table) ?? []), ...ids])
  }
  const newIds = (table: ProjectedTable): Set<string> =>
    new Set(table === 'contacts' ? s.contacts.keys() : (s.puts.get(table) ?? []).map((r) => r.id))

  await db.transaction('rw', [...PROJECTED_TABLES, 'meta'], async () => {
    if (s.all) {
      await Promise.all([...PROJECTED_TABLES, 'meta'].map((t) => db.table(t).clear()))
    } else {
      // Rows of a rebuilt document that the document no longer holds.
      for (const [tables, where] of [
        [SHARD_TABLES, s.rebuildShards] as const,
        [TEAM_TABLES, s.rebuildTeam ? [-1] : []] as const,
      ]) {
        for (const shard of where) {
          for (const table of tables) {
            const t = db.table(table)
            const keys = (await (
              shard < 0 ? t.toCollection() : t.where('shard').equals(shard)
            ).primaryKeys()) as string[]
            const keep = newIds(table)
            addDeletes(
              table,
              keys.filter((k) => !keep.has(k)),
            )
          }
        }
      }
    }

    // Contacts whose derived fields may change: those of touched touches (before and after)…
    const affected = new Set<string>()
    const touchPuts = (s.puts.get('touches') ?? []) as TouchRow[]
    if (!s.all) {
      const before = await db.touches.bulkGet([
        ...touchPuts.map((t) => t.id),
        ...(deletes.get('touches') ?? []),
      ])
      for (const t of before) if (t) affected.add(t.contactId)
      for (const t of touchPuts) affected.add(t.contactId)
    }
    // …and those whose opt-out standing differs from what their row says.
    if (s.ledger && !s.all) {
      const rows = await db.contacts.where('optedOut').equals(1).toArray()
      const was = new Map(rows.map((r) => [r.id, r.optOutChannels]))
      for (const [id, channels] of was) {
        const now = s.optOuts.get(id)
        if (!now?.isOptedOut || !sameChannels(now.channels, channels)) affected.add(id)
      }
      for (const [id, now] of s.optOuts) if (now.isOptedOut && !was.has(id)) affected.add(id)
    }

    for (const [table, rows] of s.puts) {
      await db.table(table).bulkPut(rows)
      // A loop, not push(...rows): a full rebuild of a large team has more rows than the call stack has room for.
      const put = record(change, table).put
      for (const row of rows) put.push(row)
    }
    for (const [table, ids] of deletes) {
      if (table === 'contacts') continue
      await db.table(table).bulkDelete(ids)
      const deleted = record(change, table).deleted
      for (const id of ids) deleted.push(id)
    }

    const removed = new Set(deletes.get('contacts') ?? [])
    const bases = new Map<string, ContactBase>(s.contacts)
    for (const id of affected) {
      if (bases.has(id) || removed.has(id)) continue
      const map = ctx.docs.shards[shardOf(id)]!.getMap('contacts').get(id) as Y.Map<unknown> | undefined
      // A touch or an opt-out may name a contact this device has not received yet.
      if (map) bases.set(id, projectContactBase(id, map, shardOf(id), ctx.defaultCountry))
    }
    const due = s.all
      ? nextTouchDueByContact(touchPuts)
      : nextTouchDueByContact(
          await db.touches
            .where('contactId')
            .anyOf([...bases.keys()])
            .toArray(),
        )
    const contacts: ContactRow[] = []
    for (const [id, base] of bases) contacts.push(withDerived(base, s.optOuts.get(id), due.get(id)))
    if (contacts.length) await db.contacts.bulkPut(contacts)
    if (removed.size) await db.contacts.bulkDelete([...removed])
    if (contacts.length || removed.size) change.tables.contacts = { put: contacts, deleted: [...removed] }
    await db.meta.bulkPut(s.meta)
  })
  return change
}

function record(change: ProjectionChange, table: ProjectedTable): TableChange<AnyRow> {
  const tables = change.tables as Record<string, TableChange<AnyRow>>
  return (tables[table] ??= { put: [], deleted: [] })
}
