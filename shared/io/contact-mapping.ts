import type { ContactInput, Contact } from '../model/contact'
import type { LabeledValue, PersonDraft } from '../model/person'
import { canonicalLinkedInUrl, normalizeEmail, normalizePhone, type CountryCode } from './normalize'

/**
 * Maps a stored contact to a draft, for export and for merging with imported drafts.
 * @param c - the contact
 * @returns the draft; empty notes and missing fields are left out
 */
export function contactToDraft(c: Contact): PersonDraft {
  return {
    givenName: c.name.given,
    familyName: c.name.family,
    displayName: c.name.display,
    pronouns: c.name.pronouns,
    credentials: c.name.credentials,
    emails: c.emails,
    phones: c.phones,
    organisation: c.work.organisation,
    title: c.work.title,
    addresses: c.addresses,
    linkedinUrl: c.web.linkedin,
    websites: c.web.websites,
    notes: c.notes || undefined,
    tags: c.tags,
    birthday: c.profile.birthday,
  }
}

/**
 * Maps an imported draft to the fields of a new contact, as accepted by `ContactInput`.
 * `name.display` is the draft's display name, else given + family name, else the organisation,
 * else the first email, else the first phone. Phones become E.164 when they parse (else they are
 * kept as written); emails and phones are deduped; the LinkedIn URL is made canonical.
 * @param d - a draft that passed `v.parse(PersonDraft, …)`
 * @param defaultCountry - the country for phone numbers written without a `+` calling code; without
 *   it such numbers are kept as written
 * @returns the contact fields; `name.display` is `''` (which `ContactInput` refuses) only when the
 *   draft has no name, organisation, email or phone, which importers never return
 */
export function draftToContactFields(d: PersonDraft, defaultCountry?: CountryCode): ContactInput {
  const given = d.givenName?.trim() || undefined
  const family = d.familyName?.trim() || undefined
  const emails = dedupe(d.emails, (e) => normalizeEmail(e.value))
  const phones = dedupe(
    d.phones.map((p) => ({ ...p, value: normalizePhone(p.value, defaultCountry) ?? p.value.trim() })),
    (p) => p.value.replace(/[^\d+]/g, ''),
  )
  const display =
    d.displayName?.trim() ||
    [given, family].filter(Boolean).join(' ') ||
    d.organisation?.trim() ||
    emails[0]?.value ||
    phones[0]?.value ||
    ''
  const linkedin = d.linkedinUrl ? (canonicalLinkedInUrl(d.linkedinUrl) ?? d.linkedinUrl.trim()) : undefined
  return {
    name: { display, given, family, pronouns: d.pronouns, credentials: d.credentials },
    emails,
    phones,
    addresses: d.addresses,
    web: { linkedin, websites: d.websites },
    work: { organisation: d.organisation?.trim() || undefined, title: d.title?.trim() || undefined },
    tags: [...new Set(d.tags.map((t) => t.trim()).filter(Boolean))],
    notes: d.notes ?? '',
    profile: { birthday: d.birthday },
  }
}

function dedupe(values: LabeledValue[], key: (v: LabeledValue) => string): LabeledValue[] {
  const seen = new Set<string>()
  return values.filter((v) => {
    const k = key(v)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
