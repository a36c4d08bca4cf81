/** Years that stand for "unknown": Apple writes 1604, some Android exports 0000 or 1900. */
const NO_YEAR = new Set(['1604', '0000'])

/**
 * Reads a birthday written as `YYYY-MM-DD`, `YYYYMMDD`, `YYYY/MM/DD`, `--MM-DD`, `--MMDD`, an ISO
 * date-time, or (with `order: 'mdy'`) Outlook's `M/D/YYYY`.
 * @param s - the date as written
 * @param order - `'mdy'` to also read US `M/D/YYYY` dates
 * @returns `YYYY-MM-DD`, `--MM-DD` when the year is unknown, or `undefined` for anything else
 *   (including Outlook's empty `0/0/00`)
 */
export function normalizeBirthday(s: string, order?: 'mdy'): string | undefined {
  const text = s.trim()
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(text) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text)
  if (m) return build(m[1], m[2], m[3])
  m = /^--(\d{2})-?(\d{2})$/.exec(text)
  if (m) return build(undefined, m[1], m[2])
  m = order === 'mdy' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text) : null
  if (m) return build(m[3], m[1], m[2])
  return undefined
}

function build(year: string | undefined, month = '', day = ''): string | undefined {
  const mm = Number(month)
  const dd = Number(day)
  if (!(mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)) return undefined
  const md = `${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`
  return year && !NO_YEAR.has(year) ? `${year}-${md}` : `--${md}`
}
