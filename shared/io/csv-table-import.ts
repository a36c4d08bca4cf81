import type { PersonDraft } from '../model/person'
import type { CsvTable } from './csv-read'
import { createDraftBuilder, type DraftBuilder } from './draft-builder'
import type { ImportError, ImportFormat, ImportResult } from './types'

/** Fills a builder from the cells of one row. */
export type RowMapper = (cells: string[], builder: DraftBuilder) => void

/**
 * Turns every row of a table into a draft, or into errors on the row's line.
 * @param table - the table read by `readCsv`
 * @param format - the format to report
 * @param mapRow - how this format's columns become fields
 * @returns the drafts and the errors (the table's own ones included), by line
 */
export function importTable(table: CsvTable, format: ImportFormat, mapRow: RowMapper): ImportResult {
  const contacts: PersonDraft[] = []
  const errors: ImportError[] = [...table.errors]
  for (const row of table.rows) {
    const builder = createDraftBuilder()
    mapRow(row.cells, builder)
    const built = builder.build(row.line)
    errors.push(...built.errors)
    if (built.draft) contacts.push(built.draft)
  }
  errors.sort((a, b) => a.line - b.line)
  return { format, contacts, errors }
}
