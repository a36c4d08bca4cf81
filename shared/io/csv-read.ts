import Papa from 'papaparse'
import type { ImportError } from './types'

/** One data row of a CSV and the physical line it starts on. */
export type CsvRow = { cells: string[]; line: number }

/** A CSV read into its header and rows, with the problems Papa Parse found. */
export type CsvTable = {
  headers: string[]
  /** 1-based line of the header row. */
  headerLine: number
  rows: CsvRow[]
  errors: ImportError[]
}

/**
 * Reads CSV text (comma, semicolon or tab separated) into a header and rows that know their
 * 1-based physical line, counting a LinkedIn preamble and line breaks inside quoted cells.
 * Rows whose cells are all blank are skipped.
 * @param text - decoded text, without BOM
 * @returns the table, or `undefined` when there is no header row (an empty file)
 */
export function readCsv(text: string): CsvTable | undefined {
  const start = headerOffset(text)
  if (start < 0) return undefined
  const body = text.slice(start)
  const firstLine = body.slice(0, body.search(/\r\n|\r|\n|$/))
  const headerLine = 1 + countBreaks(text, 0, start)

  const table: CsvTable = { headers: [], headerLine, rows: [], errors: [] }
  let line = headerLine
  let counted = 0
  let rowStart = 0
  let isHeader = true
  Papa.parse<string[]>(body, {
    delimiter: guessDelimiter(firstLine),
    skipEmptyLines: false,
    step: (result) => {
      // With empty lines kept, a row starts where the previous one ended (`meta.cursor`), so
      // counting line breaks up to there gives its first physical line, even after multi-line cells.
      line += countBreaks(body, counted, rowStart)
      counted = rowStart
      rowStart = result.meta.cursor
      const cells = result.data.map((c) => c ?? '')
      if (result.errors.length > 0) {
        const unclosed = result.errors.some((e) => e.code === 'MissingQuotes')
        table.errors.push({
          line,
          message: unclosed
            ? 'a quoted cell is never closed here, so this row and the rest of the file could not be read'
            : `this row could not be read (${result.errors[0]?.message ?? 'bad CSV'}), so it was not imported`,
        })
        return
      }
      if (isHeader) {
        table.headers = cells.map((h) => h.trim())
        isHeader = false
      } else if (cells.some((c) => c.trim())) {
        table.rows.push({ cells, line })
      }
    },
  })
  return table
}

/** Where the header row starts: after LinkedIn's "Notes:" preamble and any blank lines. */
function headerOffset(text: string): number {
  if (/^Notes:/i.test(text)) {
    const m = /(?:^|\n)(First Name,Last Name,)/.exec(text)
    if (m) return m.index + m[0].length - m[1].length
  }
  const m = /\S/.exec(text)
  if (!m) return -1
  const lineStart = Math.max(text.lastIndexOf('\n', m.index), text.lastIndexOf('\r', m.index)) + 1
  return lineStart
}

/** The delimiter used most often outside quotes on the header line; comma on a tie. */
function guessDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 }
  let inQuotes = false
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes
    else if (!inQuotes && ch in counts) counts[ch] += 1
  }
  return [';', '\t'].reduce((best, d) => (counts[d] > counts[best] ? d : best), ',')
}

/** Counts line breaks (CRLF, LF or CR) in `text` between two offsets. */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) n++
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++
  }
  return n
}
