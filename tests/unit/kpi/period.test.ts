import { describe, expect, it } from 'vitest'
import { nextDay, periodBounds, utcDayStart } from '../../../shared/kpi/index'

describe('periodBounds', () => {
  it('spans whole days, both ends included', () => {
    const b = periodBounds({ from: '2024-02-28', to: '2024-03-01' })
    // 28 Feb, 29 Feb (leap year), 1 Mar
    expect(b).toMatchObject({ days: 3, start: Date.UTC(2024, 1, 28), end: Date.UTC(2024, 2, 2) })
  })

  it('uses the team time zone through dayStart', () => {
    // UTC+2: a day starts two hours before UTC midnight
    const b = periodBounds({ from: '2024-01-01', to: '2024-01-01' }, (d) => utcDayStart(d) - 2 * 3_600_000)
    expect(b?.start).toBe(Date.UTC(2023, 11, 31, 22))
    expect(b?.end).toBe(Date.UTC(2024, 0, 1, 22))
  })

  it('refuses impossible days and reversed periods', () => {
    expect(periodBounds({ from: '2023-02-29', to: '2023-03-01' })).toBeNull()
    expect(periodBounds({ from: '2024-01-02', to: '2024-01-01' })).toBeNull()
    expect(periodBounds({ from: '2024-1-1', to: '2024-01-01' })).toBeNull()
  })

  it('steps over month and year ends', () => {
    expect(nextDay('2023-12-31')).toBe('2024-01-01')
    expect(nextDay('2024-02-28')).toBe('2024-02-29')
  })
})
