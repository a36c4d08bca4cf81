import type { ReadModel } from '../../shared/db'
import type { RelationshipType } from '../../shared/model'

/** The list filters of the Contacts screen. */
export interface ContactFilters {
  met: 'all' | 'met' | 'not-met'
  relationshipType: RelationshipType | ''
  optedOut: 'all' | 'opted-out' | 'reachable'
}

export const defaultFilters = (): ContactFilters => ({ met: 'all', relationshipType: '', optedOut: 'all' })

/**
 * The ids of the live contacts that pass the filters, in name order. Only primary keys are
 * read (index key cursors), so a 50k team costs a few arrays of ids, not 50k rows; the screen
 * reads the rows of the visible window alone. Dexie calls only: it can run in a `liveQuery`.
 */
export async function readContactIds(db: ReadModel, filters: ContactFilters): Promise<string[]> {
  const ordered = (await db.contacts.orderBy('sortKey').primaryKeys()) as string[]
  const deleted = new Set(await db.contacts.where('deleted').equals(1).primaryKeys())
  const sets: Set<string>[] = []
  if (filters.met !== 'all') {
    sets.push(
      new Set(
        await db.contacts
          .where('met')
          .equals(filters.met === 'met' ? 1 : 0)
          .primaryKeys(),
      ),
    )
  }
  if (filters.relationshipType) {
    sets.push(
      new Set(await db.contacts.where('relationshipType').equals(filters.relationshipType).primaryKeys()),
    )
  }
  if (filters.optedOut !== 'all') {
    const optedOut = filters.optedOut === 'opted-out' ? 1 : 0
    sets.push(new Set(await db.contacts.where('optedOut').equals(optedOut).primaryKeys()))
  }
  return ordered.filter((id) => !deleted.has(id) && sets.every((s) => s.has(id)))
}
