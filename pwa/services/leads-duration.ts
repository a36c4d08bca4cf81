const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
] as const

const unit = (locale: string, name: string, value: number) =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value)

/**
 * A duration in words for the locale ("1 day and 3 hours", Arabic digits and plurals in Arabic):
 * the largest unit that fits and the next one when it is not zero, each formatted by Intl (unit
 * style) and joined by Intl's list format. Under a second reads as zero seconds.
 */
export function formatDuration(ms: number, locale: string): string {
  const i = UNITS.findIndex(([, size]) => ms >= size)
  if (i < 0) return unit(locale, 'second', 0)
  const [name, size] = UNITS[i]!
  const value = Math.floor(ms / size)
  const parts = [unit(locale, name, value)]
  const next = UNITS[i + 1]
  if (next) {
    const rest = Math.floor((ms - value * size) / next[1])
    if (rest > 0) parts.push(unit(locale, next[0], rest))
  }
  return new Intl.ListFormat(locale, { style: 'long', type: 'unit' }).format(parts)
}
