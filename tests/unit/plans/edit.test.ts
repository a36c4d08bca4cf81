import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import {
  BUILTIN_PLAN_IDS,
  createCustomPlan,
  duplicatePlan,
  enroll,
  findBuiltinPlan,
  planStats,
  updatePlan,
} from '../../../shared/plans'
import { planTeam } from './plan-team'

const step = (id: string, offsetDays: number, title = 'Check-in call') => ({
  id,
  offsetDays,
  channel: 'call' as const,
  title,
  script: 'Hi {firstName}, {agentName} here.',
})

describe('createCustomPlan', () => {
  it('creates a plan without a built-in key', () => {
    const { a } = planTeam()
    const plan = unwrap(createCustomPlan(a.repo, { name: 'Open house follow-up', steps: [step('s1', 1)] }))
    expect(plan).toMatchObject({ name: 'Open house follow-up', archived: false })
    expect('builtin' in plan).toBe(false)
    expect(plan.steps[0]).toMatchObject({ id: 's1', assigneeRole: 'owner' })
  })

  it('names every bad field at once and writes nothing', () => {
    const { a } = planTeam()
    const before = a.repo.list('plans').length
    const r = createCustomPlan(a.repo, {
      name: ' ',
      steps: [step('s1', -2), step('s1', 3, '  ')],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.problems.map((p) => p.path).sort()).toEqual([
      'name',
      'steps.0.offsetDays',
      'steps.1.id',
      'steps.1.title',
    ])
    expect(a.repo.list('plans')).toHaveLength(before)
  })

  it('refuses a plan without steps', () => {
    const { a } = planTeam()
    const r = createCustomPlan(a.repo, { name: 'Empty', steps: [] })
    expect(r.ok ? [] : r.problems).toEqual([{ path: 'steps', message: 'a plan needs at least one step' }])
  })
})

describe('updatePlan', () => {
  it('keeps a built-in key and leaves touches already scheduled as they were', () => {
    const { a, dana } = planTeam()
    const id = BUILTIN_PLAN_IDS['8x8']
    const enrolled = unwrap(
      enroll(a.repo, { contactId: dana.id, planId: id, memberId: 'ana', startDay: '2026-01-05' }),
    )
    const plan = a.repo.get('plans', id)!
    const steps = plan.steps.map((s, i) => (i === 0 ? { ...s, title: 'A short note', offsetDays: 2 } : s))
    const saved = unwrap(updatePlan(a.repo, id, { name: plan.name, description: plan.description, steps }))
    expect(saved).toMatchObject({ builtin: '8x8' })
    expect(saved.steps[0]).toMatchObject({ title: 'A short note', offsetDays: 2 })
    expect(findBuiltinPlan(a.repo.list('plans'), '8x8')?.id).toBe(id)
    const first = a.repo.get('touches', enrolled.touches[0]!.id)!
    expect(first).toMatchObject({ title: 'Handwritten nice-to-meet-you note', due: '2026-01-05' })
  })

  it('refuses an invalid step, naming it, and keeps the stored plan', () => {
    const { a } = planTeam()
    const id = BUILTIN_PLAN_IDS['12-direct']
    const plan = a.repo.get('plans', id)!
    const r = updatePlan(a.repo, id, {
      name: plan.name,
      steps: [{ ...plan.steps[0]!, recurrence: { everyDays: 0, count: 12 } }],
    })
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['steps.0.recurrence.everyDays'])
    expect(a.repo.get('plans', id)!.steps[0]!.recurrence).toEqual({ everyDays: 30, count: 12 })
  })

  it('refuses an unknown plan', () => {
    const { a } = planTeam()
    expect(updatePlan(a.repo, 'nope', { name: 'x', steps: [step('s1', 0)] })).toEqual({
      ok: false,
      problems: [{ path: 'id', message: 'no plan nope' }],
    })
  })
})

describe('duplicatePlan', () => {
  it('copies a built-in into a custom plan the rules do not pick', () => {
    const { a } = planTeam()
    const copy = unwrap(duplicatePlan(a.repo, BUILTIN_PLAN_IDS['33-touch']))
    const original = a.repo.get('plans', BUILTIN_PLAN_IDS['33-touch'])!
    expect(copy.name).toBe('33 Touch (copy)')
    expect(copy.builtin).toBeUndefined()
    expect(copy.steps).toEqual(original.steps)
    expect(findBuiltinPlan(a.repo.list('plans'), '33-touch')?.id).toBe(original.id)
    expect(unwrap(duplicatePlan(a.repo, original.id, 'Our 33')).name).toBe('Our 33')
  })
})

describe('planStats', () => {
  it('counts enrollments per plan and the completion rate of those that ended', () => {
    const e = (planId: string, status: 'active' | 'completed' | 'stopped', deleted?: 1) => ({
      planId,
      status,
      deleted,
    })
    const stats = planStats([
      e('p1', 'active'),
      e('p1', 'completed'),
      e('p1', 'completed'),
      e('p1', 'stopped'),
      e('p1', 'completed', 1),
      e('p2', 'active'),
    ])
    expect(stats.get('p1')).toEqual({
      enrolled: 4,
      active: 1,
      completed: 2,
      stopped: 1,
      completionRate: 2 / 3,
    })
    expect(stats.get('p2')).toEqual({ enrolled: 1, active: 1, completed: 0, stopped: 0 })
    expect(stats.get('p3')).toBeUndefined()
  })
})
