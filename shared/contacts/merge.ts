import type { CountryCode } from 'libphonenumber-js/min'
import type * as Y from 'yjs'
import {
  DELETED_KEY,
  docsOf,
  fail,
  jsonEqual,
  ok,
  readRecord,
  type Problem,
  type Repo,
  type Result,
} from '../doc'
import { mergeContactData } from '../io/apply-import'
import type { ContactData, RecordCollection, RecordOf } from '../model'
import { stopEnrollment, touchesOf } from '../plans/enrollment-state'

/** Why a merge was refused; `problems` name the field (`keepId` or `dropId`) and the contact. */
export type MergeRefusal = 'same-contact' | 'unknown-contact' | 'deleted-contact'

export interface MergeRequest {
  /** The contact that stays and receives the other's data and records. */
  keepId: string
  /** The duplicate, soft-deleted with `mergedInto` pointing at the kept contact. */
  dropId: string
}

/** How many records each collection had re-pointed from the dropped contact to the kept one. */
export type MovedCounts = Partial<Record<RecordCollection, number>>

export interface MergeOutcome {
  keepId: string
  dropId: string
  /** The contact fields the kept contact gained. */
  fields: (keyof ContactData)[]
  moved: MovedCounts
  /** Opt-out events re-recorded on the kept contact. */
  optOuts: number
  /** Enrollments of the dropped contact stopped because the kept one is in the same plan. */
  stoppedEnrollments: string[]
}

export type MergeFailure = { ok: false; reason: MergeRefusal; problems: Problem[] }

/** Where each collection names a contact: the fields re-pointed by a merge. */
export const CONTACT_REFERENCES = {
  referrals: ['referrerId', 'referredId'],
  rewards: ['contactId'],
  intros: ['partyA', 'partyB'],
  enrollments: ['contactId'],
  touches: ['contactId'],
  leads: ['contactId'],
  deals: ['contactId'],
  surveys: ['contactId'],
} as const satisfies Partial<Record<RecordCollection, readonly string[]>>

const refuse = (reason: MergeRefusal, path: string, message: string): MergeFailure => ({
  ...fail(path, message),
  reason,
})

/** Checks a merge request without writing: both contacts exist, are live and differ. */
export function checkMerge(repo: Repo, request: MergeRequest): MergeFailure | undefined {
  const { keepId, dropId } = request
  if (keepId === dropId) return refuse('same-contact', 'dropId', `cannot merge contact ${keepId} with itself`)
  for (const [path, id] of [
    ['keepId', keepId],
    ['dropId', dropId],
  ] as const) {
    const c = repo.get('contacts', id)
    if (!c) return refuse('unknown-contact', path, `no contact ${id}`)
    if (c.deleted) return refuse('deleted-contact', path, `contact ${c.name.display} is deleted`)
  }
  return undefined
}

/** Fills the parts of `kept` that are empty from `dropped`; never overwrites a value. */
function fillEmpty<T extends object>(kept: T, dropped: T): T {
  const out = { ...kept } as Record<string, unknown>
  for (const [k, value] of Object.entries(dropped)) {
    const mine = out[k]
    const isEmpty = mine === undefined || mine === '' || (Array.isArray(mine) && mine.length === 0)
    if (isEmpty && value !== undefined) out[k] = value
  }
  return out as T
}

/**
 * The kept contact's fields after taking in the dropped one's: its own non-empty values stay,
 * lists (emails, phones, addresses, websites, tags) gain what they lack, deduped by normalized
 * value (`mergeContactData`), and empty parts are filled. Returns only the keys that change.
 * A pure function, for the write and for the preview.
 */
export function mergedFields(
  kept: ContactData,
  dropped: ContactData,
  country?: CountryCode,
): Partial<ContactData> {
  const changes: Partial<ContactData> = mergeContactData(kept, dropped, country)
  const more: Partial<ContactData> = {
    class: { ...fillEmpty(kept.class, dropped.class), met: kept.class.met || dropped.class.met },
    profile: fillEmpty(changes.profile ?? kept.profile, dropped.profile),
    source: kept.source ?? dropped.source,
    owner: kept.owner ?? dropped.owner,
  }
  for (const [k, value] of Object.entries(more) as [keyof ContactData, unknown][]) {
    if (value !== undefined && !jsonEqual(JSON.parse(JSON.stringify(value)), kept[k] ?? null)) {
      ;(changes as Record<string, unknown>)[k] = value
    }
  }
  // A contact cannot be its own referrer once the two are one.
  const referredBy = (changes.source ?? kept.source)?.referredBy
  if (referredBy !== undefined && referredBy === (dropped as { id?: string }).id) {
    changes.source = { ...(changes.source ?? kept.source)!, referredBy: undefined }
  }
  return changes
}

