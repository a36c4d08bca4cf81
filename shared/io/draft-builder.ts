import * as v from 'valibot'
import { PersonDraft, type Address } from '../model/person'
import { normalizeLabel } from './labels'
import { canonicalLinkedInUrl, normalizeEmail } from './normalize'
import type { ImportError } from './types'

/** The single-valued text fields of a draft that importers set. */
type TextField = 'givenName' | 'familyName' | 'displayName' | 'credentials' | 'organisation' | 'title'

/** Collects one person from a row or a card, then validates it into a `PersonDraft`. */
export type DraftBuilder = {
  /** Sets a text field unless it is blank or already set. */
  set(field: TextField, value: string | undefined): void
  /** Adds an email unless blank or already present; reports text that is not an address. */
  addEmail(value: string | undefined, label?: string): void
  /** Adds a phone number as written unless blank or already present. */
  addPhone(value: string | undefined, label?: string): void
  /** Adds a postal address unless all its parts are blank. */
  addAddress(address: Address): void
  /** Adds a URL: a LinkedIn profile becomes `linkedinUrl`, anything else a website. */
  addUrl(value: string | undefined): void
  /** Adds tags, dropping blanks, duplicates and Google's `myContacts` system label. */
  addTags(values: string[]): void
  /** Appends a paragraph to the notes. */
  addNote(value: string | undefined): void
  /** Sets the birthday (already `YYYY-MM-DD` or `--MM-DD`). */
  setBirthday(value: string | undefined): void
  /** Records a problem with a value that was left out; the person is still imported. */
  problem(message: string): void
  /**
   * Validates what was collected.
   * @param line - the line to report problems on
   * @returns the draft (or `undefined` when it has no name, organisation, email or phone) and
   *   the problems found
   */
  build(line: number): { draft?: PersonDraft; errors: ImportError[] }
}

const SYSTEM_TAGS = new Set(['mycontacts', 'my contacts'])

/**
 * Creates a builder for one imported person.
 * @returns an empty builder
 */
export function createDraftBuilder(): DraftBuilder {
  const draft: Partial<Record<TextField, string>> & {
    emails: { value: string; label?: string }[]
    phones: { value: string; label?: string }[]
    addresses: Address[]
    websites: string[]
    tags: string[]
    notes: string[]
    linkedinUrl?: string
    birthday?: string
  } = { emails: [], phones: [], addresses: [], websites: [], tags: [], notes: [] }
  const problems: string[] = []

  return {
    set(field, value) {
      const text = value?.trim()
      if (text && !draft[field]) draft[field] = text
    },
    addEmail(value, label) {
      const text = value?.trim().replace(/^mailto:/i, '')
      if (!text) return
      if (!/^[^\s@]+@[^\s@]+$/.test(text)) {
        problems.push(`"${text}" is not an email address, so it was left out`)
        return
      }
      if (!draft.emails.some((e) => normalizeEmail(e.value) === normalizeEmail(text))) {
        draft.emails.push(withLabel(text, label))
      }
    },
    addPhone(value, label) {
      const text = value?.trim().replace(/^tel:/i, '')
      if (!text) return
      const digits = text.replace(/\D/g, '')
      if (!draft.phones.some((p) => p.value.replace(/\D/g, '') === digits)) {
        draft.phones.push(withLabel(text, label))
      }
    },
    addAddress(address) {
      const parts = Object.entries(address).filter(([k, val]) => k !== 'label' && val?.trim())
      if (parts.length === 0) return
      const clean: Address = {}
      for (const [k, val] of parts) clean[k as keyof Address] = val?.trim()
      const label = normalizeLabel(address.label)
      draft.addresses.push(label ? { label, ...clean } : clean)
    },
    addUrl(value) {
      const text = value?.trim()
      if (!text) return
      const linkedin = canonicalLinkedInUrl(text)
      if (linkedin) draft.linkedinUrl ??= linkedin
      else if (!draft.websites.some((w) => w.toLowerCase() === text.toLowerCase())) draft.websites.push(text)
    },
    addTags(values) {
      for (const raw of values) {
        const tag = raw.replace(/^\*\s*/, '').trim()
        if (tag && !SYSTEM_TAGS.has(tag.toLowerCase()) && !draft.tags.includes(tag)) draft.tags.push(tag)
      }
    },
    addNote(value) {
      const text = value?.replace(/\r\n?/g, '\n').trim()
      if (text) draft.notes.push(text)
    },
    setBirthday(value) {
      if (value) draft.birthday ??= value
    },
    problem(message) {
      problems.push(message)
    },
    build(line) {
      const errors = problems.map((message) => ({ line, message }))
      const { notes, ...rest } = draft
      const hasIdentity =
        draft.givenName || draft.familyName || draft.displayName || draft.organisation || draft.emails.length
      if (!hasIdentity && draft.phones.length === 0) {
        errors.push({ line, message: 'no name, organisation, email or phone, so it was not imported' })
        return { errors }
      }
      const result = v.safeParse(PersonDraft, {
        ...rest,
        notes: notes.length ? notes.join('\n\n') : undefined,
      })
      if (!result.success) {
        const issue = result.issues[0]
        const path = issue.path?.map((p) => String(p.key)).join('.') ?? ''
        errors.push({ line, message: `${path ? `${path}: ` : ''}${issue.message}; not imported` })
        return { errors }
      }
      return { draft: result.output, errors }
    },
  }
}

function withLabel(value: string, label: string | undefined): { value: string; label?: string } {
  const l = normalizeLabel(label)
  return l ? { value, label: l } : { value }
}
