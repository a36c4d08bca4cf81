import type { ProjectedRows, ProjectedTable } from './rows'
import { PROJECTED_TABLES, type ReadModel } from './schema'

/** Every projected table as plain data. */
export type ReadModelDump = { [T in ProjectedTable]: ProjectedRows[T][] }

/** Sorts object keys recursively, so equal data has one JSON spelling whatever the insertion order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  )
}

/**
 * Reads every projected table, rows sorted by id and keys sorted, for convergence tests:
 * two devices holding the same documents must dump the same JSON. Local-only tables and the
 * projection meta are left out.
 * @param db - the read model
 * @returns one array of rows per projected table
 */
export async function dumpReadModel(db: ReadModel): Promise<ReadModelDump> {
  const out: Record<string, unknown[]> = {}
  await db.transaction('r', PROJECTED_TABLES, async () => {
    for (const table of PROJECTED_TABLES) out[table] = (await db.table(table).toArray()).map(canonical)
  })
  return out as ReadModelDump
}
