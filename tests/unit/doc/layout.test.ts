import { describe, expect, it } from 'vitest'
import { shardOf, unwrap } from '../../../shared/doc'
import { contact, replica, syncAll } from '../helpers/team'

const touchInput = {
  contactId: 'c1',
  enrollmentId: 'e1',
  planId: 'plan-8x8',
  stepId: 's1',
  due: '2026-01-12',
  channel: 'call',
  title: 'Call',
  assignee: 'ana',
} as const

describe('record layout in the Y.Map', () => {
  it('stores no field still at its default, and reads the defaults back', () => {
    const { repo, docs } = replica('ana')
    const c = unwrap(repo.create('contacts', { name: { display: 'Layla Haddad' } }))
    const stored = docs.shards[shardOf(c.id)]!.getMap('contacts').get(c.id) as import('yjs').Map<unknown>
    expect([...stored.keys()].sort()).toEqual(['meta', 'name'])
    expect(repo.get('contacts', c.id)).toMatchObject({
      kind: 'person',
      emails: [],
      tags: [],
      notes: '',
      class: { met: false },
    })
  })

  it('keeps fixed fields under one key and the changing ones apart', () => {
    const { repo, docs } = replica('ana')
    const t = unwrap(repo.create('touches', touchInput))
    const stored = docs.shards[shardOf(t.id)]!.getMap('touches').get(t.id) as import('yjs').Map<unknown>
    expect([...stored.keys()].sort()).toEqual(['assignee', 'due', 'fixed', 'meta'])
    expect(repo.get('touches', t.id)).toMatchObject({ ...touchInput, status: 'pending', script: '' })
  })

  it('a reschedule on one device and a completion on another both survive', () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const t = unwrap(a.repo.create('touches', touchInput))
    syncAll(a, b)
    unwrap(a.repo.update('touches', t.id, { due: '2026-01-14' }))
    unwrap(b.repo.update('touches', t.id, { status: 'done', doneAt: 1 }))
    syncAll(a, b)
    for (const r of [a, b])
      expect(r.repo.get('touches', t.id)).toMatchObject({ due: '2026-01-14', status: 'done' })
  })

  it('setting a field back to its default removes its key, and created survives every restamp', () => {
    const { repo, docs, clock } = replica('ana')
    const c = unwrap(repo.create('contacts', contact({ notes: 'x' })))
    clock.advance(5000)
    const u = unwrap(repo.update('contacts', c.id, { notes: '' }))
    const stored = docs.shards[shardOf(c.id)]!.getMap('contacts').get(c.id) as import('yjs').Map<unknown>
    expect(stored.has('notes')).toBe(false)
    expect(u.notes).toBe('')
    expect(u.created).toEqual(c.created)
    expect(u.stamp.at).toBe(c.created.at + 5000)
  })

  it('editing a fixed field rewrites the fixed key with every other fixed field intact', () => {
    const { repo } = replica('ana')
    const t = unwrap(repo.create('touches', touchInput))
    const u = unwrap(repo.update('touches', t.id, { title: 'Call about the spring market' }))
    expect(u).toMatchObject({ ...touchInput, title: 'Call about the spring market' })
  })
})
