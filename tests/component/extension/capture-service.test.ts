import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fakeBrowser } from 'wxt/testing'
import { createRepo, unwrap } from '../../../shared/doc'
import { createSequentialIds } from '../../../shared/model'
import type { TeamReplica } from '../../../extension/lib/replica'
import { NO_TEAM_REASON } from '../../../extension/lib/capture/service'
import { draft, freshTeamId, repoOf, replicaOf, request, serviceFor } from './helpers'

const open: TeamReplica[] = []
const replica = (teamId = freshTeamId()) => {
  const r = replicaOf(teamId)
  open.push(r)
  return r
}

beforeEach(() => fakeBrowser.reset())
afterEach(() => open.splice(0).forEach((r) => r.close()))

const omar = () =>
  draft({
    givenName: 'Omar',
    familyName: 'Haddad',
    displayName: 'Omar Haddad',
    emails: [{ value: 'omar.haddad@harborlending.com' }],
    phones: [{ value: '(512) 555-0188', label: 'mobile' }],
    organisation: 'Harbor Lending',
    title: 'Senior Mortgage Advisor',
  })
const sam = () =>
  draft({
    givenName: 'Sam',
    familyName: 'Patel',
    displayName: 'Sam Patel',
    emails: [{ value: 'sam.patel@gmail.com' }],
  })

