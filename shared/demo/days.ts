/** One day in milliseconds. */
export const DAY_MS = 86_400_000

/**
 * Midnight UTC of a `YYYY-MM-DD` day, in milliseconds.
 * @returns NaN when `day` is not such a date
 */
export function dayStart(day: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(day)
    ? Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10))
    : NaN
}

/** The UTC calendar day (`YYYY-MM-DD`) of a time in milliseconds. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The first day of each of the `count` months before the month of `ms`, oldest first. */
export function monthsBefore(ms: number, count: number): string[] {
  const d = new Date(ms)
  return Array.from({ length: count }, (_, i) =>
    dayOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - count + i, 1)),
  )
}
