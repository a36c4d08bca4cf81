import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import {
  CONTACT_REFERENCES,
  carriedOptOutId,
  mergeContacts,
  mergedFields,
  reconcileMerges,
} from '../../../shared/contacts'
import { enroll } from '../../../shared/plans'
import { contact, snapshot, syncAll } from '../helpers/team'
import { planTeam } from '../plans/plan-team'

/** Ana's team with Dana twice: once from a LinkedIn capture, once from an import. */
function duplicates() {
  const team = planTeam()
  const { a } = team
  const dupe = unwrap(
    a.repo.create(
      'contacts',
      contact({
        name: { display: 'Dana W.' },
        emails: [
          { value: 'Dana.Whitfield@Example.com', label: 'work' },
          { value: 'dana@cascadelending.example', label: 'work' },
        ],
        phones: [
          { value: '+1 503-555-0142', label: 'mobile' },
          { value: '+15035550199', label: 'work' },
        ],
        addresses: [{ street: '12 Alder St', city: 'Portland', region: 'OR', postalCode: '97205' }],
        web: { linkedin: 'https://www.linkedin.com/in/danawhitfield', websites: ['https://cascade.example'] },
        work: { organisation: 'Other Bank', title: 'VP' },
        tags: ['lender', '2025 clients'],
        notes: 'Met at the spring open house.',
        owner: 'ben',
      }),
    ),
  )
  const marcus = unwrap(
    a.repo.create('contacts', contact({ name: { display: 'Marcus Oyelaran' }, emails: [] })),
  )
  return { ...team, dupe, marcus }
}

