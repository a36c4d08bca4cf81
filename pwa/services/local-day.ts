import type { Clock } from '../../shared/host'

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Today as `YYYY-MM-DD` in the user's time zone: touches fall due on the user's calendar day,
 * which `shared/` (UTC only, no host zone) cannot know.
 */
export function localDay(clock: Clock): string {
  const d = new Date(clock.now())
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** A `YYYY-MM-DD` day as the UTC midnight that starts it, to format with `timeZone: 'UTC'`. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}
