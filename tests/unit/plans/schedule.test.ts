import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, enrollmentIdFor, expandPlan, isDay, touchIdFor } from '../../../shared/plans'

const step = (id: string, more: object) =>
  ({ id, channel: 'call', title: id, script: '', assigneeRole: 'owner', offsetDays: 0, ...more }) as const

describe('schedule', () => {
  it('expands recurrences every N days from day 0 and orders touches by day', () => {
    const plan = {
      steps: [
        step('fortnightly', { recurrence: { everyDays: 14, count: 3 } }),
        step('once', { offsetDays: 10 }),
      ],
    }
    expect(expandPlan(plan, '2026-02-20').map((o) => `${o.step.id}:${o.n}@${o.due}`)).toEqual([
      'fortnightly:0@2026-02-20',
      'once:0@2026-03-02',
      'fortnightly:1@2026-03-06',
      'fortnightly:2@2026-03-20',
    ])
  })

  it('counts days in UTC across month ends, leap days and daylight-saving changes', () => {
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29')
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09') // US DST starts 2026-03-08
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(daysBetween('2026-01-05', '2026-03-02')).toBe(56)
    expect(isDay('2026-02-29')).toBe(false)
    expect(isDay('2028-02-29')).toBe(true)
  })

  it('derives ids from what they are, so devices agree without talking', () => {
    const byHand = enrollmentIdFor({ contactId: 'c1', planId: 'plan-8x8', startDay: '2026-01-05' })
    expect(byHand).toBe('enr:c1:plan-8x8:2026-01-05')
    expect(touchIdFor(byHand, 'w1-call', 0)).toBe('enr:c1:plan-8x8:2026-01-05:w1-call:0')
    const next = (startDay: string) =>
      enrollmentIdFor({ contactId: 'c1', planId: 'plan-33-touch', startDay, previousId: byHand })
    expect(next('2026-03-02')).toBe(next('2026-03-05'))
    expect(next('2026-03-02')).not.toBe(
      enrollmentIdFor({ contactId: 'c1', planId: 'plan-33-touch', startDay: '2026-03-02', previousId: 'x' }),
    )
  })
})
