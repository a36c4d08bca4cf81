import { columns } from './csv-columns'
import type { RowMapper } from './csv-table-import'

/**
 * Maps LinkedIn's `Connections.csv` (`First Name,Last Name,URL,Email Address,Company,Position,
 * Connected On`). Emails are often empty: members choose whether connections may export them.
 * @param headers - the header row
 * @returns the row mapper
 */
export function linkedInRowMapper(headers: string[]): RowMapper {
  const col = columns(headers)
  return (cells, b) => {
    b.set('givenName', col.get(cells, 'first name'))
    b.set('familyName', col.get(cells, 'last name'))
    b.addUrl(col.get(cells, 'url'))
    b.addEmail(col.get(cells, 'email address'))
    b.set('organisation', col.get(cells, 'company'))
    b.set('title', col.get(cells, 'position'))
  }
}
