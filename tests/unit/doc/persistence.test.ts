import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IndexeddbPersistence } from 'y-indexeddb'
import { attachPersistence, createRepo, createTeamDocs, shardOf, unwrap } from '../../../shared/doc'
import { createSequentialIds } from '../../../shared/model'
import { contact, manualClock } from '../helpers/team'

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

const factory = (name: string, doc: import('yjs').Doc) => new IndexeddbPersistence(name, doc)

describe('persistence through y-indexeddb', () => {
  it('a device that restarts finds its team: the team doc at once, shards when asked', async () => {
    const docs = createTeamDocs('team-p')
    const persisted = attachPersistence(docs, factory)
    await persisted.team
    await persisted.all()
    const repo = createRepo(docs, { clock: manualClock(), ids: createSequentialIds('ana'), actor: 'ana' })
    const dana = unwrap(repo.create('contacts', contact()))
    unwrap(repo.optOut(dana.id, { reason: 'Stop' }))
    unwrap(repo.settings.update({ name: 'Ruiz Team' }))
    await new Promise((r) => setTimeout(r, 50)) // y-indexeddb writes each update asynchronously
    persisted.destroy()

    const again = createTeamDocs('team-p')
    const reopened = attachPersistence(again, factory)
    await reopened.team
    const repo2 = createRepo(again, { clock: manualClock(), ids: createSequentialIds('ana2'), actor: 'ana' })
    expect(repo2.settings.get().name).toBe('Ruiz Team')
    expect(repo2.optOutState(dana.id).isOptedOut).toBe(true)
    expect(repo2.get('contacts', dana.id)).toBeUndefined() // its shard is not loaded yet
    await reopened.shard(shardOf(dana.id))
    expect(repo2.get('contacts', dana.id)?.name.display).toBe('Dana Whitfield')
    reopened.destroy()
  })
})
