/** Reads cells of a row by header name, case-insensitively. */
export type Columns = {
  /** The trimmed cell under the first header that exists among `names`, or `''`. */
  get(cells: string[], ...names: string[]): string
  /** Whether any of the headers exists. */
  has(...names: string[]): boolean
  /** The headers (lower-cased) matching a pattern, with their index and the pattern's groups. */
  match(pattern: RegExp): { index: number; groups: string[] }[]
}

/**
 * Indexes a CSV header row for lookups by name.
 * @param headers - the header row as written
 * @returns lookups over it
 */
export function columns(headers: string[]): Columns {
  const lower = headers.map((h) => h.trim().toLowerCase())
  const index = new Map<string, number>()
  lower.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i)
  })
  return {
    get(cells, ...names) {
      for (const name of names) {
        const i = index.get(name)
        if (i !== undefined) return (cells[i] ?? '').trim()
      }
      return ''
    },
    has(...names) {
      return names.some((n) => index.has(n))
    },
    match(pattern) {
      const found: { index: number; groups: string[] }[] = []
      lower.forEach((h, i) => {
        const m = pattern.exec(h)
        if (m) found.push({ index: i, groups: m.slice(1) })
      })
      return found
    },
  }
}

/**
 * Splits a Google Contacts cell that holds several values joined by ` ::: `.
 * @param cell - the cell
 * @returns the non-blank values, trimmed
 */
export function splitMulti(cell: string): string[] {
  return cell
    .split(':::')
    .map((s) => s.trim())
    .filter(Boolean)
}
