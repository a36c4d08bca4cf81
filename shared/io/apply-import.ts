import type { CountryCode } from 'libphonenumber-js/min'
import { fail, ok, jsonEqual, type Problem, type Repo, type Result } from '../doc'
import { type ContactData, type LabeledValue, type PersonDraft, type RecordOf } from '../model'
import { draftToContactFields } from './contact-mapping'
import { canonicalLinkedInUrl, normalizeEmail, normalizePhone } from './normalize'

export interface ApplyImportOptions {
  /** The region for phone numbers written without a `+` calling code. @default 'US' */
  defaultCountry?: CountryCode
  /** Tags added to every imported contact (e.g. the file's name). @default [] */
  tags?: string[]
  fileName?: string
  /**
   * The team's contacts by dedupe key, from `createImportIndex`: pass the same one to every
   * chunk of a large import, so the team is indexed once, not once per chunk (each call adds
   * the contacts it creates or merges). @default built from the repository for this call
   */
  index?: ImportIndex
}

/** The live contacts by normalized email, phone and LinkedIn URL (the dedupe keys). */
export interface ImportIndex {
  readonly byKey: Map<string, string>
  readonly country: CountryCode
}

/**
 * Indexes the team's live contacts by their dedupe keys, for `applyImport`'s `index`. Contacts
 * written by others after this (a sync during the import) are not in it.
 */
export function createImportIndex(repo: Repo, defaultCountry: CountryCode = 'US'): ImportIndex {
  const byKey = new Map<string, string>()
  for (const c of repo.list('contacts')) {
    for (const k of keysOf(c, defaultCountry)) if (!byKey.has(k)) byKey.set(k, c.id)
  }
  return { byKey, country: defaultCountry }
}

type ContactKey = keyof ContactData
/** One contact the import changed, with the values it replaced (for undo). */
export interface MergedContact {
  id: string
  before: Partial<Record<ContactKey, unknown>>
  after: Partial<Record<ContactKey, unknown>>
}

/** What one import did; keep it to undo the import as one batch. */
export interface ImportBatch {
  id: string
  at: number
  by: string
  fileName?: string
  created: string[]
  merged: MergedContact[]
}

export interface ApplyImportResult {
  batch: ImportBatch
  created: number
  merged: number
  /** Drafts that matched a contact and added nothing new. */
  skipped: number
  /** Drafts refused by validation, by their index in the input; nothing of them was written. */
  invalid: { index: number; problems: Problem[] }[]
}

const E164 = /^\+[1-9]\d{6,14}$/

/** The dedupe keys of a contact or draft: normalized emails, E.164 phones, canonical LinkedIn URL. */
function keysOf(data: Pick<ContactData, 'emails' | 'phones' | 'web'>, country: CountryCode): string[] {
  const keys: string[] = []
  for (const e of data.emails ?? []) keys.push(`e:${normalizeEmail(e.value)}`)
  for (const p of data.phones ?? []) {
    // Drafts arrive with phones already in E.164 where they parse: no need to parse them twice.
    const n = E164.test(p.value) ? p.value : normalizePhone(p.value, country)
    if (n) keys.push(`p:${n}`)
  }
  const li = data.web?.linkedin && canonicalLinkedInUrl(data.web.linkedin)
  if (li) keys.push(`l:${li}`)
  return keys
}

const unionBy = (a: LabeledValue[], b: LabeledValue[], key: (s: string) => string) => {
  const seen = new Set(a.map((x) => key(x.value)))
  return [...a, ...b.filter((x) => !seen.has(key(x.value)) && seen.add(key(x.value)))]
}

/**
 * Merges imported data into existing data without overwriting anything non-empty: lists
 * (emails, phones, addresses, websites, tags) gain what they lack, empty parts are filled,
 * and differing notes are appended. Returns only the keys that change.
 */
export function mergeContactData(
  existing: ContactData,
  incoming: ContactData,
  country: CountryCode = 'US',
): Partial<ContactData> {
  const phoneKey = (s: string) => normalizePhone(s, country) ?? s.replace(/\D/g, '')
  const merged: Partial<ContactData> = {
    name: {
      ...incoming.name,
      ...Object.fromEntries(Object.entries(existing.name).filter(([, value]) => value)),
    } as ContactData['name'],
    emails: unionBy(existing.emails, incoming.emails, normalizeEmail),
    phones: unionBy(existing.phones, incoming.phones, phoneKey),
    addresses: [
      ...existing.addresses,
      ...incoming.addresses.filter((a) => !existing.addresses.some((b) => jsonEqual(a, b))),
    ],
    web: {
      linkedin: existing.web.linkedin || incoming.web.linkedin,
      websites: [...new Set([...existing.web.websites, ...incoming.web.websites])],
    },
    work: {
      organisation: existing.work.organisation || incoming.work.organisation,
      title: existing.work.title || incoming.work.title,
    },
    tags: [...new Set([...existing.tags, ...incoming.tags])],
    notes:
      !incoming.notes || existing.notes.includes(incoming.notes)
        ? existing.notes
        : [existing.notes, incoming.notes].filter(Boolean).join('\n\n'),
    profile: { ...existing.profile, birthday: existing.profile.birthday || incoming.profile.birthday },
  }
  const changes: Partial<ContactData> = {}
  for (const [k, value] of Object.entries(merged) as [ContactKey, unknown][]) {
    if (!jsonEqual(JSON.parse(JSON.stringify(value ?? null)), existing[k] ?? null)) {
      ;(changes as Record<string, unknown>)[k] = value
    }
  }
  return changes
}

