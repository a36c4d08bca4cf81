import { normalizeBirthday } from './birthday'
import { readCsv } from './csv-read'
import { importTable, type RowMapper } from './csv-table-import'
import { decodeInput } from './decode'
import { fileError } from './file-errors'
import { labelFromHeader } from './header-mapping'
import type { Address } from '../model/person'
import type { HeaderMapping, ImportResult } from './types'

/**
 * Imports a custom CSV with a mapping chosen by the user (or `suggestHeaderMapping`).
 * @param input - the file's bytes or text
 * @param mapping - the field of each column, in header order; columns beyond it are ignored
 * @returns the contacts and an error per bad row (1-based physical lines); an empty file gives
 *   one error on line 0. Never throws.
 */
export function importCsvWithMapping(
  input: string | Uint8Array,
  mapping: HeaderMapping,
): Promise<ImportResult> {
  const table = readCsv(decodeInput(input))
  if (!table) return Promise.resolve(fileError('csv', 'the file is empty'))
  const result = importTable(table, 'csv', mappedRowMapper(table.headers, mapping))
  return Promise.resolve({ ...result, headers: table.headers, mapping })
}

/**
 * Builds the row mapper for a custom CSV.
 * @param headers - the header row (phone and email labels come from it: "Mobile" → `mobile`)
 * @param mapping - the field of each column
 * @returns the row mapper
 */
export function mappedRowMapper(headers: string[], mapping: HeaderMapping): RowMapper {
  return (cells, b) => {
    const address: Address = {}
    mapping.forEach((field, i) => {
      const value = (cells[i] ?? '').trim()
      if (!field || !value) return
      switch (field) {
        case 'email':
          for (const e of splitEmails(value)) b.addEmail(e, labelFromHeader(headers[i] ?? ''))
          break
        case 'phone':
          for (const p of value.split(/[;/]|\s{2,}/)) b.addPhone(p, labelFromHeader(headers[i] ?? ''))
          break
        case 'linkedinUrl':
        case 'website':
          b.addUrl(value)
          break
        case 'notes':
          b.addNote(value)
          break
        case 'tags':
          b.addTags(value.split(/[;,]|:::/))
          break
        case 'birthday': {
          const day = normalizeBirthday(value)
          if (day) b.setBirthday(day)
          else b.problem(`birthday "${value}" is not a date as YYYY-MM-DD, so it was left out`)
          break
        }
        case 'displayName':
        case 'givenName':
        case 'familyName':
        case 'organisation':
        case 'title':
          b.set(field, value)
          break
        default:
          // Several columns of one part ("Address line 1", "Address line 2") are joined.
          address[field] = address[field] ? `${address[field]}, ${value}` : value
      }
    })
    b.addAddress(address)
  }
}

/** Several addresses in one cell, split on `;`, `,` or spaces; text that is not all addresses stays whole. */
function splitEmails(value: string): string[] {
  const parts = value.split(/[;,\s]+/).filter(Boolean)
  return parts.every((p) => p.includes('@')) ? parts : [value]
}
