import * as v from 'valibot'
import { check, fail, ok, type Repo, type Result } from '../doc'
import { draftToContactFields, normalizeEmail, normalizePhone, type CountryCode } from '../io'
import { PersonDraft, inputSchema, type ContactData, type PersonDraftInput, type RecordOf } from '../model'
import { usableSource } from './sources'
import { isClosedLead, leadStageEventId } from './stages'

/** Where the lead's person comes from: a known contact, or a person read from outside. */
export type LeadPerson =
  { contactId: string; person?: undefined } | { person: PersonDraftInput; contactId?: undefined }

/** A lead entering the funnel, whatever the way in. */
export type CaptureLeadInput = LeadPerson & {
  /** A source from the team's list; required, and it must be active. */
  sourceId: string
  entry: 'manual' | 'import' | 'capture'
  need?: string
  /** When the lead arrived. @default the clock's now */
  receivedAt?: number
}

export interface CaptureLeadOptions {
  /** The region for phone numbers written without a `+` calling code. @default 'US' */
  defaultCountry?: CountryCode
}

/** The lead in the inbox and its contact, and whether either was new. */
export interface CapturedLead {
  lead: RecordOf<'leads'>
  contact: RecordOf<'contacts'>
  isNewContact: boolean
  isNewLead: boolean
}

const Entry = v.picklist(['manual', 'import', 'capture'])

/** A live contact sharing a normalized email or phone with `data`. */
function matchContact(repo: Repo, data: ContactData, country: CountryCode) {
  const keys = new Set([
    ...data.emails.map((e) => `e:${normalizeEmail(e.value)}`),
    ...data.phones.flatMap((p) =>
      normalizePhone(p.value, country) ? [`p:${normalizePhone(p.value, country)}`] : [],
    ),
  ])
  if (keys.size === 0) return undefined
  return repo
    .list('contacts')
    .find((c) =>
      [
        ...c.emails.map((e) => `e:${normalizeEmail(e.value)}`),
        ...c.phones.map((p) => `p:${normalizePhone(p.value, country)}`),
      ].some((k) => keys.has(k)),
    )
}

/**
 * Funnels a lead into the one inbox (FAST's F), whatever its entry: typed by hand, imported
 * or captured from a page. The source must be an active entry of the team's list. A person
 * is matched to an existing contact by normalized email or phone, or becomes a new contact
 * tagged with the source. An open lead of the same contact and source is returned, not
 * doubled. Everything is validated before the first write.
 * @returns the lead and contact, or problems naming the field (nothing written)
 */
export function captureLead(
  repo: Repo,
  input: CaptureLeadInput,
  options: CaptureLeadOptions = {},
): Result<CapturedLead> {
  const source = usableSource(repo, input.sourceId)
  if (!source.ok) return source
  const entry = check(Entry, input.entry, 'entry')
  if (!entry.ok) return entry
  let contact: RecordOf<'contacts'> | undefined
  let newContact: ContactData | undefined
  if (input.contactId !== undefined) {
    contact = repo.get('contacts', input.contactId)
    if (!contact) return fail('contactId', `no contact ${input.contactId}`)
    if (contact.deleted) return fail('contactId', `contact ${contact.name.display} is deleted`)
  } else if (input.person) {
    const country = options.defaultCountry ?? 'US'
    const draft = check(PersonDraft, input.person, 'person')
    if (!draft.ok) return draft
    const fields = {
      ...draftToContactFields(draft.value, country),
      source: { kind: source.value.kind, sourceId: source.value.id },
    }
    const data = check(inputSchema('contacts'), fields, 'person')
    if (!data.ok) return data
    contact = matchContact(repo, data.value, country)
    if (!contact) newContact = data.value
  } else {
    return fail('contactId', 'a lead needs a contact or a person')
  }
  if (contact) {
    const open = repo
      .list('leads')
      .find((l) => l.contactId === contact!.id && l.sourceId === source.value.id && !isClosedLead(l.stage))
    if (open) return ok({ lead: open, contact, isNewContact: false, isNewLead: false })
  }
  const receivedAt = input.receivedAt ?? repo.clock.now()
  const lead = {
    contactId: contact?.id ?? 'new',
    sourceId: source.value.id,
    entry: entry.value,
    stage: 'new' as const,
    stageAt: { new: receivedAt },
    receivedAt,
    ...(input.need?.trim() ? { need: input.need.trim() } : {}),
  }
  const valid = check(inputSchema('leads'), lead)
  if (!valid.ok) return valid
  return repo.batch(() => {
    if (newContact) {
      const made = repo.create('contacts', newContact)
      if (!made.ok) return made
      contact = made.value
    }
    const created = repo.create('leads', { ...valid.value, contactId: contact!.id })
    if (!created.ok) return created
    repo.timeline.append(
      {
        contactId: contact!.id,
        kind: 'capture',
        at: receivedAt,
        summary: `New lead from ${source.value.name} (${entry.value})${lead.need ? `: ${lead.need}` : ''}`,
      },
      { id: leadStageEventId(created.value.id, 'new') },
    )
    return ok({ lead: created.value, contact: contact!, isNewContact: !!newContact, isNewLead: true })
  })
}

/** The one inbox: live leads still at `new`, oldest first (then by id, the same on every device). */
export function leadInbox(records: readonly RecordOf<'leads'>[]): RecordOf<'leads'>[] {
  return records
    .filter((l) => !l.deleted && l.stage === 'new')
    .sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
