import Papa from 'papaparse'
import type { Contact } from '../model/contact'
import type { Address, LabeledValue } from '../model/person'
import { displayLabel } from './labels'
import { linkedInProfileUrl } from './normalize'

const JOIN = ' ::: '
const NAME_COLUMNS = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'File As',
  'Organization Name',
  'Organization Title',
  'Organization Department',
  'Birthday',
  'Notes',
  'Labels',
]
const ADDRESS_PARTS = ['Formatted', 'Street', 'City', 'PO Box', 'Region', 'Postal Code', 'Country']

/**
 * Exports contacts as a CSV that Google Contacts imports, in the layout Google itself exports:
 * `First Name,…,Labels,E-mail 1 - Label,E-mail 1 - Value,…`. Values sharing a label share a cell,
 * joined by ` ::: `; tags become Labels after Google's `* myContacts`. Deleted contacts are skipped.
 * @param contacts - the contacts
 * @returns the CSV text, CRLF line endings, no BOM
 */
export function exportGoogleCsv(contacts: Contact[]): string {
  const live = contacts.filter((c) => !c.deleted)
  const rows = live.map((c) => ({
    c,
    emails: byLabel(c.emails),
    phones: byLabel(c.phones),
    addresses: c.addresses,
    websites: websites(c),
  }))
  const count = (f: (r: (typeof rows)[number]) => unknown[]) => Math.max(1, ...rows.map((r) => f(r).length))
  const nEmails = count((r) => r.emails)
  const nPhones = count((r) => r.phones)
  const nAddresses = count((r) => r.addresses)
  const nWebsites = count((r) => r.websites)

  const header = [
    ...NAME_COLUMNS,
    ...numbered('E-mail', nEmails, ['Label', 'Value']),
    ...numbered('Phone', nPhones, ['Label', 'Value']),
    ...numbered('Address', nAddresses, ['Label', ...ADDRESS_PARTS]),
    ...numbered('Website', nWebsites, ['Label', 'Value']),
  ]
  const data = rows.map(({ c, emails, phones, addresses, websites: sites }) => {
    const isOrg = c.kind === 'organisation'
    const named = Boolean(c.name.given || c.name.family)
    const joined = [c.name.given, c.name.family].filter(Boolean).join(' ')
    return [
      isOrg ? '' : named ? (c.name.given ?? '') : c.name.display,
      '',
      isOrg ? '' : (c.name.family ?? ''),
      '',
      c.name.credentials ?? '',
      '',
      // File As keeps a display name that differs from given + family ("Dr. Jane Doe").
      named && !isOrg && c.name.display !== joined ? c.name.display : '',
      c.work.organisation ?? (isOrg ? c.name.display : ''),
      c.work.title ?? '',
      '',
      c.profile.birthday ?? '',
      c.notes,
      ['* myContacts', ...c.tags].join(JOIN),
      ...pad(emails, nEmails, 2, (e) => [e.label, e.value]),
      ...pad(phones, nPhones, 2, (p) => [p.label, p.value]),
      ...pad(addresses, nAddresses, 1 + ADDRESS_PARTS.length, addressCells),
      ...pad(sites, nWebsites, 2, (w) => [w.label, w.value]),
    ]
  })
  return Papa.unparse({ fields: header, data }, { newline: '\r\n' })
}

/** Groups values by label, Google-style: one label, one cell, values joined by ` ::: `. */
function byLabel(values: LabeledValue[]): { label: string; value: string }[] {
  const groups = new Map<string, string[]>()
  for (const v of values) {
    const label = displayLabel(v.label)
    groups.set(label, [...(groups.get(label) ?? []), v.value])
  }
  return [...groups].map(([label, vals]) => ({ label, value: vals.join(JOIN) }))
}

function websites(c: Contact): { label: string; value: string }[] {
  const linkedin = c.web.linkedin ? (linkedInProfileUrl(c.web.linkedin) ?? c.web.linkedin) : undefined
  const sites = c.web.websites.map((value) => ({ label: '', value }))
  return linkedin ? [{ label: 'LinkedIn', value: linkedin }, ...sites] : sites
}

function addressCells(a: Address): string[] {
  const regionLine = [a.region, a.postalCode].filter(Boolean).join(' ')
  const formatted = [a.street, [a.city, regionLine].filter(Boolean).join(', '), a.country]
    .filter(Boolean)
    .join('\n')
  return [
    displayLabel(a.label),
    formatted,
    a.street ?? '',
    a.city ?? '',
    '',
    a.region ?? '',
    a.postalCode ?? '',
    a.country ?? '',
  ]
}

function numbered(kind: string, n: number, parts: string[]): string[] {
  return Array.from({ length: n }, (_, i) => parts.map((p) => `${kind} ${i + 1} - ${p}`)).flat()
}

/** The cells of each item, then blank cells up to `n` items of `width` cells. */
function pad<T>(items: T[], n: number, width: number, cells: (item: T) => string[]): string[] {
  const blank = Array<string>(width).fill('')
  return Array.from({ length: n }, (_, i) => (i < items.length ? cells(items[i] as T) : blank)).flat()
}
