import { createPeople, type GeneratedPerson } from './people'
import { CONTACT_NOTES } from './phrases'
import { TRADES } from './pools'
import { createRandom, type Random } from './random'

const MAX_EMAILS = 3
const MAX_PHONES = 2

/** The columns of a Google Contacts export ("Google CSV"), in its order. */
export const GOOGLE_CSV_COLUMNS: readonly string[] = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Phonetic First Name',
  'Phonetic Middle Name',
  'Phonetic Last Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'File As',
  'Organization Name',
  'Organization Title',
  'Organization Department',
  'Birthday',
  'Notes',
  'Photo',
  'Labels',
  ...Array.from({ length: MAX_EMAILS }, (_, i) => [
    `E-mail ${i + 1} - Label`,
    `E-mail ${i + 1} - Value`,
  ]).flat(),
  ...Array.from({ length: MAX_PHONES }, (_, i) => [
    `Phone ${i + 1} - Label`,
    `Phone ${i + 1} - Value`,
  ]).flat(),
  ...[
    'Label',
    'Formatted',
    'Street',
    'City',
    'PO Box',
    'Region',
    'Postal Code',
    'Country',
    'Extended Address',
  ].map((part) => `Address 1 - ${part}`),
  'Website 1 - Label',
  'Website 1 - Value',
]

const LABELS = ['Clients', 'Friends', 'Family', 'Coworkers', 'Open house', 'Neighbours', 'Vendors'] as const

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** An E.164 US number written the way people type them into an address book. */
function typed(rng: Random, e164: string): string {
  const [a, b, c] = [e164.slice(2, 5), e164.slice(5, 8), e164.slice(8)]
  return rng.pick([`+1 ${a}-${b}-${c}`, `(${a}) ${b}-${c}`, `${a}.${b}.${c}`, e164, `${a}-${b}-${c}`])
}

const titleCase = (label: string | undefined) => (label ? label[0]!.toUpperCase() + label.slice(1) : '')

function row(rng: Random, p: GeneratedPerson): string {
  const cells: Record<string, string> = {
    'First Name': p.given,
    'Last Name': p.family,
    'Organization Name': p.work?.organisation ?? '',
    'Organization Title': p.work?.title ?? '',
    Birthday: rng.chance(0.1)
      ? `${rng.int(1950, 2000)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
      : '',
    Notes: rng.chance(0.1) ? rng.pick(CONTACT_NOTES) : '',
    Labels: ['* myContacts', ...rng.sample(LABELS, rng.int(0, 2))].join(' ::: '),
  }
  p.emails.slice(0, MAX_EMAILS).forEach((e, i) => {
    cells[`E-mail ${i + 1} - Label`] = `${i === 0 ? '* ' : ''}${titleCase(e.label)}`
    cells[`E-mail ${i + 1} - Value`] = e.value
  })
  p.phones.slice(0, MAX_PHONES).forEach((ph, i) => {
    cells[`Phone ${i + 1} - Label`] = titleCase(ph.label)
    cells[`Phone ${i + 1} - Value`] = typed(rng, ph.value)
  })
  const a = p.address
  if (a) {
    Object.assign(cells, {
      'Address 1 - Label': 'Home',
      'Address 1 - Formatted': `${a.street}\n${a.city}, ${a.region} ${a.postalCode}\nUS`,
      'Address 1 - Street': a.street,
      'Address 1 - City': a.city,
      'Address 1 - Region': a.region,
      'Address 1 - Postal Code': a.postalCode,
      'Address 1 - Country': 'US',
    })
  }
  if (p.linkedin) Object.assign(cells, { 'Website 1 - Label': 'Profile', 'Website 1 - Value': p.linkedin })
  return GOOGLE_CSV_COLUMNS.map((col) => field(cells[col] ?? '')).join(',')
}

/**
 * A Google Contacts export ("Google CSV") of `n` generated people, for import tests and the
 * import benchmark: English and Arabic names, up to three emails and two phones (typed in
 * assorted formats), organisations and titles, a home address, labels. Every person is distinct:
 * no two share an email or a phone. Deterministic in `seed`.
 * @param n - how many rows after the header
 * @param seed - the seed
 * @returns the CSV text, CRLF line endings, no trailing newline
 */
export function generateContactsCsv(n: number, seed: number): string {
  const rng = createRandom(seed)
  const people = createPeople(rng.fork('people'))
  const lines = [GOOGLE_CSV_COLUMNS.map(field).join(',')]
  for (let i = 0; i < n; i++) {
    const trade = rng.chance(0.1) ? rng.pick(TRADES) : undefined
    lines.push(row(rng, people.person({ trade })))
  }
  return lines.join('\r\n')
}
