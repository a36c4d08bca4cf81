import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { assignLead, assignPlan, assignRoundRobin, openLeadCounts } from '../../../shared/leads'
import type { LeadInput } from '../../../shared/model'
import { replica, syncAll } from '../helpers/team'
import { team } from './fixtures'

const T0 = Date.UTC(2026, 0, 5, 9)

/** A device with leads made directly, so ids and times are fixed. */
function withLeads(leads: [string, Partial<LeadInput>][]) {
  const t = team()
  for (const [id, over] of leads) {
    const input = {
      contactId: t.dana.id,
      sourceId: t.zillow.id,
      entry: 'manual',
      receivedAt: T0,
      ...over,
    } as const
    unwrap(t.a.repo.create('leads', input, { id }))
  }
  return t
}

describe('assignLead and assignPlan', () => {
  it('assigns by hand to an active member only', () => {
    const { a } = withLeads([['L1', {}]])
    expect(unwrap(assignLead(a.repo, 'L1', 'm-ben')).assignee).toBe('m-ben')
    expect(assignLead(a.repo, 'L1', 'm-cy')).toEqual({
      ok: false,
      problems: [{ path: 'memberId', message: 'Cy Park is not an active member' }],
    })
    expect(assignLead(a.repo, 'L1', 'm-zed')).toEqual({
      ok: false,
      problems: [{ path: 'memberId', message: 'no member m-zed' }],
    })
    expect(assignLead(a.repo, 'L9', 'm-ben')).toEqual({
      ok: false,
      problems: [{ path: 'leadId', message: 'no lead L9' }],
    })
  })

  it('assigns to a plan by enrolling the contact, once', () => {
    const { a, dana } = withLeads([
      ['L1', { assignee: 'm-ben' }],
      ['L2', { sourceId: 'other' }],
    ])
    const steps = [
      { id: 's1', offsetDays: 0, channel: 'call', title: 'Call to welcome' },
      { id: 's2', offsetDays: 7, channel: 'email', title: 'Send the market report' },
    ] as const
    const plan = unwrap(a.repo.create('plans', { name: 'New lead', steps: [...steps] }))
    const got = unwrap(assignPlan(a.repo, 'L1', plan.id))
    expect(got.lead.planId).toBe(plan.id)
    expect(got.enrollment).toMatchObject({
      contactId: dana.id,
      planId: plan.id,
      startDay: '2026-01-05',
      memberId: 'm-ben',
    })
    expect(got.touches.map((t) => [t.due, t.title, t.assignee])).toEqual([
      ['2026-01-05', 'Call to welcome', 'm-ben'],
      ['2026-01-12', 'Send the market report', 'm-ben'],
    ])
    // a second lead of the same contact joins the running enrollment
    const again = unwrap(assignPlan(a.repo, 'L2', plan.id, { memberId: 'm-ana' }))
    expect([again.enrollment.id, again.touches]).toEqual([got.enrollment.id, []])
    expect(a.repo.list('enrollments')).toHaveLength(1)
  })

  it('refuses archived or unknown plans, unknown members and opted-out contacts, writing nothing', () => {
    const { a, dana } = withLeads([['L1', {}]])
    const step = { id: 's1', channel: 'call', title: 'Call' } as const
    const plan = unwrap(a.repo.create('plans', { name: 'Calls', steps: [step] }))
    const old = unwrap(a.repo.create('plans', { name: 'Old', steps: [step], archived: true }))
    expect(assignPlan(a.repo, 'L1', old.id, { memberId: 'm-ana' })).toEqual({
      ok: false,
      problems: [{ path: 'planId', message: 'plan Old is archived' }],
    })
    expect(!assignPlan(a.repo, 'L1', 'nope', { memberId: 'm-ana' }).ok).toBe(true)
    // with no assignee the acting device's member enrolls; 'ana' is no member record here
    expect(assignPlan(a.repo, 'L1', plan.id)).toEqual({
      ok: false,
      problems: [{ path: 'memberId', message: 'no member ana' }],
    })
    unwrap(a.repo.optOut(dana.id))
    expect(assignPlan(a.repo, 'L1', plan.id, { memberId: 'm-ana' })).toEqual({
      ok: false,
      problems: [
        { path: 'leadId', message: 'the contact has opted out of all contact: no plan may contact them' },
      ],
    })
    expect(a.repo.get('leads', 'L1')!.planId).toBeUndefined()
    expect(a.repo.list('enrollments')).toHaveLength(0)
  })
})

