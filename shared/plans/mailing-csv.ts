import Papa from 'papaparse'
import { fail, ok, type Result } from '../doc'
import type { Address, ContactData, PlanData, TouchData } from '../model'
import { blockedChannels, isBlocked, type OptOutLookup } from './blocks'
import { BUILTIN_PLAN_IDS } from './builtin-plans'

/** One collator for every sort: `localeCompare` with a locale builds a new one per call. */
const byName = new Intl.Collator('en')

/** The columns of the mailing list, in order. */
export const MAILING_COLUMNS = [
  'Name',
  'Address line 1',
  'Address line 2',
  'City',
  'Region',
  'Postal code',
  'Country',
] as const

type Row = { id: string; deleted?: unknown }
export interface MailingInput {
  touches: readonly (Row &
    Pick<TouchData, 'contactId' | 'due' | 'channel' | 'status'> &
    Partial<Pick<TouchData, 'planId'>>)[]
  contacts: readonly (Row & Pick<ContactData, 'name'> & Partial<Pick<ContactData, 'addresses'>>)[]
  optOuts: OptOutLookup
  /** Used to find the team's 12 Direct plans (`builtin: '12-direct'`). */
  plans?: readonly (Row & Pick<PlanData, 'builtin'>)[]
}

export interface MailingOptions {
  /** The month whose batch to print, `YYYY-MM`. */
  month: string
  /** Only this plan's touches. @default every plan with `builtin: '12-direct'`, else `plan-12-direct` */
  planIds?: readonly string[]
}

/** Why a contact with a due mail piece is not on the list. */
export interface MailingSkip {
  contactId: string
  name: string
  reason: 'opted-out' | 'no-address' | 'missing-contact'
}

export interface MailingList {
  /** RFC 4180 CSV with a header row (`MAILING_COLUMNS`), CRLF line ends. */
  csv: string
  /** One row per contact, however many pieces are due for them that month. */
  rows: number
  /** The touches the printed rows cover, to mark done once mailed. */
  touchIds: string[]
  skipped: MailingSkip[]
}

/** A usable postal address: a street and a city or postal code; `home` or `mailing` first. */
export function mailingAddress(addresses: readonly Address[] | undefined): Address | undefined {
  const usable = (addresses ?? []).filter((a) => a.street?.trim() && (a.city?.trim() || a.postalCode?.trim()))
  return usable.find((a) => /home|mail/i.test(a.label ?? '')) ?? usable[0]
}

/**
 * The mailing list for a month's 12 Direct batch: pending mail touches of the 12 Direct plan(s)
 * due in `month`, one row per contact (name, two address lines (a street's further lines
 * joined by commas), city, region, postal code,
 * country), sorted by country, postal code and name for presorted mail. Contacts opted out
 * of mail (or of all) and contacts with no usable address are left out and reported.
 * Cells that a spreadsheet would run as a formula are escaped.
 * @returns a problem on `month` when it is not `YYYY-MM`
 */
export function twelveDirectMailingCsv(input: MailingInput, options: MailingOptions): Result<MailingList> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.month)) return fail('month', 'must be a month as YYYY-MM')
  const twelveDirect = (input.plans ?? [])
    .filter((p) => !p.deleted && p.builtin === '12-direct')
    .map((p) => p.id)
  const planIds = new Set(
    options.planIds ?? (twelveDirect.length > 0 ? twelveDirect : [BUILTIN_PLAN_IDS['12-direct']]),
  )
  const blocked = blockedChannels(input.optOuts)
  const contacts = new Map(input.contacts.filter((c) => !c.deleted).map((c) => [c.id, c]))
  const byContact = new Map<string, string[]>()
  for (const t of input.touches) {
    if (t.deleted || t.status !== 'pending' || t.channel !== 'mail' || !t.planId || !planIds.has(t.planId))
      continue
    if (!t.due.startsWith(`${options.month}-`)) continue
    const ids = byContact.get(t.contactId)
    if (ids) ids.push(t.id)
    else byContact.set(t.contactId, [t.id])
  }
  const rows: { cells: string[]; ids: string[] }[] = []
  const skipped: MailingSkip[] = []
  for (const [contactId, ids] of byContact) {
    const c = contacts.get(contactId)
    const name = c?.name.display ?? ''
    if (!c) skipped.push({ contactId, name, reason: 'missing-contact' })
    else if (isBlocked(blocked.get(contactId), 'mail')) skipped.push({ contactId, name, reason: 'opted-out' })
    else {
      const a = mailingAddress(c.addresses)
      if (!a) skipped.push({ contactId, name, reason: 'no-address' })
      else {
        const [line1 = '', ...rest] = a
          .street!.split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean)
        const cells = [
          name,
          line1,
          rest.join(', '),
          a.city ?? '',
          a.region ?? '',
          a.postalCode ?? '',
          a.country ?? '',
        ]
        rows.push({ cells: cells.map((s) => s.trim()), ids })
      }
    }
  }
  const key = (r: { cells: string[] }) => [r.cells[6], r.cells[5], r.cells[0]] as string[]
  rows.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)]
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return byName.compare(ka[i]!, kb[i]!)
    return 0
  })
  skipped.sort((a, b) => byName.compare(a.name, b.name) || (a.contactId < b.contactId ? -1 : 1))
  const csv = Papa.unparse(
    { fields: [...MAILING_COLUMNS], data: rows.map((r) => r.cells) },
    { newline: '\r\n', escapeFormulae: true },
  )
  return ok({ csv, rows: rows.length, touchIds: rows.flatMap((r) => r.ids).sort(), skipped })
}