/** The contact's data (not its bookkeeping) as a short deterministic fingerprint. */
export function fingerprint(c: RecordOf<'contacts'>): string {
  const skip = new Set(['id', 'created', 'stamp', 'deleted', 'mergedInto', 'mergedFrom', 'mergeSeen'])
  const json = JSON.stringify(c, (k, value: unknown) =>
    skip.has(k)
      ? undefined
      : value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
  )
  // FNV-1a, 32 bits: enough to tell an edit from no edit of one contact.
  let h = 0x811c9dc5
  for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}

/** The id under which an opt-out carried from one contact to another is recorded (idempotent). */
export const carriedOptOutId = (eventId: string, keepId: string) => `${eventId}>${keepId}`

/**
 * Brings a merged (dropped) contact's leftovers to the contact it was merged into: fields it
 * gained since, records still pointing at it, opt-outs still in force on it, and the double
 * enrollments this makes. Idempotent: a second pass writes nothing. Call inside a batch.
 */
function carryOver(repo: Repo, kept: RecordOf<'contacts'>, dropped: RecordOf<'contacts'>): MergeOutcome {
  const name = dropped.name.display
  const print = fingerprint(dropped)
  // Fields only when the dropped contact's data changed since it was last carried over.
  const isNew = kept.mergeSeen?.[dropped.id] !== print
  const changes: Partial<ContactData> = isNew ? mergedFields(kept, dropped) : {}
  const mergedFrom = [...new Set([...(kept.mergedFrom ?? []), ...(dropped.mergedFrom ?? []), dropped.id])]
  if (!jsonEqual(mergedFrom, kept.mergedFrom ?? [])) changes.mergedFrom = mergedFrom
  if (isNew) changes.mergeSeen = { ...kept.mergeSeen, [dropped.id]: print }
  if (Object.keys(changes).length) repo.update('contacts', kept.id, changes)

  // No double enrollment: the dropped contact's enrollment stops where the kept one is in the plan.
  const stoppedEnrollments: string[] = []
  const enrollments = repo.list('enrollments')
  const keptPlans = new Set(
    enrollments.filter((e) => e.contactId === kept.id && e.status === 'active').map((e) => e.planId),
  )
  for (const e of enrollments) {
    if (e.contactId !== dropped.id || e.status !== 'active' || !keptPlans.has(e.planId)) continue
    stopEnrollment(repo, e, `merged into ${kept.name.display}, already in this plan`, touchesOf(repo, e.id))
    stoppedEnrollments.push(e.id)
  }

  const moved: MovedCounts = {}
  for (const [c, fields] of Object.entries(CONTACT_REFERENCES) as [RecordCollection, readonly string[]][]) {
    for (const r of repo.list(c, { includeDeleted: true })) {
      const patch: Record<string, string> = {}
      for (const f of fields)
        if ((r as unknown as Record<string, unknown>)[f] === dropped.id) patch[f] = kept.id
      if (!Object.keys(patch).length) continue
      // A deleted record keeps its history as it was; only live records move.
      if (r.deleted) continue
      if (repo.update(c, r.id, patch as never).ok) moved[c] = (moved[c] ?? 0) + 1
    }
  }
  for (const c of repo.list('contacts')) {
    if (c.source?.referredBy !== dropped.id || c.id === kept.id) continue
    if (repo.update('contacts', c.id, { source: { ...c.source, referredBy: kept.id } }).ok) {
      moved.contacts = (moved.contacts ?? 0) + 1
    }
  }

  // Opt-outs are never lost: each event in force on the dropped contact is re-recorded on the
  // kept one, attributed to whoever merges, under an id derived from the event (so a second
  // pass, or two devices, record it once; an opt-in on the kept contact then stays in force).
  let optOuts = 0
  const ledger = repo.docs.team.getMap('optOuts')
  for (const e of repo.optOutState(dropped.id).active) {
    const id = carriedOptOutId(e.id, kept.id)
    if (ledger.has(id)) continue
    const reason = `merged from ${name}${e.reason ? `: ${e.reason}` : ''}`
    if (repo.optOut(kept.id, { channel: e.channel, reason }, { id }).ok) optOuts++
  }
  return {
    keepId: kept.id,
    dropId: dropped.id,
    fields: Object.keys(changes) as (keyof ContactData)[],
    moved,
    optOuts,
    stoppedEnrollments,
  }
}

