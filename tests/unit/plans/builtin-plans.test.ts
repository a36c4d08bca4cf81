import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { PlanInput } from '../../../shared/model'
import {
  BUILTIN_PLANS,
  BUILTIN_PLAN_IDS,
  expandPlan,
  findBuiltinPlan,
  installBuiltinPlans,
  MERGE_FIELDS,
  PLAN_12_DIRECT,
  PLAN_33_TOUCH,
  PLAN_8X8,
} from '../../../shared/plans'
import { replica, syncAll } from '../helpers/team'

describe('built-in plans', () => {
  it('are valid plan records with unique step ids and only known merge fields', () => {
    for (const plan of Object.values(BUILTIN_PLANS)) {
      const parsed = v.parse(PlanInput, plan)
      expect(new Set(parsed.steps.map((s) => s.id)).size).toBe(parsed.steps.length)
      for (const s of parsed.steps) {
        for (const [, field] of s.script.matchAll(/\{([A-Za-z]\w*)\}/g)) expect(MERGE_FIELDS).toContain(field)
      }
    }
  })

  it('8x8 schedules eight touches in eight weeks from 2026-01-05', () => {
    expect(
      expandPlan(v.parse(PlanInput, PLAN_8X8), '2026-01-05').map((o) => [o.due, o.step.channel]),
    ).toEqual([
      ['2026-01-05', 'card'],
      ['2026-01-12', 'call'],
      ['2026-01-19', 'email'],
      ['2026-01-26', 'mail'],
      ['2026-02-02', 'call'],
      ['2026-02-09', 'email'],
      ['2026-02-16', 'gift'],
      ['2026-03-02', 'call'],
    ])
  })

  it('33 Touch has exactly 33 touches, all within the first 365 days, in the default mix', () => {
    const touches = expandPlan(v.parse(PlanInput, PLAN_33_TOUCH), '2026-01-05')
    expect(touches).toHaveLength(33)
    expect(touches[0]!.due).toBe('2026-01-05')
    expect(touches.at(-1)!.due).toBe('2026-12-16') // day 345
    expect(touches.every((t) => t.due >= '2026-01-05' && t.due < '2027-01-05')).toBe(true)
    const mix: Record<string, number> = {}
    for (const t of touches) mix[t.step.channel] = (mix[t.step.channel] ?? 0) + 1
    expect(mix).toEqual({ email: 12, mail: 9, call: 4, event: 2, card: 6 })
    // the twelve newsletters come from one recurring step, monthly
    const newsletters = touches.filter((t) => t.step.id === 'newsletter').map((t) => t.due)
    expect(newsletters.slice(0, 3)).toEqual(['2026-01-05', '2026-02-04', '2026-03-06'])
    expect(newsletters.at(-1)).toBe('2026-12-01')
  })

  it('12 Direct is twelve monthly mail pieces', () => {
    const touches = expandPlan(v.parse(PlanInput, PLAN_12_DIRECT), '2026-03-01')
    expect(touches.map((t) => t.step.channel)).toEqual(Array(12).fill('mail'))
    expect(touches.map((t) => t.due).slice(0, 2)).toEqual(['2026-03-01', '2026-03-31'])
  })

  it('installs once: two devices installing offline end with one copy of each', () => {
    const [a, b] = [replica('ana'), replica('ben')]
    unwrap(installBuiltinPlans(a.repo))
    unwrap(installBuiltinPlans(b.repo))
    unwrap(installBuiltinPlans(a.repo))
    syncAll(a, b)
    for (const r of [a, b]) {
      expect(r.repo.list('plans').map((p) => p.id)).toEqual(Object.values(BUILTIN_PLAN_IDS).sort())
    }
  })

  it('keeps a team’s edits when installed again, and the rules find plans by their key', () => {
    const a = replica('ana')
    unwrap(installBuiltinPlans(a.repo))
    unwrap(a.repo.update('plans', 'plan-33-touch', { name: 'Our 33' }))
    unwrap(installBuiltinPlans(a.repo))
    expect(a.repo.get('plans', 'plan-33-touch')!.name).toBe('Our 33')
    expect(findBuiltinPlan(a.repo.list('plans'), '33-touch')!.id).toBe('plan-33-touch')
    unwrap(a.repo.update('plans', 'plan-33-touch', { archived: true }))
    expect(findBuiltinPlan(a.repo.list('plans'), '33-touch')).toBeUndefined()
  })

  it('custom plans are records of the plans collection, validated by the repository', () => {
    const a = replica('ana')
    const plan = unwrap(
      a.repo.create('plans', {
        name: 'Allied resources: educate, ask, reward',
        steps: [
          { id: 'educate', offsetDays: 0, channel: 'email', title: 'Share a market insight' },
          { id: 'ask', offsetDays: 30, channel: 'call', title: 'Ask for help' },
          { id: 'reward', offsetDays: 45, channel: 'gift', title: 'Thank-you gift' },
        ],
      }),
    )
    expect(plan.steps[1]!.assigneeRole).toBe('owner')
    const bad = a.repo.create('plans', {
      name: 'x',
      steps: [{ id: 's', channel: 'fax', title: 'Fax' } as never],
    })
    expect(bad.ok).toBe(false)
  })
})