describe('assignRoundRobin', () => {
  it('fewest open leads first, then the rendezvous hash; inactive members and closed leads left out', () => {
    const { a } = withLeads([
      ['E1', { assignee: 'm-ana' }],
      ['E2', { assignee: 'm-ana' }],
      ['E3', { assignee: 'm-ben', stage: 'converted' }],
      ['E4', { assignee: 'm-cy' }],
      ['L1', { receivedAt: T0 + 1 }],
      ['L2', { receivedAt: T0 + 2 }],
      ['L3', { receivedAt: T0 + 3 }],
      ['L4', { receivedAt: T0 + 4 }],
      ['L5', { receivedAt: T0 + 5, stage: 'lost' }],
    ])
    expect(openLeadCounts(a.repo.list('leads'), ['m-ana', 'm-ben'])).toEqual(
      new Map([
        ['m-ana', 2],
        ['m-ben', 0],
      ]),
    )
    const r = unwrap(assignRoundRobin(a.repo, ['L4', 'L3', 'L2', 'L1', 'E1', 'L5']))
    // L1, L2: Ben has fewer. L3: 2–2, and FNV("L3|m-ben") > FNV("L3|m-ana"). L4: Ana has fewer.
    expect(r.assigned).toEqual([
      { leadId: 'L1', memberId: 'm-ben' },
      { leadId: 'L2', memberId: 'm-ben' },
      { leadId: 'L3', memberId: 'm-ben' },
      { leadId: 'L4', memberId: 'm-ana' },
    ])
    expect(r.skipped).toEqual([
      { leadId: 'E1', reason: 'already assigned to m-ana' },
      { leadId: 'L5', reason: 'the lead is lost' },
    ])
    // a lead held by an inactive member is shared out again
    expect(unwrap(assignRoundRobin(a.repo, ['E4'])).assigned).toEqual([{ leadId: 'E4', memberId: 'm-ana' }])
  })

  it('refuses unknown leads and a team with no active member, writing nothing', () => {
    const { a } = withLeads([['L1', {}]])
    expect(assignRoundRobin(a.repo, ['L1', 'L9'])).toEqual({
      ok: false,
      problems: [{ path: 'leadId', message: 'no lead L9' }],
    })
    expect(a.repo.get('leads', 'L1')!.assignee).toBeUndefined()
    for (const id of ['m-ana', 'm-ben']) unwrap(a.repo.update('members', id, { active: false }))
    expect(assignRoundRobin(a.repo, ['L1'])).toEqual({
      ok: false,
      problems: [{ path: 'members', message: 'there is no active member to assign leads to' }],
    })
  })

  it('one run splits evenly; the same state gives the same member on every device', () => {
    const { a } = withLeads(
      Array.from({ length: 10 }, (_, i) => [`N${i}`, { receivedAt: T0 + i }] as [string, object]),
    )
    const b = replica('ben')
    syncAll(a, b)
    const onA = unwrap(assignRoundRobin(a.repo, ['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9']))
    const counts = openLeadCounts(a.repo.list('leads'), ['m-ana', 'm-ben'])
    expect([...counts.values()]).toEqual([5, 5])
    const onB = unwrap(assignRoundRobin(b.repo, ['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9']))
    expect(onB.assigned).toEqual(onA.assigned)
    syncAll(a, b)
    expect(JSON.stringify(a.repo.list('leads'))).toBe(JSON.stringify(b.repo.list('leads')))
  })

  it('two devices sharing out different leads at once do not all pick the same member', () => {
    const { a } = withLeads([
      ['L3', {}],
      ['L5', {}],
    ])
    const b = replica('ben')
    syncAll(a, b)
    // both see Ana 0, Ben 0; a member-id tie-break would give both leads to m-ana
    expect(unwrap(assignRoundRobin(a.repo, ['L5'])).assigned).toEqual([{ leadId: 'L5', memberId: 'm-ana' }])
    expect(unwrap(assignRoundRobin(b.repo, ['L3'])).assigned).toEqual([{ leadId: 'L3', memberId: 'm-ben' }])
    syncAll(a, b)
    expect([...openLeadCounts(b.repo.list('leads'), ['m-ana', 'm-ben']).values()]).toEqual([1, 1])
  })
})
