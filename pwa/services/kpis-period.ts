import type { KpiPeriod } from '../../shared/kpi'
import { addDays } from '../../shared/plans'

/** The review periods the KPI screen offers. */
export const PERIOD_PRESETS = ['month', 'last30', 'last90', 'year', 'custom'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

/**
 * The days a preset covers, ending today (the user's calendar day); `custom` is the range the
 * user typed, checked by `shared/kpi` (a malformed or reversed range is no data everywhere).
 */
export function periodOf(preset: PeriodPreset, today: string, custom: KpiPeriod): KpiPeriod {
  switch (preset) {
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today }
    case 'last30':
      return { from: addDays(today, -29), to: today }
    case 'last90':
      return { from: addDays(today, -89), to: today }
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today }
    case 'custom':
      return custom
  }
}

/**
 * Where a `YYYY-MM-DD` day starts on this device: the user's local midnight, the same calendar
 * the app's "today" uses, so a referral logged late in the evening counts on that evening's day.
 */
export function localDayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d).getTime()
}
