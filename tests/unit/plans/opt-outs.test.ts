import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { applyOptOuts, completeTouch, enroll, todayFromRepo } from '../../../shared/plans'
import { syncAll } from '../helpers/team'
import { planTeam, touchesOf } from './plan-team'

const enrollDana = (r: ReturnType<typeof planTeam>['a'], contactId: string, memberId = 'ana') =>
  unwrap(enroll(r.repo, { contactId, planId: 'plan-8x8', memberId, startDay: '2026-01-05' }))

describe('opt-out stops every plan', () => {
  it('stops active enrollments and cancels pending touches, keeping what was done', () => {
    const { a, dana } = planTeam()
    const { enrollment, touches } = enrollDana(a, dana.id)
    unwrap(completeTouch(a.repo, touches[0]!.id, { responded: true }))
    unwrap(a.repo.optOut(dana.id, { reason: 'Asked by phone to stop all contact' }))
    const sweep = applyOptOuts(a.repo)
    expect(sweep.stoppedEnrollments).toEqual([enrollment.id])
    expect(sweep.cancelledTouches).toHaveLength(7)
    expect(a.repo.get('enrollments', enrollment.id)).toMatchObject({
      status: 'stopped',
      stoppedReason: 'opt-out',
    })
    expect(touchesOf(a, enrollment.id).map((t) => t.status)).toEqual(['done', ...Array(7).fill('cancelled')])
    expect(a.repo.get('contacts', dana.id)!.deleted).toBeFalsy()
    expect(applyOptOuts(a.repo)).toEqual({ stoppedEnrollments: [], cancelledTouches: [] })
  })

  it('an opt-out of one channel cancels only that channel’s touches', () => {
    const { a, dana } = planTeam()
    const { enrollment } = enrollDana(a, dana.id)
    unwrap(a.repo.optOut(dana.id, { channel: 'email', reason: 'Unsubscribed' }))
    expect(todayFromRepo(a.repo, { day: '2026-01-20' }).groups.map((g) => g.channel)).toEqual([
      'call',
      'card',
    ])
    const sweep = applyOptOuts(a.repo)
    expect(sweep.stoppedEnrollments).toEqual([])
    expect(sweep.cancelledTouches.map((id) => id.split(':').at(-2))).toEqual(['w2-email', 'w5-email'])
    expect(a.repo.get('enrollments', enrollment.id)!.status).toBe('active')
  })

  it('holds on every device at once when another device, offline, generated touches concurrently', () => {
    const { a, b, dana } = planTeam()
    // Ana records the opt-out; Ben, offline, enrolls Dana and so generates her touches.
    unwrap(a.repo.optOut(dana.id, { reason: 'Do not contact' }))
    const { enrollment } = enrollDana(b, dana.id, 'ben')
    expect(todayFromRepo(b.repo, { day: '2026-01-20' }).total).toBe(3)
    syncAll(a, b)

    // Right after the merge, before anyone sweeps: both Today lists leave Dana out.
    for (const r of [a, b]) {
      const today = todayFromRepo(r.repo, { day: '2026-01-20' })
      expect(today.total).toBe(0)
      expect(today.hidden.optedOut).toBe(3)
      expect(r.repo.list('touches').filter((t) => t.status === 'pending')).toHaveLength(8)
    }

    // Either device sweeps; after sync the touches are cancelled on both.
    expect(applyOptOuts(b.repo).cancelledTouches).toHaveLength(8)
    syncAll(a, b)
    for (const r of [a, b]) {
      expect(r.repo.get('enrollments', enrollment.id)!.status).toBe('stopped')
      expect(touchesOf(r, enrollment.id).every((t) => t.status === 'cancelled')).toBe(true)
      expect(r.repo.optOutState(dana.id).isOptedOut).toBe(true)
    }
  })

  it('sweeps on two devices at once converge, and catch a follow-on plan started offline', () => {
    const { a, b, dana } = planTeam()
    const { enrollment, touches } = enrollDana(a, dana.id)
    for (const t of touches.slice(0, 7)) unwrap(completeTouch(a.repo, t.id, { responded: true }))
    syncAll(a, b)
    // Ana records the opt-out while Ben, offline, closes the last 8x8 touch: Dana moves into 33 Touch there.
    unwrap(a.repo.optOut(dana.id, { reason: 'Moving abroad, stop everything' }))
    const last = unwrap(completeTouch(b.repo, touches[7]!.id, { responded: true, day: '2026-03-02' }))
    expect(last.next?.planId).toBe('plan-33-touch')
    syncAll(a, b)
    for (const r of [a, b]) expect(todayFromRepo(r.repo, { day: '2026-12-31' }).total).toBe(0)
    applyOptOuts(a.repo)
    applyOptOuts(b.repo)
    syncAll(a, b)
    for (const r of [a, b]) {
      expect(r.repo.get('enrollments', enrollment.id)!.status).toBe('completed')
      expect(r.repo.get('enrollments', last.next!.id)).toMatchObject({
        status: 'stopped',
        stoppedReason: 'opt-out',
      })
      expect(touchesOf(r, last.next!.id).every((t) => t.status === 'cancelled')).toBe(true)
    }
    expect(JSON.stringify(a.repo.list('touches'))).toBe(JSON.stringify(b.repo.list('touches')))
    expect(JSON.stringify(a.repo.list('enrollments'))).toBe(JSON.stringify(b.repo.list('enrollments')))
  })
})
