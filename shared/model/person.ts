import * as v from 'valibot'

/** One email, phone, address or website with its label ("work", "home", "mobile", …). */
export const LabeledValue = v.object({
  value: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty')),
  label: v.optional(v.string()),
})
export type LabeledValue = v.InferOutput<typeof LabeledValue>

/** A postal address; every part is optional because exports rarely fill them all. */
export const Address = v.object({
  label: v.optional(v.string()),
  street: v.optional(v.string()),
  city: v.optional(v.string()),
  region: v.optional(v.string()),
  postalCode: v.optional(v.string()),
  country: v.optional(v.string()),
})
export type Address = v.InferOutput<typeof Address>

/**
 * A person as read from outside: an import row, a vCard, a captured page.
 * It is not yet a contact: applying it to the repository dedupes and merges it.
 */
export const PersonDraft = v.object({
  givenName: v.optional(v.string()),
  familyName: v.optional(v.string()),
  displayName: v.optional(v.string()),
  pronouns: v.optional(v.string()),
  credentials: v.optional(v.string()),
  emails: v.optional(v.array(LabeledValue), []),
  phones: v.optional(v.array(LabeledValue), []),
  organisation: v.optional(v.string()),
  title: v.optional(v.string()),
  addresses: v.optional(v.array(Address), []),
  linkedinUrl: v.optional(v.string()),
  websites: v.optional(v.array(v.string()), []),
  notes: v.optional(v.string()),
  tags: v.optional(v.array(v.string()), []),
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (vCard 4.0). */
  birthday: v.optional(v.string()),
})
export type PersonDraft = v.InferOutput<typeof PersonDraft>
export type PersonDraftInput = v.InferInput<typeof PersonDraft>
