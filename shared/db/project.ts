import type * as Y from 'yjs'
import { readRecord, type OptOutState } from '../doc'
import { normalizeEmail, normalizePhone, canonicalLinkedInUrl, type CountryCode } from '../io/normalize'
import type { Contact, Interaction, RecordCollection, Tombstone } from '../model'
import { foldName, nameTokens } from './fold'
import type { AnyRow, ContactRow, ProjectedTable, TouchRow } from './rows'

/** A contact row before the fields derived from other collections (the ledger, the touches). */
export type ContactBase = Omit<ContactRow, 'optedOut' | 'optOutChannels' | 'nextTouchDue'>

/** Drops `undefined` properties, so a row holds exactly what IndexedDB stores. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k]
  return o
}

const unique = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))]

/** Turns a stored record (a Y.Map) or timeline entry (JSON) into its row; `shard` for shard tables. */
export function projectRow(
  table: Exclude<ProjectedTable, 'contacts'>,
  id: string,
  value: unknown,
  shard?: number,
): AnyRow {
  if (table === 'interactions') return { ...(value as Interaction), id, shard: shard! }
  const { deleted, ...rest } = readRecord(table as RecordCollection, id, value as Y.Map<unknown>) as {
    deleted?: Tombstone | null
  }
  return compact({ ...rest, deleted: deleted ? 1 : 0, tombstone: deleted ?? undefined, shard }) as AnyRow
}

/**
 * Projects a contact record into the list row, without the derived fields.
 * @param defaultCountry - the region of phone numbers written without a country code
 */
export function projectContactBase(
  id: string,
  map: Y.Map<unknown>,
  shard: number,
  defaultCountry: CountryCode | undefined,
): ContactBase {
  const c = readRecord('contacts', id, map) as Partial<Contact> & Pick<Contact, 'id' | 'created' | 'stamp'>
  const name = c.name ?? { display: '' }
  const emails = c.emails ?? []
  const phones = c.phones ?? []
  // Digits in an email's local part ("kpark2024") are not part of a name: only its words are searched.
  const locals = emails.map((e) => e.value.split('@')[0]!.replace(/\d+/g, ' '))
  return compact({
    id,
    shard,
    deleted: c.deleted ? 1 : 0,
    kind: c.kind ?? 'person',
    displayName: name.display,
    givenName: name.given,
    familyName: name.family,
    sortKey: foldName(name.display),
    organisation: c.work?.organisation,
    title: c.work?.title,
    primaryEmail: emails[0]?.value,
    primaryPhone: phones[0]?.value,
    city: c.addresses?.find((a) => a.city)?.city,
    emails: unique(emails.map((e) => normalizeEmail(e.value))),
    phones: unique(phones.map((p) => normalizePhone(p.value, defaultCountry))),
    linkedin: c.web?.linkedin ? canonicalLinkedInUrl(c.web.linkedin) : undefined,
    nameTokens: nameTokens(name.display, name.given, name.family, c.work?.organisation, ...locals),
    tags: unique(c.tags ?? []),
    circles: c.class?.circles ?? [],
    met: c.class?.met ? 1 : 0,
    relationshipType: c.class?.relationshipType,
    innerCircleRole: c.class?.innerCircleRole,
    targetGroup: c.class?.targetGroup,
    sourceKind: c.source?.kind,
    sourceId: c.source?.sourceId,
    referredBy: c.source?.referredBy,
    owner: c.owner,
    createdAt: c.created.at,
    updatedAt: c.stamp.at,
  } satisfies ContactBase)
}

/** Adds the derived fields to a contact row: the opt-out standing and the next touch due. */
export function withDerived(
  base: ContactBase,
  optOut: OptOutState | undefined,
  nextTouchDue?: string,
): ContactRow {
  return compact({
    ...base,
    optedOut: optOut?.isOptedOut ? 1 : 0,
    optOutChannels: optOut?.channels ?? [],
    nextTouchDue,
  })
}

/** Whether a touch counts for a contact's next touch due: pending and not deleted. */
export function isOpenTouch(t: TouchRow): boolean {
  return t.deleted === 0 && t.status === 'pending'
}

/** The earliest due day per contact among open touches. */
export function nextTouchDueByContact(touches: Iterable<TouchRow>): Map<string, string> {
  const out = new Map<string, string>()
  for (const t of touches) {
    if (!isOpenTouch(t)) continue
    const cur = out.get(t.contactId)
    if (cur === undefined || t.due < cur) out.set(t.contactId, t.due)
  }
  return out
}
