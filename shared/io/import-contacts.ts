import { readCsv } from './csv-read'
import { mappedRowMapper } from './csv-generic'
import { googleRowMapper } from './csv-google'
import { linkedInRowMapper } from './csv-linkedin'
import { outlookRowMapper } from './csv-outlook'
import { importTable } from './csv-table-import'
import { decodeInput } from './decode'
import { fileError } from './file-errors'
import { suggestHeaderMapping } from './header-mapping'
import type { CsvField, ImportResult } from './types'
import { importVCardText } from './vcard-import'

const IDENTITY_FIELDS: CsvField[] = ['displayName', 'givenName', 'familyName', 'email', 'phone']

/**
 * Reads a contacts file: LinkedIn's `Connections.csv`, a Google Contacts or Outlook CSV, any other
 * CSV through `suggestHeaderMapping`, or vCard 2.1/3.0/4.0. The format is told from the content
 * first and the file name second. Bytes are decoded as UTF-8, or windows-1252 when not valid UTF-8.
 * @param input - the file's bytes, or its text
 * @param fileName - the file's name, used when the content alone does not tell
 * @returns the contacts that could be read, each passing `v.parse(PersonDraft, …)`, and an error
 *   per bad row or card on its 1-based physical line. A file that holds no contacts gives no
 *   contacts and one error naming the problem. Never throws on bad input.
 */
export function importContacts(input: string | Uint8Array, fileName?: string): Promise<ImportResult> {
  return Promise.resolve(importText(decodeInput(input), fileName?.toLowerCase() ?? ''))
}

function importText(text: string, name: string): ImportResult {
  if (!text.trim()) return fileError('unknown', 'the file is empty')
  if (/^BEGIN:VCARD\s*$/im.test(text)) return importVCardText(text)
  const notText = notTextProblem(text, name)
  if (notText) return fileError('unknown', notText)
  if (name.endsWith('.vcf') || name.endsWith('.vcard')) {
    return fileError('unknown', 'this file is named like a vCard but has no BEGIN:VCARD line')
  }

  const table = readCsv(text)
  if (!table) return fileError('unknown', 'the file is empty')
  const { headers } = table
  const lower = new Set(headers.map((h) => h.toLowerCase()))
  const has = (...names: string[]) => names.every((n) => lower.has(n))

  if (has('first name', 'last name', 'url') && (has('connected on') || /connections/.test(name))) {
    return importTable(table, 'linkedin-csv', linkedInRowMapper(headers))
  }
  if ((has('e-mail 1 - value') || has('phone 1 - value')) && (has('labels') || has('group membership'))) {
    return importTable(table, 'google-csv', googleRowMapper(headers))
  }
  if (has('e-mail address') && (has('mobile phone') || has('business phone') || has('home phone'))) {
    return importTable(table, 'outlook-csv', outlookRowMapper(headers))
  }

  const mapping = suggestHeaderMapping(headers)
  if (!mapping.some((f) => f && IDENTITY_FIELDS.includes(f))) {
    const problem =
      headers.length < 2
        ? 'not a CSV or vCard file'
        : `this looks like a spreadsheet with the columns ${describeColumns(headers)} but it has no name, ` +
          'email or phone column, so it is not a contacts file'
    return {
      ...fileError(headers.length < 2 ? 'unknown' : 'csv', problem, table.headerLine),
      headers,
      mapping,
    }
  }
  return { ...importTable(table, 'csv', mappedRowMapper(headers, mapping)), headers, mapping }
}

/** A message when the text is plainly not a CSV: a workbook, a zip, a PDF, JSON, binary. */
function notTextProblem(text: string, name: string): string | undefined {
  if (text.startsWith('PK\u0003\u0004') || /\.(xlsx|xls|numbers|ods)$/.test(name)) {
    return 'this is a spreadsheet workbook, not a CSV or vCard file: save it as CSV (comma-separated) first'
  }
  if (text.startsWith('%PDF')) return 'this is a PDF, not a CSV or vCard file'
  if (/^\s*[[{]/.test(text)) return 'this looks like JSON, not a CSV or vCard file'
  if (hasBinaryControls(text.slice(0, 4096))) return 'not a CSV or vCard file (it is binary)'
  return undefined
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function hasBinaryControls(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) return true
  }
  return false
}

function describeColumns(headers: string[]): string {
  const shown = headers.filter(Boolean).slice(0, 4)
  return `"${shown.join('", "')}"${headers.length > shown.length ? ', …' : ''}`
}
