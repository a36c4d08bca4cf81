import { normalizeBirthday } from './birthday'
import { columns, splitMulti, type Columns } from './csv-columns'
import type { RowMapper } from './csv-table-import'

/**
 * Maps a Google Contacts CSV, in the current layout (`First Name,…,Labels,E-mail 1 - Label,
 * E-mail 1 - Value,…`) or the legacy one (`Name,Given Name,…,Group Membership,E-mail 1 - Type,…`).
 * Several values with one label share a cell, joined by ` ::: `.
 * @param headers - the header row
 * @returns the row mapper
 */
export function googleRowMapper(headers: string[]): RowMapper {
  const col = columns(headers)
  const emails = numbered(col, 'e-mail')
  const phones = numbered(col, 'phone')
  const websites = numbered(col, 'website')
  const addresses = col.match(/^address (\d+) - (?:street|formatted)$/).map((m) => m.groups[0])
  const addressNumbers = [...new Set(addresses)]

  return (cells, b) => {
    const given = col.get(cells, 'first name', 'given name')
    const middle = col.get(cells, 'middle name', 'additional name')
    const family = col.get(cells, 'last name', 'family name')
    b.set('givenName', given)
    b.set('familyName', family)
    b.set('displayName', col.get(cells, 'name') || (middle ? [given, middle, family].join(' ').trim() : ''))
    b.set('displayName', col.get(cells, 'file as'))
    b.set('credentials', col.get(cells, 'name suffix'))
    b.set('organisation', col.get(cells, 'organization name', 'organization 1 - name'))
    b.set('title', col.get(cells, 'organization title', 'organization 1 - title'))
    for (const { label, value } of emails) {
      for (const e of splitMulti(cells[value] ?? '')) b.addEmail(e, cellAt(cells, label))
    }
    for (const { label, value } of phones) {
      for (const p of splitMulti(cells[value] ?? '')) b.addPhone(p, cellAt(cells, label))
    }
    for (const { value } of websites) {
      for (const w of splitMulti(cells[value] ?? '')) b.addUrl(w)
    }
    for (const n of addressNumbers) {
      const part = (name: string) => splitMulti(col.get(cells, `address ${n} - ${name}`))
      const streets = part('street')
      const street = streets.length > 0 ? streets : part('formatted')
      const [cities, regions, codes, countries] = ['city', 'region', 'postal code', 'country'].map(part)
      const label = col.get(cells, `address ${n} - label`, `address ${n} - type`)
      street.forEach((s, i) => {
        b.addAddress({
          label,
          street: s,
          city: cities?.[i],
          region: regions?.[i],
          postalCode: codes?.[i],
          country: countries?.[i],
        })
      })
    }
    const birthday = col.get(cells, 'birthday')
    if (birthday) {
      const day = normalizeBirthday(birthday)
      if (day) b.setBirthday(day)
      else b.problem(`birthday "${birthday}" is not a date, so it was left out`)
    }
    b.addNote(col.get(cells, 'notes'))
    b.addTags(splitMulti(col.get(cells, 'labels', 'group membership')))
  }
}

/** The `<kind> N - Value` columns and their `<kind> N - Label` (or legacy `- Type`) columns. */
function numbered(col: Columns, kind: string): { value: number; label?: number }[] {
  const labels = new Map(
    col.match(new RegExp(`^${kind} (\\d+) - (?:label|type)$`)).map((m) => [m.groups[0], m.index]),
  )
  return col
    .match(new RegExp(`^${kind} (\\d+) - value$`))
    .map((m) => ({ value: m.index, label: labels.get(m.groups[0]) }))
}

function cellAt(cells: string[], index: number | undefined): string | undefined {
  return index === undefined ? undefined : cells[index]
}
