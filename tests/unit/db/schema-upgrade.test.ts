import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { createReadModel, READ_MODEL_VERSIONS } from '../../../shared/db'

const NAME = 'rapport-team-1'

/** A read model as a device running version `n` left it, with one contact row. */
async function olderDevice(factory: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }, n: number) {
  const db = new Dexie(NAME, factory)
  READ_MODEL_VERSIONS.slice(0, n).forEach((stores, i) => db.version(i + 1).stores(stores))
  await db.table('contacts').put({
    id: 'c1',
    sortKey: 'dana kaye',
    nameTokens: ['dana', 'kaye'],
    emails: ['dana@example.com'],
    phones: [],
    tags: ['lender'],
    nextTouchDue: '2026-11-30',
    owner: 'm1',
    shard: 3,
    deleted: 0,
  })
  db.close()
}

const indexNames = (db: Dexie, table: string) =>
  [...db.backendDB().transaction(table, 'readonly').objectStore(table).indexNames].sort()

describe('read model versions', () => {
  it('upgrades a version 2 database: contacts lose the unused indexes and keep their rows', async () => {
    const factory = { indexedDB: new IDBFactory(), IDBKeyRange }
    await olderDevice(factory, 2)

    const db = createReadModel(factory, NAME)
    await db.open()
    expect(db.verno).toBe(READ_MODEL_VERSIONS.length)
    const names = indexNames(db, 'contacts')
    expect(names).not.toContain('nextTouchDue')
    expect(names).not.toContain('owner')
    expect(names).toEqual(
      expect.arrayContaining(['emails', 'phones', 'linkedin', 'nameTokens', 'tags', 'sortKey', 'shard']),
    )
    const row = await db.contacts.get('c1')
    expect(row).toMatchObject({ sortKey: 'dana kaye', nextTouchDue: '2026-11-30', owner: 'm1' })
    expect(await db.contacts.where('emails').equals('dana@example.com').primaryKeys()).toEqual(['c1'])
    expect(await db.contacts.where('nameTokens').startsWith('ka').primaryKeys()).toEqual(['c1'])
    db.close()
  })

  it('gives a new device the last version directly', async () => {
    const db = createReadModel({ indexedDB: new IDBFactory(), IDBKeyRange }, NAME)
    await db.open()
    expect(indexNames(db, 'contacts')).not.toContain('owner')
    expect(indexNames(db, 'snapshots')).toEqual([])
    expect(db.tables.map((t) => t.name)).toContain('snapshots')
    db.close()
  })
})
