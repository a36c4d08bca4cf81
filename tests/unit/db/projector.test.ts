import { describe, expect, it, vi } from 'vitest'
import { shardOf, unwrap } from '../../../shared/doc'
import { PROJECTED_TABLES } from '../../../shared/db'
import { contact } from '../helpers/team'
import { device, seedEveryCollection } from './read-model'

describe('read model projection', () => {
  it('projects a record of every collection into its table', async () => {
    const { repo, db, projector } = await device('ana')
    const ids = seedEveryCollection(repo)
    await projector.flush()
    for (const table of PROJECTED_TABLES) expect(await db.table(table).count(), table).toBeGreaterThan(0)
    const referral = await db.referrals.get(ids.referral)
    expect(referral).toMatchObject({
      referrerId: ids.dana,
      referredId: ids.sara,
      stage: 'received',
      deleted: 0,
    })
    expect(referral?.shard).toBe(shardOf(ids.referral))
    expect(await db.members.get(ids.member)).toMatchObject({ name: 'Ana Ortiz', role: 'owner', deleted: 0 })
    expect((await db.members.get(ids.member)) as object).not.toHaveProperty('shard')
    expect(await db.interactions.where('[contactId+at]').between([ids.dana, 0], [ids.dana, 10]).count()).toBe(
      1,
    )
    expect(await db.touches.where('[assignee+due]').equals([ids.member, '2026-01-12']).primaryKeys()).toEqual(
      [ids.touch],
    )
    expect(await db.enrollments.where('planId').equals(ids.plan).count()).toBe(1)
    expect(await db.leads.where('sourceId').equals(ids.source).count()).toBe(1)
  })

  it('flattens a contact into a list row', async () => {
    const { repo, db, projector } = await device('ana')
    const c = unwrap(
      repo.create(
        'contacts',
        contact({
          emails: [{ value: 'Dana.Whitfield@Example.com ' }, { value: 'dana@cascade.example' }],
          phones: [{ value: '(503) 555-0142' }, { value: '+1 503 555 0142' }],
          web: { linkedin: 'https://www.linkedin.com/in/Dana-Whitfield/?trk=x', websites: [] },
          addresses: [{ city: 'Portland' }],
          owner: 'ana',
        }),
      ),
    )
    await projector.flush()
    expect(await db.contacts.get(c.id)).toEqual({
      id: c.id,
      shard: shardOf(c.id),
      deleted: 0,
      kind: 'person',
      displayName: 'Dana Whitfield',
      givenName: 'Dana',
      familyName: 'Whitfield',
      sortKey: 'dana whitfield',
      organisation: 'Cascade Lending',
      title: 'Loan Officer',
      primaryEmail: 'Dana.Whitfield@Example.com',
      primaryPhone: '(503) 555-0142',
      city: 'Portland',
      emails: ['dana.whitfield@example.com', 'dana@cascade.example'],
      phones: ['+15035550142'],
      linkedin: 'linkedin.com/in/dana-whitfield',
      nameTokens: ['cascade', 'dana', 'lending', 'whitfield'],
      tags: ['lender'],
      circles: ['vendors'],
      met: 1,
      relationshipType: 'allied-resource',
      owner: 'ana',
      optedOut: 0,
      optOutChannels: [],
      createdAt: c.created.at,
      updatedAt: c.stamp.at,
    })
  })

  it('finds contacts by email, phone, LinkedIn and name-token prefix through the indexes', async () => {
    const { repo, db, projector } = await device('ana', { defaultCountry: 'SA' })
    const ids = seedEveryCollection(repo)
    await projector.flush()
    expect(await db.contacts.where('emails').equals('dana.whitfield@example.com').primaryKeys()).toEqual([
      ids.dana,
    ])
    expect(await db.contacts.where('phones').equals('+966501234567').primaryKeys()).toEqual([ids.sara])
    expect(await db.contacts.where('phones').equals('+15035550142').primaryKeys()).toEqual([ids.dana])
    unwrap(
      repo.update('contacts', ids.dana, { web: { linkedin: 'uk.linkedin.com/in/dana-w', websites: [] } }),
    )
    await projector.flush()
    expect(await db.contacts.where('linkedin').equals('linkedin.com/in/dana-w').primaryKeys()).toEqual([
      ids.dana,
    ])
    expect(await db.contacts.where('nameTokens').startsWith('whit').primaryKeys()).toEqual([ids.dana])
    expect(await db.contacts.where('nameTokens').startsWith('ساره').primaryKeys()).toEqual([ids.sara])
    expect(await db.contacts.where('nameTokens').equals('علي').primaryKeys()).toEqual([ids.sara])
    expect(await db.contacts.where('tags').equals('lender').count()).toBe(1)
    expect(await db.contacts.where('met').equals(1).count()).toBe(2)
  })

  it('follows updates, soft deletes and restores', async () => {
    const { repo, db, projector } = await device('ana')
    const c = unwrap(repo.create('contacts', contact()))
    await projector.flush()
    unwrap(
      repo.update('contacts', c.id, { name: { display: 'Dana Whitfield-Ray' }, tags: ['lender', 'vip'] }),
    )
    await projector.flush()
    expect(await db.contacts.get(c.id)).toMatchObject({
      displayName: 'Dana Whitfield-Ray',
      tags: ['lender', 'vip'],
    })
    expect(await db.contacts.where('nameTokens').equals('whitfieldray').primaryKeys()).toEqual([c.id])
    unwrap(repo.remove('contacts', c.id))
    await projector.flush()
    expect(await db.contacts.get(c.id)).toMatchObject({ deleted: 1 })
    expect(await db.contacts.where('deleted').equals(0).count()).toBe(0)
    unwrap(repo.restore('contacts', c.id))
    await projector.flush()
    expect(await db.contacts.get(c.id)).toMatchObject({ deleted: 0, displayName: 'Dana Whitfield-Ray' })
  })

  it('drops the row of a record removed from its document', async () => {
    const { repo, db, projector, docs } = await device('ana')
    const c = unwrap(repo.create('contacts', contact()))
    await projector.flush()
    docs.shards[shardOf(c.id)]!.getMap('contacts').delete(c.id)
    await vi.waitFor(async () => expect(await db.contacts.count()).toBe(0))
  })

  it('keeps a tombstone on a soft-deleted row of any table', async () => {
    const { repo, db, projector, clock } = await device('ana')
    const ids = seedEveryCollection(repo)
    unwrap(repo.remove('deals', ids.deal))
    await projector.flush()
    expect(await db.deals.get(ids.deal)).toMatchObject({
      deleted: 1,
      tombstone: { at: clock.now(), by: 'ana' },
    })
    unwrap(repo.restore('deals', ids.deal))
    await projector.flush()
    expect(await db.deals.get(ids.deal)).not.toHaveProperty('tombstone')
  })

  it('reprojects optedOut from the ledger on opt-out and opt-in', async () => {
    const { repo, db, projector } = await device('ana')
    const c = unwrap(repo.create('contacts', contact()))
    await projector.flush()
    unwrap(repo.optOut(c.id, { channel: 'email', reason: 'asked by phone' }))
    await projector.flush()
    expect(await db.contacts.get(c.id)).toMatchObject({ optedOut: 1, optOutChannels: ['email'] })
    unwrap(repo.optOut(c.id, { channel: 'all' }))
    await projector.flush()
    expect(await db.contacts.get(c.id)).toMatchObject({ optedOut: 1, optOutChannels: ['all', 'email'] })
    expect(await db.contacts.where('optedOut').equals(1).primaryKeys()).toEqual([c.id])
    unwrap(repo.optIn(c.id, { reason: 'Called back and asked to hear from us' }))
    await projector.flush()
    expect(await db.contacts.get(c.id)).toMatchObject({ optedOut: 0, optOutChannels: [] })
  })

  it('derives nextTouchDue from the earliest pending touch', async () => {
    const { repo, db, projector } = await device('ana')
    const c = unwrap(repo.create('contacts', contact()))
    const touch = (due: string) =>
      unwrap(
        repo.create('touches', { contactId: c.id, due, channel: 'call', title: 'Call', assignee: 'ana' }),
      ).id
    const late = touch('2026-03-01')
    const early = touch('2026-02-01')
    await projector.flush()
    expect((await db.contacts.get(c.id))?.nextTouchDue).toBe('2026-02-01')
    unwrap(repo.update('touches', early, { status: 'done' }))
    await projector.flush()
    expect((await db.contacts.get(c.id))?.nextTouchDue).toBe('2026-03-01')
    unwrap(repo.remove('touches', late))
    await projector.flush()
    expect(await db.contacts.get(c.id)).not.toHaveProperty('nextTouchDue')
  })

  it('coalesces a burst of transactions into one pass and writes on its own', async () => {
    const { repo, db, projector } = await device('ana')
    const passes: number[] = []
    projector.onChange((change) => passes.push(change.tables.contacts?.put.length ?? 0))
    for (let i = 0; i < 5; i++)
      unwrap(repo.create('contacts', contact({ name: { display: `Contact ${i}` } })))
    await vi.waitFor(async () => expect(await db.contacts.count()).toBe(5))
    expect(passes).toEqual([5])
  })

  it('is idempotent: flushing again or rebuilding changes nothing', async () => {
    const { repo, db, projector } = await device('ana')
    seedEveryCollection(repo)
    await projector.flush()
    const before = await db.contacts.toArray()
    await projector.flush()
    await projector.rebuild()
    expect(await db.contacts.toArray()).toEqual(before)
  })
})