describe('mergeContacts', () => {
  it('keeps the kept contact’s values and adds the duplicate’s missing ones, deduped', () => {
    const { a, dana, dupe } = duplicates()
    const outcome = unwrap(mergeContacts(a.repo, { keepId: dana.id, dropId: dupe.id }))
    const kept = a.repo.get('contacts', dana.id)!
    expect(kept.name.display).toBe('Dana Whitfield')
    expect(kept.work).toEqual({ organisation: 'Cascade Lending', title: 'Loan Officer' })
    expect(kept.emails.map((e) => e.value)).toEqual([
      'dana.whitfield@example.com',
      'dana@cascadelending.example',
    ])
    expect(kept.phones.map((p) => p.value)).toEqual(['+15035550142', '+15035550199'])
    expect(kept.addresses).toHaveLength(1)
    expect(kept.web).toEqual({
      linkedin: 'https://www.linkedin.com/in/danawhitfield',
      websites: ['https://cascade.example'],
    })
    expect(kept.tags).toEqual(['lender', '2025 clients'])
    expect(kept.notes).toBe('Met at the spring open house.')
    expect(kept.owner).toBe('ana')
    expect(kept.mergedFrom).toEqual([dupe.id])
    expect(outcome.fields).toEqual(
      expect.arrayContaining(['emails', 'phones', 'addresses', 'tags', 'mergedFrom']),
    )

    const dropped = a.repo.get('contacts', dupe.id)!
    expect(dropped.deleted).toMatchObject({ by: 'ana' })
    expect(dropped.mergedInto).toBe(dana.id)
    expect(a.repo.list('contacts').map((c) => c.id)).not.toContain(dupe.id)
    expect(a.repo.timeline.list(dana.id).at(-1)!.summary).toBe('Merged Dana W. into this contact')
  })

  it('re-points every record that names the duplicate', () => {
    const { a, dana, dupe, marcus } = duplicates()
    const at = a.clock.now()
    const asReferrer = unwrap(
      a.repo.create('referrals', {
        referrerId: dupe.id,
        referredId: marcus.id,
        need: 'Buying a condo',
        receivedAt: at,
      }),
    )
    const asReferred = unwrap(
      a.repo.create('referrals', {
        referrerId: marcus.id,
        referredId: dupe.id,
        need: 'Refinance',
        receivedAt: at,
      }),
    )
    const intro = unwrap(
      a.repo.create('intros', {
        partyA: marcus.id,
        partyB: dupe.id,
        need: { text: 'A lender', urgency: 'soon' },
      }),
    )
    const lead = unwrap(
      a.repo.create('leads', { contactId: dupe.id, sourceId: 'src-1', entry: 'manual', receivedAt: at }),
    )
    const referredByDupe = unwrap(
      a.repo.create(
        'contacts',
        contact({ name: { display: 'Kim Lee' }, source: { kind: 'referral', referredBy: dupe.id } }),
      ),
    )
    const { enrollment, touches } = unwrap(
      enroll(a.repo, { contactId: dupe.id, planId: 'plan-8x8', memberId: 'ana', startDay: '2026-01-05' }),
    )
    const outcome = unwrap(mergeContacts(a.repo, { keepId: dana.id, dropId: dupe.id }))

    expect(a.repo.get('referrals', asReferrer.id)).toMatchObject({
      referrerId: dana.id,
      referredId: marcus.id,
    })
    expect(a.repo.get('referrals', asReferred.id)).toMatchObject({
      referrerId: marcus.id,
      referredId: dana.id,
    })
    expect(a.repo.get('intros', intro.id)).toMatchObject({ partyA: marcus.id, partyB: dana.id })
    expect(a.repo.get('leads', lead.id)!.contactId).toBe(dana.id)
    expect(a.repo.get('contacts', referredByDupe.id)!.source!.referredBy).toBe(dana.id)
    expect(a.repo.get('enrollments', enrollment.id)).toMatchObject({ contactId: dana.id, status: 'active' })
    expect(touches.every((t) => a.repo.get('touches', t.id)!.contactId === dana.id)).toBe(true)
    expect(outcome.moved).toEqual({
      referrals: 2,
      intros: 1,
      leads: 1,
      enrollments: 1,
      touches: 8,
      contacts: 1,
    })
    // No reference field names the dropped contact any more (ids derived from it stay as they are).
    for (const [c, fields] of Object.entries(CONTACT_REFERENCES)) {
      for (const r of a.repo.list(c as keyof typeof CONTACT_REFERENCES)) {
        for (const f of fields) expect((r as unknown as Record<string, unknown>)[f]).not.toBe(dupe.id)
      }
    }
  })

  it('carries every opt-out in force to the kept contact, attributed, and never one that was cleared', () => {
    const { a, dana, dupe } = duplicates()
    unwrap(a.repo.optOut(dupe.id, { channel: 'email', reason: 'asked by phone' }))
    const cleared = unwrap(a.repo.optOut(dupe.id, { channel: 'text' }))
    unwrap(a.repo.optIn(dupe.id, { reason: 'texts are fine again', supersedes: [cleared.id] }))
    unwrap(a.repo.optOut(dupe.id, { channel: 'all' }))
    a.clock.advance(60_000)

    const outcome = unwrap(mergeContacts(a.repo, { keepId: dana.id, dropId: dupe.id }))
    const state = a.repo.optOutState(dana.id)
    expect(outcome.optOuts).toBe(2)
    expect(state.channels).toEqual(['all', 'email'])
    expect(state.active.map((e) => e.reason)).toEqual([
      'merged from Dana W.: asked by phone',
      'merged from Dana W.',
    ])
    expect(state.active.every((e) => e.by === 'ana' && e.id.endsWith(`>${dana.id}`))).toBe(true)
  })

  it('stops the duplicate’s enrollment in a plan the kept contact is already in', () => {
    const { a, dana, dupe } = duplicates()
    const on = (contactId: string, planId: string) => ({
      contactId,
      planId,
      memberId: 'ana',
      startDay: '2026-01-05',
    })
    const kept = unwrap(enroll(a.repo, on(dana.id, 'plan-8x8'))).enrollment
    const twin = unwrap(enroll(a.repo, on(dupe.id, 'plan-8x8'))).enrollment
    const other = unwrap(enroll(a.repo, on(dupe.id, 'plan-33-touch'))).enrollment

    const outcome = unwrap(mergeContacts(a.repo, { keepId: dana.id, dropId: dupe.id }))
    expect(outcome.stoppedEnrollments).toEqual([twin.id])
    const active = a.repo.list('enrollments').filter((e) => e.contactId === dana.id && e.status === 'active')
    expect(active.map((e) => e.id).sort()).toEqual([kept.id, other.id].sort())
    expect(a.repo.get('enrollments', twin.id)).toMatchObject({ status: 'stopped', contactId: dana.id })
    const pendingOfTwin = a.repo
      .list('touches')
      .filter((t) => t.enrollmentId === twin.id && t.status === 'pending')
    expect(pendingOfTwin).toEqual([])
  })

  it.each([
    [
      'itself',
      'same-contact',
      (ids: { dana: string }) => ({ keepId: ids.dana, dropId: ids.dana }),
      'dropId',
      'itself',
    ],
    [
      'an unknown id',
      'unknown-contact',
      (ids: { dana: string }) => ({ keepId: ids.dana, dropId: 'c-nobody' }),
      'dropId',
      'no contact c-nobody',
    ],
    [
      'an unknown kept id',
      'unknown-contact',
      (ids: { dana: string; dupe: string }) => ({ keepId: 'c-nobody', dropId: ids.dupe }),
      'keepId',
      'no contact c-nobody',
    ],
    [
      'a deleted contact',
      'deleted-contact',
      (ids: { dana: string; marcus: string }) => ({ keepId: ids.dana, dropId: ids.marcus }),
      'dropId',
      'Marcus Oyelaran is deleted',
    ],
  ] as const)('refuses merging with %s and writes nothing', (_what, reason, request, path, message) => {
    const { a, dana, dupe, marcus } = duplicates()
    unwrap(a.repo.remove('contacts', marcus.id))
    const before = snapshot(a)
    const r = mergeContacts(a.repo, request({ dana: dana.id, dupe: dupe.id, marcus: marcus.id }))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect('reason' in r && r.reason).toBe(reason)
    expect(r.problems[0]!.path).toBe(path)
    expect(r.problems[0]!.message).toContain(message)
    expect(snapshot(a)).toBe(before)
  })

  it('previews the kept contact without writing', () => {
    const { a, dana, dupe } = duplicates()
    const before = snapshot(a)
    const changes = mergedFields(dana, dupe)
    expect(changes.phones?.map((p) => p.value)).toEqual(['+15035550142', '+15035550199'])
    expect(changes.name).toBeUndefined()
    expect(snapshot(a)).toBe(before)
  })
})

