import { check, type Result } from '../../shared/doc'
import { normalizePhone } from '../../shared/io'
import {
  ContactPatch,
  type Contact,
  type ContactInput,
  type LabeledValue,
  type RelationshipType,
} from '../../shared/model'

/** The fields of the Add and Edit contact forms, as typed. */
export interface ContactFormValues {
  name: string
  /** One or more, separated by commas. */
  emails: string
  /** One or more, separated by commas. */
  phones: string
  organisation: string
  title: string
  met: boolean
  relationshipType: RelationshipType | ''
  /** Separated by commas. */
  tags: string
  notes: string
}

export const emptyContactForm = (): ContactFormValues => ({
  name: '',
  emails: '',
  phones: '',
  organisation: '',
  title: '',
  met: false,
  relationshipType: '',
  tags: '',
  notes: '',
})

/** The form values of a stored contact, for editing. */
export function contactFormOf(c: Contact): ContactFormValues {
  return {
    name: c.name.display,
    emails: c.emails.map((e) => e.value).join(', '),
    phones: c.phones.map((p) => p.value).join(', '),
    organisation: c.work.organisation ?? '',
    title: c.work.title ?? '',
    met: c.class.met,
    relationshipType: c.class.relationshipType ?? '',
    tags: c.tags.join(', '),
    notes: c.notes,
  }
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Keeps the labels of values that were there before (editing must not drop "work", "mobile"). */
const labeled = (values: string[], before: readonly LabeledValue[] = []): LabeledValue[] =>
  values.map((value) => ({ value, label: before.find((b) => b.value === value)?.label }))

/**
 * The contact fields the form describes, checked the way a person needs: every email looks
 * like one and every phone can be dialled. The repository validates the rest (the name).
 * @param before - the contact being edited, whose labels and other classes are kept
 * @returns the fields, or problems naming the form field
 */
export function contactInputOf(values: ContactFormValues, before?: Contact): Result<ContactInput> {
  const emails = list(values.emails)
  const phones = list(values.phones)
  const problems = [
    ...emails
      .filter((e) => !EMAIL.test(e))
      .map((e) => ({ path: 'email', message: `"${e}" is not an email address` })),
    ...phones
      .filter((p) => !normalizePhone(p, 'US'))
      .map((p) => ({ path: 'phone', message: `"${p}" is not a phone number` })),
  ]
  if (problems.length > 0) return { ok: false, problems }
  const display = values.name.trim()
  const input: ContactInput = {
    // Given and family names stay only while the display name is the one they were split from.
    name: before?.name.display === display ? before.name : { display },
    emails: labeled(emails, before?.emails),
    phones: labeled(phones, before?.phones),
    work: { organisation: values.organisation.trim() || undefined, title: values.title.trim() || undefined },
    class: {
      ...before?.class,
      met: values.met,
      relationshipType: values.relationshipType || undefined,
    },
    tags: list(values.tags),
    notes: values.notes,
  }
  // Checked here too so an empty name is refused before anything else happens.
  const valid = check(ContactPatch, input)
  return valid.ok ? { ok: true, value: input } : valid
}
