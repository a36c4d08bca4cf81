import type { KpiPeriod } from './types'

const DAY_MS = 86_400_000
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** UTC midnight of a `YYYY-MM-DD` day, or NaN when the text is not a real calendar day. */
export function utcDayStart(day: string): number {
  const m = DAY_RE.exec(day)
  if (!m) return Number.NaN
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  // Date.UTC rolls 2023-02-30 over to March; a real day survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN
  return ms
}

/** The day after `day`, `YYYY-MM-DD` (calendar arithmetic, independent of time zones). */
export function nextDay(day: string): string {
  return new Date(utcDayStart(day) + DAY_MS).toISOString().slice(0, 10)
}

/** A period resolved to instants: `[start, end)` in ms, and its length in whole days. */
export interface PeriodBounds {
  from: string
  to: string
  start: number
  end: number
  days: number
}

/**
 * Resolves a period to instants with the team's `dayStart`.
 * @returns the bounds, or null when a day is malformed or `from` is after `to`
 */
export function periodBounds(
  period: KpiPeriod,
  dayStart: (day: string) => number = utcDayStart,
): PeriodBounds | null {
  const a = utcDayStart(period.from)
  const b = utcDayStart(period.to)
  if (Number.isNaN(a) || Number.isNaN(b) || a > b) return null
  const start = dayStart(period.from)
  const end = dayStart(nextDay(period.to))
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null
  return { from: period.from, to: period.to, start, end, days: Math.round((b - a) / DAY_MS) + 1 }
}

/** Whether the instant `ms` falls inside the period. */
export function inPeriod(b: PeriodBounds, ms: number): boolean {
  return ms >= b.start && ms < b.end
}

/** Whether the `YYYY-MM-DD` day falls inside the period (ISO days sort as text). */
export function dayInPeriod(b: PeriodBounds, day: string | undefined): boolean {
  return day !== undefined && day >= b.from && day <= b.to
}
