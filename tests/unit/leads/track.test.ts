import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { advanceLead, captureLead, leadView, reconcileLead, timeToFirstContact } from '../../../shared/leads'
import { baseline, deliver, permutations, recordUpdates, replica, syncAll } from '../helpers/team'
import { team } from './fixtures'

const T0 = Date.UTC(2026, 0, 5, 9)
const MIN = 60_000

function lead() {
  const t = team()
  const { lead } = unwrap(
    captureLead(t.a.repo, { contactId: t.dana.id, sourceId: t.zillow.id, entry: 'capture' }),
  )
  return { ...t, id: lead.id }
}

describe('advanceLead', () => {
  it('records stageAt, and the first contact once', () => {
    const { a, dana, id } = lead()
    a.clock.advance(90 * MIN)
    const contacted = unwrap(advanceLead(a.repo, id, 'contacted'))
    expect(contacted).toMatchObject({ stage: 'contacted', firstContactAt: T0 + 90 * MIN })
    expect(timeToFirstContact(contacted)).toBe(90 * MIN)
    a.clock.advance(60 * MIN)
    const qualified = unwrap(advanceLead(a.repo, id, 'qualified'))
    expect(qualified.firstContactAt).toBe(T0 + 90 * MIN)
    expect(qualified.stageAt).toEqual({ new: T0, contacted: T0 + 90 * MIN, qualified: T0 + 150 * MIN })
    expect(a.repo.timeline.list(dana.id).map((e) => e.summary)).toEqual([
      'New lead from Zillow ads (capture)',
      'Lead moved to contacted (first contact)',
      'Lead moved to qualified',
    ])
  })

  it('skipping straight to an appointment is a first contact; losing a new lead is not', () => {
    const one = lead()
    one.a.clock.advance(5 * MIN)
    expect(unwrap(advanceLead(one.a.repo, one.id, 'appointment')).firstContactAt).toBe(T0 + 5 * MIN)
    const two = lead()
    const lost = unwrap(advanceLead(two.a.repo, two.id, 'lost'))
    expect(lost.firstContactAt).toBeUndefined()
    expect(timeToFirstContact(lost)).toBeUndefined()
  })

  it('moves forward only, and nothing leaves converted or lost', () => {
    const { a, id } = lead()
    unwrap(advanceLead(a.repo, id, 'qualified'))
    expect(advanceLead(a.repo, id, 'contacted')).toEqual({
      ok: false,
      problems: [{ path: 'stage', message: 'stages only move forward: contacted comes before qualified' }],
    })
    expect(!advanceLead(a.repo, id, 'qualified').ok).toBe(true)
    unwrap(advanceLead(a.repo, id, 'converted'))
    expect(advanceLead(a.repo, id, 'lost')).toEqual({
      ok: false,
      problems: [{ path: 'stage', message: 'the lead is converted: it cannot move to lost' }],
    })
    expect(!advanceLead(a.repo, 'nope', 'contacted').ok).toBe(true)
    expect(!advanceLead(a.repo, id, 'won' as never).ok).toBe(true)
  })

  it('a contact made before the lead was entered counts as immediate', () => {
    expect(timeToFirstContact({ receivedAt: T0, firstContactAt: T0 - MIN })).toBe(0)
  })
})

describe('leads across devices', () => {
  function shared() {
    const t = lead()
    const b = replica('ben')
    syncAll(t.a, b)
    return { ...t, b }
  }

  it('the earliest first contact wins after merge, on every device', () => {
    const { a, b, id } = shared()
    a.clock.advance(180 * MIN)
    b.clock.advance(20 * MIN)
    unwrap(advanceLead(a.repo, id, 'contacted'))
    unwrap(advanceLead(b.repo, id, 'contacted'))
    syncAll(a, b)
    for (const r of [a, b]) {
      const v = leadView(r.repo, id)!
      expect([v.stage, v.firstContactAt, v.stageAt.contacted]).toEqual([
        'contacted',
        T0 + 20 * MIN,
        T0 + 20 * MIN,
      ])
      expect(timeToFirstContact(v)).toBe(20 * MIN)
    }
    // reconciling on both devices writes the same: the stored field converges on the earliest
    unwrap(reconcileLead(a.repo, id))
    unwrap(reconcileLead(b.repo, id))
    syncAll(a, b)
    for (const r of [a, b]) expect(r.repo.get('leads', id)!.firstContactAt).toBe(T0 + 20 * MIN)
  })

  it('a conversion beats a concurrent loss; progress does not beat a loss', () => {
    const one = shared()
    unwrap(advanceLead(one.a.repo, one.id, 'lost'))
    unwrap(advanceLead(one.b.repo, one.id, 'converted'))
    syncAll(one.a, one.b)
    expect(leadView(one.a.repo, one.id)!.stage).toBe('converted')
    expect(leadView(one.b.repo, one.id)!.stageAt).not.toHaveProperty('lost')
    const two = shared()
    unwrap(advanceLead(two.a.repo, two.id, 'lost'))
    unwrap(advanceLead(two.b.repo, two.id, 'appointment'))
    syncAll(two.a, two.b)
    expect([leadView(two.a.repo, two.id)!.stage, leadView(two.b.repo, two.id)!.stage]).toEqual([
      'lost',
      'lost',
    ])
    // the appointment was still a first contact
    expect(leadView(two.a.repo, two.id)!.firstContactAt).toBe(T0)
  })

  it('every delivery order of three devices gives the same lead', () => {
    const { a, b, id } = shared()
    const c = replica('cy')
    syncAll(a, b, c)
    const base = baseline(a)
    const logs = [recordUpdates(a), recordUpdates(b), recordUpdates(c)]
    a.clock.advance(30 * MIN)
    b.clock.advance(10 * MIN)
    c.clock.advance(50 * MIN)
    unwrap(advanceLead(a.repo, id, 'contacted'))
    unwrap(advanceLead(b.repo, id, 'qualified'))
    unwrap(advanceLead(c.repo, id, 'appointment'))
    const views = new Set<string>()
    for (const order of permutations([0, 1, 2])) {
      const r = replica('observer')
      deliver(r, base)
      for (const i of order) deliver(r, logs[i]!)
      const v = leadView(r.repo, id)!
      expect([v.stage, v.firstContactAt]).toEqual(['appointment', T0 + 10 * MIN])
      views.add(JSON.stringify(v.stageAt))
    }
    expect(views.size).toBe(1)
  })
})
