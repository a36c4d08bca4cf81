import type { ContactRow, ReadModel } from '../../../shared/db'
import type { PersonKeys } from './validate'

/** A live contact of the read model that shares a key with a person, and which key it was. */
export interface KeyMatch {
  row: ContactRow
  matchedBy: 'email' | 'phone' | 'linkedin'
}

/**
 * Finds the contact a person already is, by the read model's indexes: an email first, then a
 * phone, then the LinkedIn URL. Deleted contacts do not count.
 * @param db - the team's read model
 * @param keys - the person's dedupe keys (`keysOf`)
 * @returns the first live match, or `undefined`
 */
export async function findByKeys(db: ReadModel, keys: PersonKeys): Promise<KeyMatch | undefined> {
  const live = (rows: ContactRow[]) =>
    rows.filter((r) => !r.deleted).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))[0]
  if (keys.emails.length) {
    const row = live(await db.contacts.where('emails').anyOf(keys.emails).toArray())
    if (row) return { row, matchedBy: 'email' }
  }
  if (keys.phones.length) {
    const row = live(await db.contacts.where('phones').anyOf(keys.phones).toArray())
    if (row) return { row, matchedBy: 'phone' }
  }
  if (keys.linkedin) {
    const row = live(await db.contacts.where('linkedin').equals(keys.linkedin).toArray())
    if (row) return { row, matchedBy: 'linkedin' }
  }
  return undefined
}
