import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { shardOf, unwrap } from '../../../shared/doc'
import {
  createReadModel,
  dumpReadModel,
  rebuildReadModel,
  startProjector,
  type ProjectionChange,
} from '../../../shared/db'
import { contact, replica, syncAll } from '../helpers/team'
import { freshReadModel, seedEveryCollection } from './read-model'

/** A read model on a fake IndexedDB that outlives the Dexie object, like a page reload. */
function disk() {
  const factory = { indexedDB: new IDBFactory(), IDBKeyRange }
  return { open: () => createReadModel(factory, 'rapport-team-1') }
}

async function rebuiltFromScratch(docs: Parameters<typeof rebuildReadModel>[0]) {
  const db = freshReadModel()
  await rebuildReadModel(docs, db)
  return dumpReadModel(db)
}

describe('crash repair at start-up', () => {
  it('repairs rows a crash left behind the documents, and only the stale documents', async () => {
    const { repo, docs } = replica('ana')
    const store = disk()
    let db = store.open()
    let projector = startProjector(docs, db)
    await projector.ready
    const ids = seedEveryCollection(repo)
    await projector.flush()

    // Written to Yjs (and persisted there), but the tab dies before the projection pass.
    const late = unwrap(repo.create('contacts', contact({ name: { display: 'Omar Haddad' } })))
    unwrap(repo.update('contacts', ids.dana, { tags: ['lender', 'vip'] }))
    projector.stop()
    db.close()

    db = store.open()
    expect(await db.contacts.get(late.id)).toBeUndefined()
    projector = startProjector(docs, db)
    const changes: ProjectionChange[] = []
    projector.onChange((c) => changes.push(c))
    await projector.ready
    expect(await db.contacts.get(late.id)).toMatchObject({ displayName: 'Omar Haddad' })
    expect(await db.contacts.get(ids.dana)).toMatchObject({ tags: ['lender', 'vip'] })
    expect(await dumpReadModel(db)).toEqual(await rebuiltFromScratch(docs))
    // Only the two shards that changed were rebuilt.
    const shards = new Set(changes.flatMap((c) => c.tables.contacts?.put.map((r) => r.shard) ?? []))
    expect(shards).toEqual(new Set([shardOf(late.id), shardOf(ids.dana)]))
    expect(changes.every((c) => !c.tables.plans)).toBe(true)
  })

  it('does nothing at start-up when the stored state vectors match', async () => {
    const { repo, docs } = replica('ana')
    const db = freshReadModel()
    const first = startProjector(docs, db)
    seedEveryCollection(repo)
    await first.ready
    await first.flush()
    first.stop()
    const second = startProjector(docs, db)
    const changes: ProjectionChange[] = []
    second.onChange((c) => changes.push(c))
    await second.ready
    expect(changes).toEqual([])
  })

  it('repairs an opt-out recorded in the team document but never projected', async () => {
    const { repo, docs } = replica('ana')
    const db = freshReadModel()
    let projector = startProjector(docs, db)
    const c = unwrap(repo.create('contacts', contact()))
    await projector.ready
    await projector.flush()
    projector.stop()
    unwrap(repo.optOut(c.id))
    projector = startProjector(docs, db)
    await projector.ready
    expect(await db.contacts.get(c.id)).toMatchObject({ optedOut: 1, optOutChannels: ['all'] })
  })

  it('drops rows the rebuilt document no longer holds', async () => {
    const { repo, docs } = replica('ana')
    const db = freshReadModel()
    let projector = startProjector(docs, db)
    const c = unwrap(repo.create('contacts', contact()))
    await projector.ready
    await projector.flush()
    projector.stop()
    // A pure deletion leaves the state vector as it was (the repository never writes one
    // alone), so the doc also gets an insert here to read as stale.
    const shard = docs.shards[shardOf(c.id)]!
    shard.transact(() => {
      shard.getMap('contacts').delete(c.id)
      shard.getMap('scratch').set('touched', true)
    })
    projector = startProjector(docs, db)
    await projector.ready
    expect(await db.contacts.count()).toBe(0)
  })

  it('rebuilds when the projection was made with another phone region', async () => {
    const { repo, docs } = replica('ana')
    const db = freshReadModel()
    const c = unwrap(repo.create('contacts', contact({ phones: [{ value: '020 7946 0958' }] })))
    await rebuildReadModel(docs, db)
    expect((await db.contacts.get(c.id))?.phones).toEqual([])
    const projector = startProjector(docs, db, { defaultCountry: 'GB' })
    await projector.ready
    expect((await db.contacts.get(c.id))?.phones).toEqual(['+442079460958'])
  })
})