/**
 * Merges two duplicates in one batch: the kept contact takes the dropped one's data where its
 * own is empty and the union of its lists; every record naming the dropped contact names the
 * kept one; opt-outs in force on the dropped contact are re-recorded on the kept one; an
 * enrollment in a plan the kept contact is already in is stopped; the dropped contact is
 * soft-deleted with `mergedInto`. Timeline entries are append-only and keep their contact:
 * the kept contact lists the merged ids in `mergedFrom`, and its timeline shows theirs too.
 * Refuses (nothing written) a merge with itself, with a deleted contact or an unknown id.
 */
export function mergeContacts(repo: Repo, request: MergeRequest): Result<MergeOutcome> | MergeFailure {
  const refused = checkMerge(repo, request)
  if (refused) return refused
  return repo.batch(() => {
    const kept = repo.get('contacts', request.keepId)!
    const dropped = repo.get('contacts', request.dropId)!
    const outcome = carryOver(repo, kept, dropped)
    repo.update('contacts', dropped.id, { mergedInto: kept.id })
    repo.remove('contacts', dropped.id)
    repo.timeline.append({
      contactId: kept.id,
      kind: 'note',
      at: repo.stamp().at,
      summary: `Merged ${dropped.name.display} into this contact`,
    })
    return ok(outcome)
  })
}

/** The soft-deleted contacts that carry `mergedInto`, read without decoding every contact. */
function mergedTombstones(repo: Repo): RecordOf<'contacts'>[] {
  const out: RecordOf<'contacts'>[] = []
  for (const doc of docsOf(repo.docs, 'contacts')) {
    for (const [id, m] of (doc.getMap('contacts') as Y.Map<Y.Map<unknown>>).entries()) {
      if (m.get(DELETED_KEY) && m.get('mergedInto')) out.push(readRecord('contacts', id, m))
    }
  }
  return out
}

/** The ids, among `ids`, that some live record or contact source still names. */
function stillNamed(repo: Repo, ids: ReadonlySet<string>): Set<string> {
  const named = new Set<string>()
  for (const [c, fields] of Object.entries(CONTACT_REFERENCES) as [RecordCollection, readonly string[]][]) {
    for (const r of repo.list(c)) {
      for (const f of fields) {
        const v = (r as unknown as Record<string, unknown>)[f]
        if (typeof v === 'string' && ids.has(v)) named.add(v)
      }
    }
  }
  for (const c of repo.list('contacts')) {
    if (c.source?.referredBy && ids.has(c.source.referredBy)) named.add(c.source.referredBy)
  }
  return named
}

/**
 * After a sync: what another device did to a merged contact while the merge was on its way —
 * an edit, a new touch or referral, an opt-out — is carried to the contact it was merged into
 * (fields only where the kept contact's are empty, lists by union). The edit also stays on the
 * tombstone. Idempotent, and cheap when there is nothing to carry (one pass over the reference
 * collections for all merged contacts); returns what it carried, per merged contact.
 */
export function reconcileMerges(repo: Repo): MergeOutcome[] {
  const out: MergeOutcome[] = []
  const merged = mergedTombstones(repo)
  if (!merged.length) return out
  const named = stillNamed(repo, new Set(merged.map((c) => c.id)))
  const ledger = repo.docs.team.getMap('optOuts')
  repo.batch(() => {
    for (const dropped of merged) {
      // Follow a chain of merges (A into B, then B into C) to the live contact.
      let kept = repo.get('contacts', dropped.mergedInto!)
      for (let hops = 0; kept?.deleted && kept.mergedInto && hops < 16; hops++) {
        kept = repo.get('contacts', kept.mergedInto)
      }
      if (!kept || kept.deleted) continue
      const keptId = kept.id
      const needed =
        named.has(dropped.id) ||
        !(kept.mergedFrom ?? []).includes(dropped.id) ||
        kept.mergeSeen?.[dropped.id] !== fingerprint(dropped) ||
        repo.optOutState(dropped.id).active.some((e) => !ledger.has(carriedOptOutId(e.id, keptId)))
      if (!needed) continue
      const r = carryOver(repo, kept, dropped)
      if (r.fields.length || r.optOuts || r.stoppedEnrollments.length || Object.keys(r.moved).length)
        out.push(r)
    }
  })
  return out
}
