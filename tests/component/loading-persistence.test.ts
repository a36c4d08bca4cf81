import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { LoadingPersistence } from '../../pwa/services/loading-persistence'

// y-indexeddb reaches for the global indexedDB (through lib0); the host owns that, so the test does.
const g = globalThis as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }
beforeEach(() => {
  g.indexedDB = new IDBFactory()
  g.IDBKeyRange = IDBKeyRange
})
afterEach(() => {
  delete g.indexedDB
  delete g.IDBKeyRange
})

const NAME = 'team-l/3'
/** y-indexeddb writes each update in its own transaction, after the event. */
const settle = () => new Promise((r) => setTimeout(r, 20))

/** The rows y-indexeddb holds for a document. */
async function storedRows(name: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = g.indexedDB!.open(name)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  const count = await new Promise<number>((resolve, reject) => {
    const req = db.transaction('updates').objectStore('updates').count()
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  db.close()
  return count
}

/** A document opened afresh from what is stored under `name`. */
async function reopen(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const p = new LoadingPersistence(name, doc)
  await p.whenSynced
  await p.destroy()
  return doc
}

async function storeNames(names: string[]) {
  const doc = new Y.Doc()
  const p = new IndexeddbPersistence(NAME, doc)
  await p.whenSynced
  for (const n of names) doc.getMap('contacts').set(n, { name: n })
  await settle()
  await p.destroy()
}

describe('document persistence that loads without encoding the stored state again', () => {
  it('loads what y-indexeddb stored and keeps storing the updates after the load', async () => {
    await storeNames(['Dana Whitfield', 'Omar Haddad'])
    const doc = new Y.Doc()
    const p = new LoadingPersistence(NAME, doc)
    await p.whenSynced
    expect(doc.getMap('contacts').size).toBe(2)
    doc.getMap('contacts').set('Lina Qahtani', { name: 'Lina Qahtani' })
    await settle()
    await p.destroy()
    expect([...(await reopen(NAME)).getMap('contacts').keys()].sort()).toEqual([
      'Dana Whitfield',
      'Lina Qahtani',
      'Omar Haddad',
    ])
  })

  it('keeps an update the document received while its stored state was loading', async () => {
    await storeNames(['Dana Whitfield'])
    const doc = new Y.Doc()
    const p = new LoadingPersistence(NAME, doc)
    doc.getMap('contacts').set('Kofi Carter', { name: 'Kofi Carter' }) // e.g. from a peer, early
    await p.whenSynced
    expect(doc.getMap('contacts').size).toBe(2)
    await settle()
    await p.destroy()
    expect((await reopen(NAME)).getMap('contacts').size).toBe(2)
  })

  it('stores nothing twice: a load adds only the snapshot y-indexeddb always adds', async () => {
    await storeNames(['Dana Whitfield', 'Omar Haddad', 'Ingrid Stewart'])
    const before = await storedRows(NAME)
    await reopen(NAME)
    await settle()
    expect(await storedRows(NAME)).toBe(before + 1)
  })

  it('still compacts a document whose updates pile up', async () => {
    const doc = new Y.Doc()
    const p = new LoadingPersistence(NAME, doc)
    p._storeTimeout = 0
    await p.whenSynced
    for (let i = 0; i < 520; i++) doc.getMap('contacts').set(`c${i}`, i)
    await new Promise((r) => setTimeout(r, 200))
    await p.destroy()
    expect(await storedRows(NAME)).toBeLessThan(100)
    expect((await reopen(NAME)).getMap('contacts').size).toBe(520)
  })

  it('a persistence destroyed before its load never stores again', async () => {
    await storeNames(['Dana Whitfield'])
    const doc = new Y.Doc()
    const p = new LoadingPersistence(NAME, doc)
    await p.destroy()
    const before = await storedRows(NAME)
    doc.getMap('contacts').set('Kofi Carter', { name: 'Kofi Carter' })
    await settle()
    expect(await storedRows(NAME)).toBe(before)
  })
})
