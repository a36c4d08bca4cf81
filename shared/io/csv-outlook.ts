import { normalizeBirthday } from './birthday'
import { columns } from './csv-columns'
import type { RowMapper } from './csv-table-import'

/** Outlook's phone columns and the label each one means. */
const PHONES: [string, string][] = [
  ['mobile phone', 'mobile'],
  ['business phone', 'work'],
  ['business phone 2', 'work'],
  ['home phone', 'home'],
  ['home phone 2', 'home'],
  ['primary phone', 'main'],
  ['company main phone', 'work'],
  ['other phone', 'other'],
  ['car phone', 'car'],
  ['pager', 'pager'],
  ['business fax', 'work fax'],
  ['home fax', 'home fax'],
]

/**
 * Maps an Outlook contacts export (`First Name,Middle Name,Last Name,Title,Suffix,…,E-mail Address,
 * …,Mobile Phone,…,Company,Job Title,…,Categories,Notes,Birthday`). `Title` is the courtesy title
 * (Mr., Dr.), not the job; `Categories` are separated by `;`; `Birthday` is `M/D/YYYY`, `0/0/00`
 * when empty.
 * @param headers - the header row
 * @returns the row mapper
 */
export function outlookRowMapper(headers: string[]): RowMapper {
  const col = columns(headers)
  return (cells, b) => {
    const given = col.get(cells, 'first name')
    const middle = col.get(cells, 'middle name')
    const family = col.get(cells, 'last name')
    b.set('givenName', given)
    b.set('familyName', family)
    if (middle) b.set('displayName', [given, middle, family].filter(Boolean).join(' '))
    b.set('credentials', col.get(cells, 'suffix'))
    b.set('organisation', col.get(cells, 'company'))
    b.set('title', col.get(cells, 'job title'))
    for (const name of ['e-mail address', 'e-mail 2 address', 'e-mail 3 address']) {
      b.addEmail(col.get(cells, name))
    }
    for (const [name, label] of PHONES) b.addPhone(col.get(cells, name), label)
    for (const place of ['business', 'home', 'other']) {
      b.addAddress({
        label: place === 'business' ? 'work' : place,
        street: col.get(cells, `${place} street`),
        city: col.get(cells, `${place} city`),
        region: col.get(cells, `${place} state`),
        postalCode: col.get(cells, `${place} postal code`),
        country: col.get(cells, `${place} country/region`, `${place} country`),
      })
    }
    b.addUrl(col.get(cells, 'web page'))
    b.addUrl(col.get(cells, 'personal web page'))
    const birthday = col.get(cells, 'birthday')
    if (birthday && !/^0\/0\/0+$/.test(birthday)) {
      const day = normalizeBirthday(birthday, 'mdy')
      if (day) b.setBirthday(day)
      else b.problem(`birthday "${birthday}" is not a date, so it was left out`)
    }
    b.addNote(col.get(cells, 'notes'))
    b.addTags(col.get(cells, 'categories').split(/[;,]/))
  }
}
