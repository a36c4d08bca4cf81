import { describe, expect, it } from 'vitest'
import { allDocs, unwrap } from '../../../shared/doc'
import { completeTouch, enroll, reconcilePlans, todayFromRepo } from '../../../shared/plans'
import { syncAll, type Replica } from '../helpers/team'
import { planTeam, touchesOf } from './plan-team'

/** Makes `winner`'s next writes win conflicts with `loser`'s (Yjs lets the higher client id win a map key). */
function winsConflicts(winner: Replica, loser: Replica) {
  allDocs(winner.docs).forEach((doc, i) => (doc.clientID = 2 ** 32 - 1 - i))
  allDocs(loser.docs).forEach((doc, i) => (doc.clientID = 1 + i))
}

const on = (contactId: string, memberId: string, startDay = '2026-01-05') => ({
  contactId,
  planId: 'plan-8x8',
  memberId,
  startDay,
})

describe('reconcilePlans', () => {
  it('restores a completion lost when two devices created the same touches offline', () => {
    const { a, b, dana } = planTeam()
    winsConflicts(b, a)
    const { touches } = unwrap(enroll(a.repo, on(dana.id, 'ana')))
    unwrap(completeTouch(a.repo, touches[0]!.id, { responded: true }))
    unwrap(enroll(b.repo, on(dana.id, 'ben')))
    syncAll(a, b)
    // Ben's copy of the touch won the merge: the completion survives only on the timeline
    expect(a.repo.get('touches', touches[0]!.id)!.status).toBe('pending')
    expect(a.repo.timeline.list(dana.id).map((e) => e.id)).toEqual([`${touches[0]!.id}:done`])

    const report = reconcilePlans(a.repo, { day: '2026-01-06' })
    expect(report.restoredTouches).toEqual([touches[0]!.id])
    syncAll(a, b)
    for (const r of [a, b]) expect(r.repo.get('touches', touches[0]!.id)).toMatchObject({ status: 'done' })
    expect(reconcilePlans(b.repo).restoredTouches).toEqual([])
  })

  it('keeps one of two enrollments in one plan made offline on different days', () => {
    const { a, b, dana } = planTeam()
    const first = unwrap(enroll(a.repo, on(dana.id, 'ana', '2026-01-05'))).enrollment
    const second = unwrap(enroll(b.repo, on(dana.id, 'ben', '2026-01-07'))).enrollment
    syncAll(a, b)
    expect(a.repo.list('enrollments').filter((e) => e.status === 'active')).toHaveLength(2)
    // Today already shows a single set: the earliest enrollment's
    const today = todayFromRepo(b.repo, { day: '2026-01-14' })
    expect(today.groups.flatMap((g) => g.items.map((i) => i.due))).toEqual(['2026-01-12', '2026-01-05'])
    expect(today.hidden.stoppedEnrollment).toBe(2)

    expect(reconcilePlans(b.repo, { day: '2026-01-14' }).duplicatesStopped).toEqual([second.id])
    syncAll(a, b)
    for (const r of [a, b]) {
      expect(r.repo.get('enrollments', first.id)!.status).toBe('active')
      expect(r.repo.get('enrollments', second.id)).toMatchObject({
        status: 'stopped',
        stoppedReason: 'duplicate',
      })
      expect(touchesOf(r, second.id).every((t) => t.status === 'cancelled')).toBe(true)
    }
  })

  it('changes nothing on a team that is already consistent', () => {
    const { a, dana } = planTeam()
    unwrap(enroll(a.repo, on(dana.id, 'ana')))
    const before = JSON.stringify([a.repo.list('enrollments'), a.repo.list('touches')])
    const report = reconcilePlans(a.repo, { day: '2026-01-06' })
    expect(report).toEqual({
      optOuts: { stoppedEnrollments: [], cancelledTouches: [] },
      restoredTouches: [],
      duplicatesStopped: [],
      outcomes: [],
    })
    expect(JSON.stringify([a.repo.list('enrollments'), a.repo.list('touches')])).toBe(before)
  })
})
