import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { completeTouch, enroll, reconcilePlans, type CompleteOptions } from '../../../shared/plans'
import { syncAll, type Replica } from '../helpers/team'
import { planTeam, touchesOf } from './plan-team'

/** Completes a touch an hour after the device's previous action (timeline order is by time). */
function done(r: Replica, touchId: string, options: CompleteOptions = {}) {
  r.clock.advance(3_600_000)
  return unwrap(completeTouch(r.repo, touchId, options))
}

function in8x8(overrides = {}) {
  const team = planTeam(overrides)
  const { enrollment } = unwrap(
    enroll(team.a.repo, {
      contactId: team.dana.id,
      planId: 'plan-8x8',
      memberId: 'ana',
      startDay: '2026-01-05',
    }),
  )
  return { ...team, enrollment, touches: touchesOf(team.a, enrollment.id) }
}

describe('plan rules', () => {
  it('a Met contact finishing 8x8 moves into 33 Touch, linked to the 8x8 enrollment', () => {
    const { a, dana, enrollment, touches } = in8x8()
    let outcome
    for (const t of touches) outcome = done(a, t.id, { responded: true, day: '2026-03-02' })
    expect(outcome!.rule).toBe('met-8x8-to-33-touch')
    expect(a.repo.get('enrollments', enrollment.id)!.status).toBe('completed')
    const next = outcome!.next!
    expect(next).toMatchObject({
      planId: 'plan-33-touch',
      previousId: enrollment.id,
      startDay: '2026-03-02',
      status: 'active',
    })
    expect(touchesOf(a, next.id)).toHaveLength(33)
    expect(
      a.repo.list('enrollments', {}).filter((e) => e.contactId === dana.id && e.status === 'active'),
    ).toHaveLength(1)
  })

  it('after noResponseLimit touches with no response the plan stops and the contact moves to 12 Direct', () => {
    const { a, dana, enrollment, touches } = in8x8()
    const outcomes = touches.slice(0, 6).map((t) => done(a, t.id, { day: '2026-02-09' }))
    expect(outcomes.slice(0, 5).every((o) => o.rule === undefined)).toBe(true)
    const moved = outcomes[5]!
    expect(moved.rule).toBe('no-response')
    expect(moved.stopped.map((e) => e.id)).toEqual([enrollment.id])
    expect(a.repo.get('enrollments', enrollment.id)).toMatchObject({
      status: 'stopped',
      stoppedReason: 'no-response',
    })
    expect(touchesOf(a, enrollment.id).map((t) => t.status)).toEqual([
      ...Array(6).fill('done'),
      'cancelled',
      'cancelled',
    ])
    expect(moved.next).toMatchObject({
      planId: 'plan-12-direct',
      previousId: enrollment.id,
      startDay: '2026-02-09',
    })
    expect(a.repo.get('contacts', dana.id)!.deleted).toBeFalsy()
    expect(a.repo.timeline.list(dana.id).at(-1)!.summary).toBe(
      'Moved to 12 Direct after 6 touches with no response',
    )
  })

  it('follows the team settings: a lower limit and the email-only plan', () => {
    const { a, touches } = in8x8()
    unwrap(a.repo.settings.update({ noResponseLimit: 2, noResponsePlan: 'email-only' }))
    done(a, touches[0]!.id)
    const o = done(a, touches[1]!.id)
    expect(o.next?.planId).toBe('plan-email-only')
  })

  it('falls back to the other light plan when an opt-out refuses the first', () => {
    const { a, dana, touches } = in8x8()
    unwrap(a.repo.settings.update({ noResponseLimit: 2 }))
    unwrap(a.repo.optOut(dana.id, { channel: 'mail', reason: 'No junk mail' }))
    done(a, touches[0]!.id)
    const o = done(a, touches[1]!.id)
    expect(o.next?.planId).toBe('plan-email-only')
    expect(o.problems).toEqual([])
  })

  it('does not count light-plan touches, and keeps a contact already in a light plan there', () => {
    const { a, dana, enrollment, touches } = in8x8()
    unwrap(a.repo.settings.update({ noResponseLimit: 2 }))
    const direct = unwrap(
      enroll(a.repo, {
        contactId: dana.id,
        planId: 'plan-12-direct',
        memberId: 'ben',
        startDay: '2026-01-05',
      }),
    )
    done(a, touches[0]!.id)
    expect(done(a, direct.touches[0]!.id).rule).toBeUndefined()
    const o = done(a, touches[1]!.id)
    expect(o.rule).toBe('no-response')
    expect(o.next).toBeUndefined()
    expect(a.repo.get('enrollments', enrollment.id)!.status).toBe('stopped')
    expect(a.repo.get('enrollments', direct.enrollment.id)!.status).toBe('active')
    expect(a.repo.timeline.list(dana.id).at(-1)!.summary).toBe(
      'Moved to 12 Direct after 2 touches with no response',
    )
  })

  it('a response, or an inbound message, restarts the count', () => {
    const { a, dana, touches } = in8x8()
    unwrap(a.repo.settings.update({ noResponseLimit: 3 }))
    done(a, touches[0]!.id)
    done(a, touches[1]!.id)
    done(a, touches[2]!.id, { responded: true })
    done(a, touches[3]!.id)
    done(a, touches[4]!.id)
    const at = a.clock.advance(3_600_000)
    unwrap(
      a.repo.timeline.append({
        contactId: dana.id,
        kind: 'email',
        direction: 'in',
        at,
        summary: 'Thanks for the guide!',
      }),
    )
    done(a, touches[5]!.id)
    expect(a.repo.list('enrollments').map((e) => e.status)).toEqual(['active'])
  })

  it('counts touches closed on two devices offline, once they merge and reconcile', () => {
    const { a, b, touches } = in8x8()
    unwrap(a.repo.settings.update({ noResponseLimit: 4 }))
    syncAll(a, b)
    done(a, touches[0]!.id)
    done(a, touches[1]!.id)
    done(b, touches[2]!.id)
    done(b, touches[3]!.id)
    syncAll(a, b)
    expect(a.repo.list('enrollments').map((e) => e.status)).toEqual(['active'])
    // both devices reconcile at once, on different days: one 12 Direct enrollment after merge
    reconcilePlans(a.repo, { day: '2026-01-27' })
    reconcilePlans(b.repo, { day: '2026-01-28' })
    syncAll(a, b)
    for (const r of [a, b]) {
      const active = r.repo.list('enrollments').filter((e) => e.status === 'active')
      expect(active.map((e) => e.planId)).toEqual(['plan-12-direct'])
      expect(r.repo.list('touches').filter((t) => t.planId === 'plan-12-direct')).toHaveLength(12)
    }
  })

  it('an 8x8 finished by two devices together completes on reconcile, with one 33 Touch enrollment', () => {
    const { a, b, enrollment, touches } = in8x8()
    for (const t of touches.slice(0, 6)) done(a, t.id, { responded: true })
    syncAll(a, b)
    done(a, touches[6]!.id, { responded: true })
    done(b, touches[7]!.id, { responded: true })
    syncAll(a, b)
    expect(a.repo.get('enrollments', enrollment.id)!.status).toBe('active')
    const ra = reconcilePlans(a.repo, { day: '2026-03-02' })
    reconcilePlans(b.repo, { day: '2026-03-03' })
    expect(ra.outcomes[0]!.rule).toBe('met-8x8-to-33-touch')
    syncAll(a, b)
    for (const r of [a, b]) {
      expect(r.repo.get('enrollments', enrollment.id)!.status).toBe('completed')
      const next = r.repo.list('enrollments').filter((e) => e.planId === 'plan-33-touch')
      expect(next).toHaveLength(1)
      expect(r.repo.list('touches').filter((t) => t.enrollmentId === next[0]!.id)).toHaveLength(33)
    }
    expect(JSON.stringify(a.repo.list('touches'))).toBe(JSON.stringify(b.repo.list('touches')))
  })
})
