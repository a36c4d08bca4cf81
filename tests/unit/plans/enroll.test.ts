import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { enroll, resolveAssignee } from '../../../shared/plans'
import { contact, syncAll } from '../helpers/team'
import { planTeam, schedule, touchesOf } from './plan-team'

const on = (contactId: string, startDay = '2026-01-05', planId = 'plan-8x8') => ({
  contactId,
  planId,
  memberId: 'ana',
  startDay,
})

describe('enroll', () => {
  it('schedules the plan’s touches on the expected days, with deterministic ids', () => {
    const { a, dana } = planTeam()
    const { enrollment, touches } = unwrap(enroll(a.repo, on(dana.id)))
    expect(enrollment.id).toBe(`enr:${dana.id}:plan-8x8:2026-01-05`)
    expect(enrollment).toMatchObject({ status: 'active', memberId: 'ana', startDay: '2026-01-05' })
    expect(touches).toHaveLength(8)
    expect(schedule(a, enrollment.id)).toEqual({
      'd0-card:0': '2026-01-05',
      'w1-call:0': '2026-01-12',
      'w2-email:0': '2026-01-19',
      'w3-mail:0': '2026-01-26',
      'w4-call:0': '2026-02-02',
      'w5-email:0': '2026-02-09',
      'w6-gift:0': '2026-02-16',
      'w8-call:0': '2026-03-02',
    })
    // scripts are stored as templates and filled when shown
    expect(touches[0]!.script).toContain('Dear {firstName},')
  })

  it('numbers the repetitions of recurring steps', () => {
    const { a, dana } = planTeam()
    const { touches } = unwrap(enroll(a.repo, on(dana.id, '2026-01-05', 'plan-33-touch')))
    expect(touches).toHaveLength(33)
    const newsletters = touches.filter((t) => t.stepId === 'newsletter')
    expect(newsletters.map((t) => t.id.split(':').at(-1))).toEqual([...Array(12).keys()].map(String))
    expect(newsletters[2]!.title).toBe('Monthly market update (3/12)')
  })

  it('assigns owner steps to the contact’s owner and other roles to a member holding them', () => {
    const { a, b } = planTeam()
    const kim = unwrap(a.repo.create('contacts', contact({ name: { display: 'Kim Lee' }, owner: 'ben' })))
    const { touches } = unwrap(enroll(a.repo, { ...on(kim.id), memberId: 'ana' }))
    const byStep = Object.fromEntries(touches.map((t) => [t.stepId, t.assignee]))
    expect(byStep['w1-call']).toBe('ben') // owner step → the contact's owner
    expect(byStep['w2-email']).toBe('ben') // assistant step → Ben, the assistant
    const members = a.repo.list('members')
    expect(resolveAssignee('agent', { enrollingMemberId: 'ana', members })).toBe('ana') // nobody is an agent
    expect(resolveAssignee('owner', { contactOwner: 'gone', enrollingMemberId: 'ana', members })).toBe('ana')
    unwrap(a.repo.update('members', 'ben', { active: false }))
    expect(resolveAssignee('assistant', { enrollingMemberId: 'ana', members: a.repo.list('members') })).toBe(
      'ana',
    )
    expect(b.actor).toBe('ben')
  })

  it('refuses a second active enrollment in the same plan, naming the first', () => {
    const { a, dana } = planTeam()
    const first = unwrap(enroll(a.repo, on(dana.id)))
    const again = enroll(a.repo, on(dana.id, '2026-02-01'))
    expect(again.ok).toBe(false)
    expect(!again.ok && again.problems[0]).toEqual({
      path: 'planId',
      message: `Dana Whitfield is already enrolled in 8x8 (enrollment ${first.enrollment.id}, since 2026-01-05)`,
    })
    // another plan is fine
    expect(enroll(a.repo, on(dana.id, '2026-01-05', 'plan-12-direct')).ok).toBe(true)
  })

  it('allows enrolling again once the enrollment ended, under a new deterministic id', () => {
    const { a, dana } = planTeam()
    const first = unwrap(enroll(a.repo, on(dana.id)))
    unwrap(a.repo.update('enrollments', first.enrollment.id, { status: 'stopped', stoppedReason: 'paused' }))
    const second = unwrap(enroll(a.repo, on(dana.id)))
    expect(second.enrollment.id).toBe(`${first.enrollment.id}~2`)
    expect(touchesOf(a, second.enrollment.id)).toHaveLength(8)
  })

  it('refuses a contact opted out of everything, writing nothing', () => {
    const { a, dana } = planTeam()
    unwrap(a.repo.optOut(dana.id, { reason: 'Asked to stop' }))
    const r = enroll(a.repo, on(dana.id))
    expect(!r.ok && r.problems[0]!.message).toBe('Dana Whitfield has opted out of all contact')
    expect(a.repo.list('enrollments')).toHaveLength(0)
    expect(a.repo.list('touches')).toHaveLength(0)
  })

  it('refuses a plan using a channel the contact blocks, unless told to leave those steps out', () => {
    const { a, dana } = planTeam()
    unwrap(a.repo.optOut(dana.id, { channel: 'email', reason: 'Unsubscribed' }))
    const strict = enroll(a.repo, on(dana.id))
    expect(!strict.ok && strict.problems[0]!.message).toBe(
      'Dana Whitfield has opted out of email, which plan 8x8 uses',
    )
    const lenient = unwrap(enroll(a.repo, on(dana.id), { omitBlockedSteps: true }))
    expect(lenient.omittedSteps).toEqual(['w2-email', 'w5-email'])
    expect(lenient.touches.map((t) => t.channel)).not.toContain('email')
    const none = enroll(a.repo, on(dana.id, '2026-01-05', 'plan-email-only'), { omitBlockedSteps: true })
    expect(!none.ok && none.problems[0]!.message).toContain('every channel plan Email only uses')
  })

  it('refuses bad input with a named field', () => {
    const { a, dana } = planTeam()
    const problem = (r: ReturnType<typeof enroll>) => (!r.ok ? r.problems[0]!.path : 'ok')
    expect(problem(enroll(a.repo, on(dana.id, '2026-02-30')))).toBe('startDay')
    expect(problem(enroll(a.repo, on('nobody')))).toBe('contactId')
    expect(problem(enroll(a.repo, on(dana.id, '2026-01-05', 'plan-nope')))).toBe('planId')
    expect(problem(enroll(a.repo, { ...on(dana.id), memberId: 'stranger' }))).toBe('memberId')
    unwrap(a.repo.update('plans', 'plan-8x8', { archived: true }))
    expect(problem(enroll(a.repo, on(dana.id)))).toBe('planId')
  })

  it('two devices enrolling the same contact offline end with one enrollment and one set of touches', () => {
    const { a, b, dana } = planTeam()
    unwrap(enroll(a.repo, on(dana.id)))
    unwrap(enroll(b.repo, { ...on(dana.id), memberId: 'ben' }))
    syncAll(a, b)
    for (const r of [a, b]) {
      expect(r.repo.list('enrollments')).toHaveLength(1)
      expect(r.repo.list('touches')).toHaveLength(8)
    }
    expect(JSON.stringify(a.repo.list('touches'))).toBe(JSON.stringify(b.repo.list('touches')))
  })
})