describe('all-or-nothing passes', () => {
  it('a failed pass writes nothing, keeps its work, and the next pass catches up', async () => {
    const { repo, docs } = replica('ana')
    const db = freshReadModel()
    let failing = false
    db.use({
      stack: 'dbcore',
      name: 'flaky-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name)
          return {
            ...table,
            mutate: (req) =>
              failing && name === 'meta' ? Promise.reject(new Error('disk full')) : table.mutate(req),
          }
        },
      }),
    })
    const errors: unknown[] = []
    const projector = startProjector(docs, db, { onError: (e) => errors.push(e) })
    await projector.ready
    const c = unwrap(repo.create('contacts', contact()))
    await projector.flush()
    failing = true
    unwrap(repo.update('contacts', c.id, { tags: ['vip'] }))
    await expect(projector.flush()).rejects.toThrow('disk full')
    expect((await db.contacts.get(c.id))?.tags).toEqual(['lender'])
    failing = false
    await projector.flush()
    expect((await db.contacts.get(c.id))?.tags).toEqual(['vip'])
    expect(await dumpReadModel(db)).toEqual(await rebuiltFromScratch(docs))
  })
})

describe('convergence', () => {
  it('an incremental projection equals a rebuild from scratch', async () => {
    const { repo, docs, clock } = replica('ana')
    const db = freshReadModel()
    const projector = startProjector(docs, db)
    await projector.ready
    const ids = seedEveryCollection(repo)
    await projector.flush()
    for (let i = 0; i < 40; i++) {
      clock.advance(1000)
      const c = unwrap(
        repo.create('contacts', contact({ name: { display: `Person ${i}` }, tags: [`t${i % 3}`] })),
      )
      unwrap(
        repo.create('touches', {
          contactId: c.id,
          due: `2026-02-${10 + (i % 9)}`,
          channel: 'email',
          title: 'Hi',
          assignee: ids.member,
        }),
      )
      if (i % 4 === 0) unwrap(repo.remove('contacts', c.id))
      if (i % 5 === 0) unwrap(repo.optOut(c.id, { channel: 'email' }))
      if (i % 7 === 0) await projector.flush()
    }
    unwrap(repo.update('touches', ids.touch, { status: 'skipped' }))
    unwrap(repo.update('sources', ids.source, { active: false }))
    await projector.flush()
    expect(await dumpReadModel(db)).toEqual(await rebuiltFromScratch(docs))
  })

  it('two replicas that synced have identical read models', async () => {
    const a = replica('ana')
    const b = replica('ben')
    const [dbA, dbB] = [freshReadModel(), freshReadModel()]
    const [pa, pb] = [startProjector(a.docs, dbA), startProjector(b.docs, dbB)]
    const ids = seedEveryCollection(a.repo)
    syncAll(a, b)
    unwrap(a.repo.update('contacts', ids.dana, { notes: 'Prefers texts', tags: ['lender', 'golf'] }))
    unwrap(b.repo.update('contacts', ids.dana, { name: { display: 'Dana W. Whitfield' } }))
    unwrap(b.repo.optOut(ids.sara, { channel: 'call' }))
    unwrap(a.repo.remove('intros', ids.intro))
    unwrap(b.repo.create('contacts', contact({ name: { display: 'José Núñez' } })))
    unwrap(
      a.repo.timeline.append({ contactId: ids.sara, kind: 'note', at: 9, summary: 'Met at the open house' }),
    )
    syncAll(a, b)
    await Promise.all([pa.flush(), pb.flush()])
    const dump = await dumpReadModel(dbA)
    expect(JSON.stringify(await dumpReadModel(dbB))).toBe(JSON.stringify(dump))
    expect(dump.contacts.find((r) => r.id === ids.dana)).toMatchObject({
      displayName: 'Dana W. Whitfield',
      tags: ['lender', 'golf'],
    })
    expect(dump.contacts.find((r) => r.id === ids.sara)).toMatchObject({ optedOut: 1 })
  })
})