describe('capture service', () => {
  it('creates a new contact with a capture entry, empties the queue and lists it as recent', async () => {
    const team = replica()
    const { service, queue, recent, saved } = serviceFor(team)
    const outcome = await service.save(request())
    expect(outcome).toMatchObject({
      status: 'saved',
      people: [{ displayName: 'Dana Whitfield', outcome: 'created' }],
    })
    const repo = await repoOf(team)
    const [contact] = repo.list('contacts')
    expect(contact).toMatchObject({
      source: { kind: 'gmail' },
      owner: 'member-jane',
      created: { by: 'member-jane' },
    })
    expect(repo.timeline.list(contact!.id)).toEqual([
      expect.objectContaining({
        kind: 'capture',
        subject: 'Intro: Dana ↔ Omar (mortgage pre-approval)',
        link: 'https://mail.google.com/mail/u/0/#inbox/18e27b3c4d5e6f70',
        channel: 'email',
      }),
    ])
    expect(await queue.list()).toEqual([])
    expect(await recent.list()).toMatchObject([
      { status: 'saved', title: 'Intro: Dana ↔ Omar (mortgage pre-approval)' },
    ])
    expect(saved).toHaveLength(1)
    expect(await team.db.contacts.where('emails').equals('dana.whitfield@gmail.com').count()).toBe(1)
  })

  it('merges into the contact with the same email without overwriting what the team wrote', async () => {
    const team = replica()
    const repo = await repoOf(team)
    const existing = unwrap(
      repo.create('contacts', {
        name: { display: 'Omar H.' },
        emails: [{ value: 'Omar.Haddad@HarborLending.com' }],
        work: { title: 'Loan officer' },
        class: { met: true, relationshipType: 'allied-resource', circles: [] },
      }),
    )
    const { service } = serviceFor(team)
    await (await team.load()).projector.flush()
    const outcome = await service.save(request({ people: [omar()] }))
    expect(outcome).toMatchObject({
      status: 'saved',
      people: [{ contactId: existing.id, outcome: 'merged' }],
    })
    const after = repo.get('contacts', existing.id)!
    expect(after.name.display).toBe('Omar H.')
    expect(after.work).toEqual({ title: 'Loan officer', organisation: 'Harbor Lending' })
    expect(after.phones).toEqual([{ value: '+15125550188', label: 'mobile' }])
    expect(after.class.relationshipType).toBe('allied-resource')
    expect(repo.list('contacts')).toHaveLength(1)
  })

  it('finds the contact by phone or by LinkedIn URL as well', async () => {
    const team = replica()
    const repo = await repoOf(team)
    const byPhone = unwrap(
      repo.create('contacts', { name: { display: 'Omar' }, phones: [{ value: '+1 512 555 0188' }] }),
    )
    const byLinkedIn = unwrap(
      repo.create('contacts', {
        name: { display: 'Rosa' },
        web: { linkedin: 'https://uk.linkedin.com/in/Rosa-Delgado-Marin/' },
      }),
    )
    await (await team.load()).projector.flush()
    const { service } = serviceFor(team)
    const rosa = draft({
      displayName: 'Rosa Delgado-Marín',
      emails: [],
      linkedinUrl: 'linkedin.com/in/rosa-delgado-marin',
    })
    const outcome = await service.save(
      request({ source: 'linkedin', people: [{ ...omar(), emails: [] }, rosa] }),
    )
    expect(outcome).toMatchObject({
      status: 'saved',
      people: [{ contactId: byPhone.id }, { contactId: byLinkedIn.id }],
    })
    expect(repo.list('contacts')).toHaveLength(2)
  })

  it('records a proposed introduction with both consents unrecorded, once', async () => {
    const team = replica()
    const { service } = serviceFor(team)
    const intro = { introducer: 0, partyA: 1, partyB: 2, need: 'A pre-approval before making offers.' }
    const first = await service.save(request({ people: [sam(), draft(), omar()], intro }))
    expect(first.status).toBe('saved')
    const repo = await repoOf(team)
    const [created] = repo.list('intros')
    expect(created).toMatchObject({
      need: { text: 'A pre-approval before making offers.' },
      outcome: 'pending',
    })
    expect(created!.consentA ?? null).toBeNull()
    expect(created!.consentB ?? null).toBeNull()
    const ids = first.status === 'saved' ? first.people.map((p) => p.contactId) : []
    expect([created!.partyA, created!.partyB, created!.requestedBy]).toEqual([ids[1], ids[2], ids[0]])
    expect(repo.get('contacts', ids[1]!)!.source).toMatchObject({ kind: 'referral', referredBy: ids[0] })

    const again = await service.save(request({ people: [sam(), draft(), omar()], intro }))
    expect(again).toMatchObject({ status: 'saved', intro: { id: created!.id } })
    expect(repo.list('intros')).toHaveLength(1)
    expect(repo.list('contacts')).toHaveLength(3)
  })

  it('refuses an invalid capture whole, naming the field, and queues nothing', async () => {
    const team = replica()
    const { service, queue } = serviceFor(team)
    const outcome = await service.save(
      request({ people: [draft(), draft({ displayName: '', givenName: '', familyName: '', emails: [] })] }),
    )
    expect(outcome).toEqual({
      status: 'invalid',
      problems: [{ path: 'people.1.name.display', message: 'needs a name, an email or a phone' }],
    })
    expect(await service.save({ ...request(), url: 'not a url' })).toMatchObject({ status: 'invalid' })
    expect(await queue.list()).toEqual([])
    expect((await repoOf(team)).list('contacts')).toEqual([])
  })

  it('keeps a capture made before the team is known, and writes it once the team is', async () => {
    const known: { team?: TeamReplica } = {}
    const { service, queue, recent } = serviceFor(undefined, { team: async () => known.team })
    expect(await service.save(request())).toEqual({ status: 'queued', reason: NO_TEAM_REASON })
    expect(await queue.list()).toMatchObject([{ attempts: 1, lastError: NO_TEAM_REASON }])
    expect(await recent.list()).toMatchObject([{ status: 'queued' }])
    known.team = replica()
    await service.processQueue()
    expect(await queue.list()).toEqual([])
    expect((await repoOf(known.team)).list('contacts')).toHaveLength(1)
    expect(await recent.list()).toMatchObject([{ status: 'saved' }])
  })

  it('loses nothing when the service worker stops before the write: the next start writes it', async () => {
    const teamId = freshTeamId()
    const first = serviceFor(replica(teamId))
    // The queue is written first; the worker stopped before the documents were touched.
    await first.queue.add({
      request: request(),
      ids: { contacts: ['c-1'], interactions: ['i-1'] },
      queuedAt: 1,
      attempts: 0,
    })
    open.splice(0).forEach((r) => r.close())

    const restarted = replica(teamId)
    await serviceFor(restarted).service.processQueue()
    const repo = await repoOf(restarted)
    expect(repo.list('contacts').map((c) => c.id)).toEqual(['c-1'])
    expect(await first.queue.list()).toEqual([])
  })

  it('writes nothing twice when it stopped after the write but before the queue entry was removed', async () => {
    const teamId = freshTeamId()
    const team = replica(teamId)
    const { service, queue } = serviceFor(team)
    const intro = { introducer: null, partyA: 0, partyB: 1 }
    const req = request({ people: [draft(), omar()], intro })
    await service.save(req)
    const item = {
      request: req,
      ids: { contacts: ['c-1', 'c-2'], interactions: ['i-1', 'i-2'] },
      queuedAt: 1,
      attempts: 0,
    }
    // The same capture is back in the queue, as if the removal never happened.
    const stored = (await (await repoOf(team)).list('contacts')).map((c) => c.id)
    item.ids.contacts = stored
    await queue.add(item)
    open.splice(0).forEach((r) => r.close())

    const restarted = replica(teamId)
    await serviceFor(restarted).service.processQueue()
    const repo = await repoOf(restarted)
    expect(repo.list('contacts')).toHaveLength(2)
    expect(repo.list('intros')).toHaveLength(1)
    expect(await queue.list()).toEqual([])
  })

  it('removes the queue entry only after the write is in IndexedDB', async () => {
    const teamId = freshTeamId()
    const { service } = serviceFor(replica(teamId))
    await service.save(request({ people: [omar()] }))
    open.splice(0).forEach((r) => r.close())
    const reopened = await repoOf(replica(teamId))
    expect(reopened.list('contacts').map((c) => c.name.display)).toEqual(['Omar Haddad'])
    expect(reopened.timeline.list()).toHaveLength(1)
  })

  it('tells what the team knows of a person: relationship, plan, last touch and referral source', async () => {
    const team = replica()
    const repo = await repoOf(team)
    const other = createRepo((await team.load()).docs, {
      clock: { now: () => 5 },
      ids: createSequentialIds('p'),
      actor: 'sam',
    })
    const plan = unwrap(other.create('plans', { name: '33 Touch', steps: [] }))
    const sam = unwrap(repo.create('contacts', { name: { display: 'Sam Patel' } }))
    const dana = unwrap(
      repo.create('contacts', {
        name: { display: 'Dana Whitfield' },
        emails: [{ value: 'dana.whitfield@gmail.com' }],
        class: { met: true, relationshipType: 'advocate', circles: [] },
        source: { kind: 'referral', referredBy: sam.id },
      }),
    )
    unwrap(
      repo.create('enrollments', {
        contactId: dana.id,
        planId: plan.id,
        startDay: '2026-01-10',
        memberId: 'sam',
      }),
    )
    unwrap(
      repo.timeline.append({
        contactId: dana.id,
        kind: 'call',
        at: Date.UTC(2026, 0, 12),
        summary: 'Called about the move',
      }),
    )
    unwrap(
      repo.timeline.append({
        contactId: dana.id,
        kind: 'capture',
        at: Date.UTC(2026, 0, 20),
        summary: 'Captured',
      }),
    )
    await (await team.load()).projector.flush()
    const { service } = serviceFor(team)
    const [known, unknown] = await service.lookup([
      draft({ emails: [{ value: 'DANA.whitfield@gmail.com ' }] }),
      omar(),
    ])
    expect(unknown).toBeNull()
    expect(known).toEqual({
      id: dana.id,
      displayName: 'Dana Whitfield',
      matchedBy: 'email',
      relationshipType: 'advocate',
      plan: '33 Touch',
      lastTouch: { kind: 'call', at: Date.UTC(2026, 0, 12), summary: 'Called about the move' },
      source: { kind: 'referral', referrer: 'Sam Patel' },
    })
  })

  it('knows nobody before the team is known', async () => {
    const { service } = serviceFor(undefined)
    expect(await service.lookup([draft()])).toEqual([null])
  })
})