describe('a merge racing an edit on another device', () => {
  it('keeps the edit on the tombstone and carries it, and late records and opt-outs, to the kept contact', () => {
    const { a, b, dana, dupe, marcus } = duplicates()
    syncAll(a, b)
    // Ana merges while Ben, offline, edits the duplicate, refers someone through it and records an opt-out.
    unwrap(mergeContacts(a.repo, { keepId: dana.id, dropId: dupe.id }))
    unwrap(
      b.repo.update('contacts', dupe.id, {
        phones: [...dupe.phones, { value: '+15035550123', label: 'home' }],
        profile: { birthday: '1984-03-02', propertyTypes: [], locations: [], features: [] },
      }),
    )
    const late = unwrap(
      b.repo.create('referrals', {
        referrerId: dupe.id,
        referredId: marcus.id,
        need: 'Selling a house',
        receivedAt: b.clock.now(),
      }),
    )
    unwrap(b.repo.optOut(dupe.id, { channel: 'mail', reason: 'no more cards' }))
    syncAll(a, b)

    // The merge holds and Ben's edit is on the tombstone, not lost.
    const tomb = a.repo.get('contacts', dupe.id)!
    expect(tomb.deleted).toBeTruthy()
    expect(tomb.mergedInto).toBe(dana.id)
    expect(tomb.phones.map((p) => p.value)).toContain('+15035550123')

    // After the post-sync pass on either device, the kept contact has it too.
    const carried = reconcileMerges(b.repo)
    expect(carried).toHaveLength(1)
    syncAll(a, b)
    expect(reconcileMerges(a.repo)).toEqual([]) // idempotent, and the other device agrees
    const kept = a.repo.get('contacts', dana.id)!
    expect(kept.phones.map((p) => p.value)).toEqual(['+15035550142', '+15035550199', '+15035550123'])
    expect(kept.profile.birthday).toBe('1984-03-02')
    expect(a.repo.get('referrals', late.id)!.referrerId).toBe(dana.id)
    expect(a.repo.optOutState(dana.id).channels).toEqual(['mail'])
    expect(snapshot(a)).toBe(snapshot(b))
  })

  it('does not bring back a value removed from the kept contact after the merge', () => {
    const { a, dana, dupe } = duplicates()
    unwrap(mergeContacts(a.repo, { keepId: dana.id, dropId: dupe.id }))
    unwrap(
      a.repo.update('contacts', dana.id, { phones: [{ value: '+15035550142', label: 'mobile' }], notes: '' }),
    )
    expect(reconcileMerges(a.repo)).toEqual([])
    const kept = a.repo.get('contacts', dana.id)!
    expect(kept.phones.map((p) => p.value)).toEqual(['+15035550142'])
    expect(kept.notes).toBe('')
  })

  it('does not bring back an opt-out the kept contact was explicitly opted back in from', () => {
    const { a, dana, dupe } = duplicates()
    const event = unwrap(a.repo.optOut(dupe.id, { channel: 'email' }))
    unwrap(mergeContacts(a.repo, { keepId: dana.id, dropId: dupe.id }))
    unwrap(a.repo.optIn(dana.id, { reason: 'asked for the newsletter again' }))
    expect(reconcileMerges(a.repo)).toEqual([])
    expect(a.repo.optOutState(dana.id).isOptedOut).toBe(false)
    expect(a.repo.docs.team.getMap('optOuts').has(carriedOptOutId(event.id, dana.id))).toBe(true)
  })
})
