import { describe, expect, it } from 'vitest'
import { ValidationError, shardOf, unwrap } from '../../../shared/doc'
import { contact, replica } from '../helpers/team'

describe('repository writes', () => {
  it('creates a contact with defaults, stamps who and when, and reads it back', () => {
    const { repo, clock } = replica('ana')
    const c = unwrap(repo.create('contacts', contact()))
    expect(c.id).toBe('ana-000001')
    expect(c.created).toEqual({ at: clock.now(), by: 'ana' })
    expect(c.notes).toBe('')
    const back = repo.get('contacts', c.id)
    expect(back?.name.display).toBe('Dana Whitfield')
    expect(back?.class.relationshipType).toBe('allied-resource')
    expect(back?.stamp).toEqual({ at: clock.now(), by: 'ana' })
  })

  it('refuses invalid input with a problem naming the field, and writes nothing', () => {
    const { repo, docs } = replica('ana')
    const before = docs.shards.map((d) => d.getMap('contacts').size)
    const r = repo.create('contacts', { ...contact(), name: { display: '   ' } })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems).toEqual([{ path: 'name.display', message: 'must not be empty' }])
    const bad = repo.create(
      'contacts',
      contact({ class: { met: true, relationshipType: 'friend' as never } }),
    )
    expect(!bad.ok && bad.problems[0]!.path).toBe('class.relationshipType')
    expect(docs.shards.map((d) => d.getMap('contacts').size)).toEqual(before)
    expect(repo.list('contacts')).toHaveLength(0)
  })

  it('refuses unknown fields instead of storing them', () => {
    const { repo } = replica('ana')
    const r = repo.create('contacts', { ...contact(), favouriteColour: 'teal' } as never)
    expect(!r.ok && r.problems[0]!.path).toBe('favouriteColour')
  })

  it('unwrap throws a ValidationError that names the field', () => {
    const { repo } = replica('ana')
    expect(() => unwrap(repo.create('referrals', { referrerId: 'x' } as never))).toThrow(ValidationError)
    expect(() => unwrap(repo.create('referrals', { referrerId: 'x' } as never))).toThrow(/referredId/)
  })

  it('updates only the named fields and restamps', () => {
    const { repo, clock } = replica('ana')
    const c = unwrap(repo.create('contacts', contact()))
    clock.advance(60_000)
    const u = unwrap(repo.update('contacts', c.id, { notes: 'Prefers texts after 6pm' }))
    expect(u.notes).toBe('Prefers texts after 6pm')
    expect(u.emails).toEqual(c.emails)
    expect(u.stamp.at).toBe(c.created.at + 60_000)
    expect(u.created).toEqual(c.created)
  })

  it('an update that changes nothing writes nothing', () => {
    const { repo, docs } = replica('ana')
    const c = unwrap(repo.create('contacts', contact()))
    const doc = docs.shards[shardOf(c.id)]!
    let updates = 0
    doc.on('update', () => updates++)
    unwrap(repo.update('contacts', c.id, { tags: ['lender'] }))
    expect(updates).toBe(0)
  })

  it('clears an optional field when the patch sets it to undefined', () => {
    const { repo } = replica('ana')
    const c = unwrap(repo.create('contacts', contact({ owner: 'ana' })))
    expect(unwrap(repo.update('contacts', c.id, { owner: undefined })).owner).toBeUndefined()
  })

  it('refuses to update a record that does not exist or is deleted', () => {
    const { repo } = replica('ana')
    expect(repo.update('contacts', 'nope', { notes: 'x' }).ok).toBe(false)
    const c = unwrap(repo.create('contacts', contact()))
    unwrap(repo.remove('contacts', c.id))
    const r = repo.update('contacts', c.id, { notes: 'x' })
    expect(!r.ok && r.problems[0]!.message).toMatch(/deleted/)
  })

  it('soft-deletes with a tombstone and restores explicitly with every field intact', () => {
    const { repo } = replica('ana')
    const c = unwrap(repo.create('contacts', contact()))
    const d = unwrap(repo.remove('contacts', c.id))
    expect(d.deleted).toEqual({ at: d.stamp.at, by: 'ana' })
    expect(repo.list('contacts')).toHaveLength(0)
    expect(repo.list('contacts', { includeDeleted: true })).toHaveLength(1)
    const r = unwrap(repo.restore('contacts', c.id))
    expect(r.deleted).toBeNull()
    expect(r.emails).toEqual(c.emails)
    expect(repo.list('contacts')).toHaveLength(1)
  })

  it('a deterministic id is idempotent: creating it twice keeps one record', () => {
    const { repo } = replica('ana')
    const input = {
      contactId: 'c1',
      due: '2026-01-12',
      channel: 'call',
      title: 'Call',
      assignee: 'ana',
    } as const
    const a = unwrap(repo.create('touches', input, { id: 'enr-1:step-1' }))
    const b = unwrap(repo.create('touches', { ...input, title: 'Other' }, { id: 'enr-1:step-1' }))
    expect(b.title).toBe(a.title)
    expect(repo.list('touches')).toHaveLength(1)
  })

  it('spreads records over the shards and places team collections in the team doc', () => {
    const { repo, docs } = replica('ana')
    for (let i = 0; i < 200; i++) unwrap(repo.create('contacts', contact({ name: { display: `P ${i}` } })))
    const sizes = docs.shards.map((d) => d.getMap('contacts').size)
    expect(sizes.reduce((a, b) => a + b)).toBe(200)
    expect(Math.min(...sizes)).toBeGreaterThan(0)
    unwrap(repo.create('members', { name: 'Ana Ruiz', role: 'owner' }))
    expect(docs.team.getMap('members').size).toBe(1)
    expect(docs.team.getMap('contacts').size).toBe(0)
  })

  it('a batch is one transaction per document with one origin', () => {
    const { repo, docs } = replica('ana')
    const origins = new Set<unknown>()
    let transactions = 0
    for (const d of docs.shards)
      d.on('update', (_u: Uint8Array, origin: unknown) => {
        transactions++
        origins.add(origin)
      })
    repo.batch(() => {
      for (let i = 0; i < 100; i++) unwrap(repo.create('contacts', contact({ name: { display: `P ${i}` } })))
    }, 'import-1')
    expect(transactions).toBeLessThanOrEqual(16)
    expect(origins.size).toBe(1)
    expect([...origins][0]).toMatchObject({ actor: 'ana', batch: 'import-1' })
  })
})

describe('settings', () => {
  it('has defaults and validates changes', () => {
    const { repo } = replica('ana')
    expect(repo.settings.get().noResponseLimit).toBe(6)
    expect(unwrap(repo.settings.update({ noResponseLimit: 4 })).noResponseLimit).toBe(4)
    const r = repo.settings.update({ noResponseLimit: 0 })
    expect(!r.ok && r.problems[0]!.path).toBe('noResponseLimit')
    expect(repo.settings.get().noResponseLimit).toBe(4)
  })
})
