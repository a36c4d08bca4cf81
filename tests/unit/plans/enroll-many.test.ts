import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { bulkEnroller, enroll, enrollMany } from '../../../shared/plans'
import { contact } from '../helpers/team'
import { planTeam } from './plan-team'

const day = '2026-01-05'

describe('enrollMany', () => {
  it('enrolls new contacts and counts, never re-enrolls, those already enrolled or opted out', () => {
    const { a, dana } = planTeam()
    const kim = unwrap(a.repo.create('contacts', contact({ name: { display: 'Kim Lee' } })))
    const omar = unwrap(a.repo.create('contacts', contact({ name: { display: 'Omar Haddad' } })))
    const wei = unwrap(a.repo.create('contacts', contact({ name: { display: 'Wei Ming Li' } })))
    unwrap(
      enroll(a.repo, {
        contactId: dana.id,
        planId: 'plan-12-direct',
        memberId: 'ana',
        startDay: '2025-12-01',
      }),
    )
    unwrap(a.repo.optOut(wei.id, { reason: 'Asked to stop' }))
    const before = a.repo.list('enrollments').length

    const report = unwrap(
      enrollMany(a.repo, {
        contactIds: [dana.id, kim.id, omar.id, wei.id, kim.id],
        planId: 'plan-12-direct',
        memberId: 'ana',
        startDay: day,
      }),
    )
    expect(report).toEqual({ enrolled: [kim.id, omar.id], alreadyEnrolled: [dana.id], optedOut: [wei.id] })
    expect(a.repo.list('enrollments')).toHaveLength(before + 2)
    // a second run enrolls nobody twice
    const again = unwrap(
      enrollMany(a.repo, {
        contactIds: [kim.id, omar.id],
        planId: 'plan-12-direct',
        memberId: 'ana',
        startDay: day,
      }),
    )
    expect(again).toEqual({ enrolled: [], alreadyEnrolled: [kim.id, omar.id], optedOut: [] })
    expect(a.repo.list('enrollments')).toHaveLength(before + 2)
  })

  it('counts a contact opted out of every channel the plan uses as opted out', () => {
    const { a, dana } = planTeam()
    unwrap(a.repo.optOut(dana.id, { channel: 'mail', reason: 'Returned to sender' }))
    const report = unwrap(
      enrollMany(a.repo, { contactIds: [dana.id], planId: 'plan-12-direct', memberId: 'ana', startDay: day }),
    )
    expect(report.optedOut).toEqual([dana.id])
  })

  it('refuses, writing nothing, a missing contact or plan or a malformed day', () => {
    const { a, dana } = planTeam()
    const before = a.repo.list('enrollments').length
    const req = { contactIds: [dana.id, 'nobody'], planId: 'plan-12-direct', memberId: 'ana', startDay: day }
    const r = enrollMany(a.repo, req)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems[0]!.message).toBe('no contact nobody')
    expect(enrollMany(a.repo, { ...req, contactIds: [dana.id], planId: 'plan-x' }).ok).toBe(false)
    expect(enrollMany(a.repo, { ...req, contactIds: [dana.id], startDay: '5/1/2026' }).ok).toBe(false)
    expect(a.repo.list('enrollments')).toHaveLength(before)
  })

  it('enrolls chunk by chunk, each its own batch, counting a contact met again in a later chunk', () => {
    const { a, dana } = planTeam()
    const kim = unwrap(a.repo.create('contacts', contact({ name: { display: 'Kim Lee' } })))
    const omar = unwrap(a.repo.create('contacts', contact({ name: { display: 'Omar Haddad' } })))
    const next = bulkEnroller(a.repo, { planId: 'plan-12-direct', memberId: 'ana', startDay: day })
    expect(unwrap(next([dana.id]))).toEqual({ enrolled: [dana.id], alreadyEnrolled: [], optedOut: [] })
    expect(unwrap(next([kim.id, dana.id]))).toEqual({
      enrolled: [kim.id],
      alreadyEnrolled: [dana.id],
      optedOut: [],
    })
    // Enrolled elsewhere between two chunks (as a sync would bring it): still not enrolled twice.
    unwrap(enroll(a.repo, { contactId: omar.id, planId: 'plan-12-direct', memberId: 'ana', startDay: day }))
    expect(unwrap(next([omar.id]))).toEqual({ enrolled: [], alreadyEnrolled: [omar.id], optedOut: [] })
    expect(a.repo.list('enrollments').filter((e) => e.planId === 'plan-12-direct')).toHaveLength(3)
  })
})
