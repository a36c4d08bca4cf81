import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { completeTouch, enroll, enrollmentProgress, rescheduleTouch, skipTouch } from '../../../shared/plans'
import { planTeam, touchesOf } from './plan-team'

function enrolled(overrides = {}) {
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

describe('closing touches', () => {
  it('completing a touch marks it done and appends it to the timeline as its channel', () => {
    const { a, dana, touches } = enrolled()
    const call = touches[1]!
    const { touch } = unwrap(
      completeTouch(a.repo, call.id, { responded: true, note: 'Wants a CMA in spring' }),
    )
    expect(touch).toMatchObject({ status: 'done', doneAt: a.clock.now(), note: 'Wants a CMA in spring' })
    const [entry] = a.repo.timeline.list(dana.id)
    expect(entry).toMatchObject({
      id: `${call.id}:done`,
      kind: 'call',
      channel: 'call',
      touchId: call.id,
      responded: true,
      summary: 'Check-in call: Wants a CMA in spring',
    })
    const again = completeTouch(a.repo, call.id)
    expect(!again.ok && again.problems[0]!.message).toBe(`touch ${call.id} is already done`)
  })

  it('skipping notes it on the timeline without counting as a touch made', () => {
    const { a, dana, touches } = enrolled()
    const { touch } = unwrap(skipTouch(a.repo, touches[0]!.id, { reason: 'No card stock' }))
    expect(touch).toMatchObject({ status: 'skipped', note: 'No card stock' })
    expect(a.repo.timeline.list(dana.id)).toMatchObject([
      {
        kind: 'note',
        touchId: touches[0]!.id,
        summary: 'Skipped: Handwritten nice-to-meet-you note (No card stock)',
      },
    ])
  })

  it('rescheduling moves the due day and notes the move', () => {
    const { a, dana, touches } = enrolled()
    const t = unwrap(rescheduleTouch(a.repo, touches[1]!.id, '2026-01-14'))
    expect(t.due).toBe('2026-01-14')
    expect(a.repo.timeline.list(dana.id).at(-1)!.summary).toBe(
      'Rescheduled: Check-in call, from 2026-01-12 to 2026-01-14',
    )
    expect(rescheduleTouch(a.repo, touches[1]!.id, '14/01/2026').ok).toBe(false)
    unwrap(completeTouch(a.repo, touches[1]!.id))
    expect(rescheduleTouch(a.repo, touches[1]!.id, '2026-01-20').ok).toBe(false)
  })

  it('refuses to complete or reschedule a touch on a channel the contact opted out of', () => {
    const { a, dana, touches } = enrolled()
    unwrap(a.repo.optOut(dana.id, { channel: 'call', reason: 'Do not call' }))
    const r = completeTouch(a.repo, touches[1]!.id)
    expect(!r.ok && r.problems[0]!.message).toBe('the contact opted out of call; this touch must not be made')
    expect(rescheduleTouch(a.repo, touches[1]!.id, '2026-01-20').ok).toBe(false)
    expect(skipTouch(a.repo, touches[1]!.id).ok).toBe(true)
  })

  it('tracks progress, and completes the enrollment when its last touch is done or skipped', () => {
    const { a, enrollment, touches } = enrolled({ class: { met: false, circles: [] } })
    unwrap(completeTouch(a.repo, touches[0]!.id, { responded: true }))
    unwrap(skipTouch(a.repo, touches[1]!.id))
    expect(unwrap(enrollmentProgress(a.repo, enrollment.id))).toEqual({
      total: 8,
      done: 1,
      skipped: 1,
      pending: 6,
      cancelled: 0,
      percent: 25,
    })
    for (const t of touches.slice(2, 7)) unwrap(completeTouch(a.repo, t.id, { responded: true }))
    expect(a.repo.get('enrollments', enrollment.id)!.status).toBe('active')
    const last = unwrap(skipTouch(a.repo, touches[7]!.id, { day: '2026-03-02' }))
    expect(last.completed?.id).toBe(enrollment.id)
    expect(a.repo.get('enrollments', enrollment.id)!.status).toBe('completed')
    expect(unwrap(enrollmentProgress(a.repo, enrollment.id)).percent).toBe(100)
    // not Met: no move to 33 Touch
    expect(last.rule).toBeUndefined()
    expect(a.repo.list('enrollments')).toHaveLength(1)
    expect(enrollmentProgress(a.repo, 'nope').ok).toBe(false)
  })
})
