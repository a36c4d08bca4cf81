/**
 * Calendar days as `YYYY-MM-DD` strings. The arithmetic runs on UTC midnights, so a day plus
 * n days is the same on every device whatever its time zone or daylight-saving changes.
 */

const DAY_MS = 86_400_000
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `day` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(day: string): boolean {
  const m = DAY_RE.exec(day)
  if (!m) return false
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return new Date(t).toISOString().slice(0, 10) === day
}

/** Milliseconds of the UTC midnight that starts `day` (NaN for a malformed day). */
function utcOf(day: string): number {
  const m = DAY_RE.exec(day)
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  return new Date(utcOf(day) + n * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS)
}

/** The UTC calendar day of a timestamp; hosts that know the user's zone pass a day instead. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** A day as the UTC midnight `Date` that starts it (for calendar exports). */
export function dateOf(day: string): Date {
  return new Date(utcOf(day))
}
