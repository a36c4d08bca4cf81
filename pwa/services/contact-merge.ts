import type { ContactRow, ContactSearchHit, ReadModel } from '../../shared/db'
import { mergedFields } from '../../shared/contacts'
import type { OptOutState } from '../../shared/doc'
import type { Contact } from '../../shared/model'

/** Why a contact is offered as a likely duplicate. */
export type DuplicateReason = 'email' | 'phone' | 'linkedin' | 'name'

/** A contact the user can merge into the open one. */
export interface MergeCandidate {
  id: string
  displayName: string
  /** Empty for a plain search hit. */
  reasons: DuplicateReason[]
  /** The first email or phone, to tell two people of one name apart. */
  detail?: string
}

/** One contact as the preview shows it. */
export interface MergeSide {
  id: string
  name: string
  organisation?: string
  emails: string[]
  phones: string[]
  addresses: string[]
  websites: string[]
  tags: string[]
}

/** What a merge will do, before it is confirmed. */
export interface MergePreview {
  kept: MergeSide
  dropped: MergeSide
  /** The kept contact after the merge. */
  result: MergeSide
  /** Records that will name the kept contact instead of the dropped one. */
  moves: { referrals: number; intros: number; plans: number; touches: number; leads: number }
  /** Opt-out channels the kept contact takes over. */
  optOutChannels: string[]
}

const sideOf = (
  c: Pick<Contact, 'id' | 'name' | 'work' | 'emails' | 'phones' | 'addresses' | 'web' | 'tags'>,
) => ({
  id: c.id,
  name: c.name.display,
  organisation: c.work.organisation,
  emails: c.emails.map((e) => e.value),
  phones: c.phones.map((p) => p.value),
  addresses: c.addresses.map((a) => [a.street, a.city, a.region, a.postalCode].filter(Boolean).join(', ')),
  websites: c.web.websites,
  tags: c.tags,
})

const detailOf = (r: ContactRow) => r.primaryEmail ?? r.primaryPhone

/**
 * The likely duplicates of a contact: others with one of its normalized emails, phones or its
 * LinkedIn profile (indexed in the read model), then those with the same name. Dexie calls only.
 */
export async function findLikelyDuplicates(
  db: ReadModel,
  row: ContactRow,
  searchByName: (query: string) => Promise<ContactSearchHit[]>,
): Promise<MergeCandidate[]> {
  const found = new Map<string, { row: ContactRow; reasons: Set<DuplicateReason> }>()
  const add = (rows: ContactRow[], reason: DuplicateReason) => {
    for (const r of rows) {
      if (r.id === row.id || r.deleted) continue
      const f = found.get(r.id) ?? { row: r, reasons: new Set<DuplicateReason>() }
      f.reasons.add(reason)
      found.set(r.id, f)
    }
  }
  if (row.emails.length) add(await db.contacts.where('emails').anyOf(row.emails).toArray(), 'email')
  if (row.phones.length) add(await db.contacts.where('phones').anyOf(row.phones).toArray(), 'phone')
  if (row.linkedin) add(await db.contacts.where('linkedin').equals(row.linkedin).toArray(), 'linkedin')
  const sameName = (await searchByName(row.displayName)).filter(
    (h) => h.displayName.toLocaleLowerCase() === row.displayName.toLocaleLowerCase(),
  )
  const byName = await db.contacts.bulkGet(sameName.map((h) => h.id))
  add(
    byName.filter((r): r is ContactRow => !!r),
    'name',
  )
  return [...found.values()]
    .map(({ row: r, reasons }) => ({
      id: r.id,
      displayName: r.displayName,
      reasons: [...reasons],
      detail: detailOf(r),
    }))
    .sort((a, b) => b.reasons.length - a.reasons.length || a.displayName.localeCompare(b.displayName))
}

/** Search hits as merge candidates, without the open contact. */
export async function searchCandidates(
  db: ReadModel,
  hits: ContactSearchHit[],
  exceptId: string,
): Promise<MergeCandidate[]> {
  const rows = await db.contacts.bulkGet(hits.filter((h) => h.id !== exceptId).map((h) => h.id))
  return rows
    .filter((r): r is ContactRow => !!r && !r.deleted)
    .map((r) => ({ id: r.id, displayName: r.displayName, reasons: [], detail: detailOf(r) }))
}

/** How many live records name a contact, by what the preview counts. Dexie calls only. */
export async function countReferences(db: ReadModel, contactId: string): Promise<MergePreview['moves']> {
  const live = <T extends { deleted?: unknown }>(rows: T[]) => rows.filter((r) => !r.deleted)
  const referrals = new Set([
    ...live(await db.referrals.where('referrerId').equals(contactId).toArray()).map((r) => r.id),
    ...live(await db.referrals.where('referredId').equals(contactId).toArray()).map((r) => r.id),
  ])
  const intros = new Set([
    ...live(await db.intros.where('partyA').equals(contactId).toArray()).map((r) => r.id),
    ...live(await db.intros.where('partyB').equals(contactId).toArray()).map((r) => r.id),
  ])
  return {
    referrals: referrals.size,
    intros: intros.size,
    plans: live(await db.enrollments.where('contactId').equals(contactId).toArray()).length,
    touches: live(await db.touches.where('contactId').equals(contactId).toArray()).length,
    leads: live(await db.leads.where('contactId').equals(contactId).toArray()).length,
  }
}

/** The preview of merging `dropped` into `kept`: the same rule the merge applies (`mergedFields`). */
export function previewOf(
  kept: Contact,
  dropped: Contact,
  moves: MergePreview['moves'],
  droppedOptOut: OptOutState,
): MergePreview {
  const result = { ...kept, ...mergedFields(kept, dropped) } as Contact
  return {
    kept: sideOf(kept),
    dropped: sideOf(dropped),
    result: sideOf(result),
    moves,
    optOutChannels: droppedOptOut.channels,
  }
}
