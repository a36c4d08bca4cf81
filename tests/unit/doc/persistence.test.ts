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

describe('loading every shard with pauses', () => {
  /** A persistence whose loads finish when the test says, recording which documents it opened. */
  function gatedFactory() {
    const opened: string[] = []
    const finish = new Map<string, () => void>()
    const factory = (name: string) => {
      opened.push(name)
      return { whenSynced: new Promise<void>((resolve) => finish.set(name, resolve)), destroy: () => {} }
    }
    return { opened, finish, factory }
  }

  it('opens one shard at a time, after a pause each, and resolves once all are loaded', async () => {
    const docs = createTeamDocs('team-q')
    const { opened, finish, factory } = gatedFactory()
    const persisted = attachPersistence(docs, factory)
    finish.get(docs.team.guid)!()
    await persisted.team
    let pauses = 0
    let isAll = false
    void persisted.all({ pause: () => Promise.resolve(void pauses++) }).then(() => (isAll = true))
    for (const [i, shard] of docs.shards.entries()) {
      await new Promise((r) => setTimeout(r, 0))
      expect(opened).toEqual([docs.team.guid, ...docs.shards.slice(0, i + 1).map((d) => d.guid)])
      expect(pauses).toBe(i + 1)
      expect(isAll).toBe(false)
      finish.get(shard.guid)!()
    }
    await new Promise((r) => setTimeout(r, 0))
    expect(isAll).toBe(true)
  })

  it('a shard asked for directly loads at once, and a destroyed team opens no further shard', async () => {
    const docs = createTeamDocs('team-r')
    const { opened, finish, factory } = gatedFactory()
    const persisted = attachPersistence(docs, factory)
    let resume = () => {}
    const all = persisted.all({ pause: () => new Promise<void>((r) => (resume = r)) })
    void persisted.shard(9)
    expect(opened).toEqual([docs.team.guid, docs.shards[9]!.guid])
    persisted.destroy()
    resume()
    await all
    expect(opened).toHaveLength(2)
    finish.clear()
  })
})