/**
 * Applies parsed contacts to the team: each is deduped against the live contacts (and the
 * rest of the file) by normalized email, phone or LinkedIn URL, then merged without
 * overwriting non-empty fields, or created. Every draft is validated before the first write,
 * and all writes form one batch. Opt-outs are never touched: they live in their own ledger.
 */
export function applyImport(
  repo: Repo,
  drafts: PersonDraft[],
  options: ApplyImportOptions = {},
): Result<ApplyImportResult> {
  const country = options.defaultCountry ?? 'US'
  const invalid: ApplyImportResult['invalid'] = []
  const valid: { index: number; data: ContactData }[] = []
  drafts.forEach((draft, index) => {
    const fields = draftToContactFields(draft, country)
    if (options.tags?.length) fields.tags = [...new Set([...(fields.tags ?? []), ...options.tags])]
    const r = repo.validate('contacts', fields)
    if (r.ok) valid.push({ index, data: r.value })
    else invalid.push({ index, problems: r.problems })
  })
  if (valid.length === 0 && invalid.length > 0) return fail('', 'no contact in the file could be imported')

  // The live contacts by their keys; contacts created by this import join the index.
  if (options.index && options.index.country !== country) {
    return fail('index', `the index is for ${options.index.country}, the import for ${country}`)
  }
  const byKey = (options.index ?? createImportIndex(repo, country)).byKey
  const current = new Map<string, ContactData>()

  const batchId = repo.ids.next()
  const batch: ImportBatch = {
    id: batchId,
    at: 0,
    by: repo.actor,
    fileName: options.fileName,
    created: [],
    merged: [],
  }
  const mergedById = new Map<string, MergedContact>()
  let skipped = 0

  repo.batch(() => {
    batch.at = repo.stamp().at
    for (const { data } of valid) {
      const keys = keysOf(data, country)
      const matchId = keys.map((k) => byKey.get(k)).find(Boolean)
      if (!matchId) {
        const created = repo.create('contacts', data)
        if (!created.ok) continue // validated above; cannot happen
        batch.created.push(created.value.id)
        current.set(created.value.id, data)
        for (const k of keys) if (!byKey.has(k)) byKey.set(k, created.value.id)
        continue
      }
      const existing = current.get(matchId) ?? (repo.get('contacts', matchId) as RecordOf<'contacts'>)
      const changes = mergeContactData(existing, data, country)
      if (Object.keys(changes).length === 0) {
        skipped++
        continue
      }
      const updated = repo.update('contacts', matchId, changes)
      if (!updated.ok) continue
      current.set(matchId, updated.value)
      for (const k of keysOf(updated.value, country)) if (!byKey.has(k)) byKey.set(k, matchId)
      if (batch.created.includes(matchId)) continue // merged into a contact this import created
      const entry = mergedById.get(matchId) ?? { id: matchId, before: {}, after: {} }
      for (const k of Object.keys(changes) as ContactKey[]) {
        if (!(k in entry.before)) entry.before[k] = existing[k]
        entry.after[k] = updated.value[k]
      }
      mergedById.set(matchId, entry)
    }
  }, batchId)
  batch.merged = [...mergedById.values()]
  return ok({ batch, created: batch.created.length, merged: batch.merged.length, skipped, invalid })
}

/**
 * Undoes an import as one batch: contacts it created are soft-deleted, and fields it merged
 * are put back — unless someone changed them since, in which case their edit is kept.
 * @returns how many contacts were reverted, and the fields left alone because they changed
 */
export function undoImport(repo: Repo, batch: ImportBatch): { reverted: number; keptEdits: string[] } {
  let reverted = 0
  const keptEdits: string[] = []
  repo.batch(() => {
    for (const id of batch.created) if (repo.remove('contacts', id).ok) reverted++
    for (const m of batch.merged) {
      const now = repo.get('contacts', m.id)
      if (!now || now.deleted) continue
      const patch: Record<string, unknown> = {}
      for (const [k, after] of Object.entries(m.after)) {
        if (jsonEqual(now[k as ContactKey], after)) patch[k] = m.before[k as ContactKey]
        else keptEdits.push(`${m.id}.${k}`)
      }
      if (Object.keys(patch).length && repo.update('contacts', m.id, patch).ok) reverted++
    }
  })
  return { reverted, keptEdits }
}
