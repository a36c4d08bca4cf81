import type { LabeledValue, PersonDraft } from '../../../shared/model'
import type { KnownContact } from '../messages'
import { el, textField } from './dom'
import { knownSummary } from './known-summary'

type TextKey =
  'displayName' | 'givenName' | 'familyName' | 'pronouns' | 'credentials' | 'title' | 'organisation'
type MoreKey = 'linkedinUrl' | 'birthday'

const NAME_FIELDS: [TextKey, string][] = [
  ['displayName', 'Name'],
  ['givenName', 'Given name'],
  ['familyName', 'Family name'],
  ['pronouns', 'Pronouns'],
  ['credentials', 'Credentials'],
  ['title', 'Title'],
  ['organisation', 'Company'],
]
const MORE_FIELDS: [MoreKey, string][] = [
  ['linkedinUrl', 'LinkedIn'],
  ['birthday', 'Birthday'],
]

/** One person of the panel: the editable draft and whether to save it. */
export interface DraftForm {
  element: HTMLDetailsElement
  isIncluded(): boolean
  /** The draft as edited (blank fields left out). */
  read(): PersonDraft
}

/** The name a draft is shown by. */
export function draftName(d: PersonDraft): string {
  return (
    d.displayName ||
    [d.givenName, d.familyName].filter(Boolean).join(' ') ||
    d.emails[0]?.value ||
    d.phones[0]?.value ||
    'Unnamed'
  )
}

/**
 * Builds the editable form of one captured person: every field as a text input (emails and phones
 * one per value, plus an empty one to add), and, when the team knows them, what it knows.
 * @param draft - the captured person
 * @param index - its place in the capture, for input names and test ids
 * @param known - the contact they already are, or `null`
 * @param isOpen - whether the form starts unfolded
 */
export function createDraftForm(
  draft: PersonDraft,
  index: number,
  known: KnownContact | null,
  isOpen: boolean,
): DraftForm {
  const include = el('input', { attrs: { type: 'checkbox', name: `include-${index}`, 'aria-label': 'Save' } })
  include.checked = true
  const tag = known ? el('span', { class: 'tag', text: '· in Rapport' }) : null
  const summary = el('summary', {}, [include, el('strong', { text: draftName(draft) }), tag])
  const details = el('details', { attrs: { 'data-person': String(index) } }, [summary])
  details.open = isOpen
  if (known) details.append(knownSummary(known))

  const singles = new Map<TextKey | MoreKey, HTMLInputElement>()
  for (const [key, label] of NAME_FIELDS) {
    const f = textField(label, key, draft[key])
    singles.set(key, f.input as HTMLInputElement)
    details.append(f.row)
  }
  const emails = listFields(details, 'Email', 'email', draft.emails)
  const phones = listFields(details, 'Phone', 'phone', draft.phones)
  for (const [key, label] of MORE_FIELDS) {
    const f = textField(label, key, draft[key])
    singles.set(key, f.input as HTMLInputElement)
    details.append(f.row)
  }
  const websites = textField('Websites', 'websites', draft.websites.join(', '))
  const tags = textField('Tags', 'tags', draft.tags.join(', '))
  const notes = textField('Notes', 'notes', draft.notes, true)
  details.append(websites.row, tags.row, notes.row)

  const value = (key: TextKey | MoreKey) => singles.get(key)!.value.trim() || undefined
  const csv = (input: HTMLInputElement | HTMLTextAreaElement) =>
    input.value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)

  return {
    element: details,
    isIncluded: () => include.checked,
    read: () => {
      const out: PersonDraft = {
        emails: emails(),
        phones: phones(),
        addresses: draft.addresses,
        websites: csv(websites.input),
        tags: csv(tags.input),
      }
      for (const [key] of [...NAME_FIELDS, ...MORE_FIELDS]) {
        const v = value(key)
        if (v) out[key] = v
      }
      const n = notes.input.value.trim()
      if (n) out.notes = n
      return out
    },
  }
}

/** One input per value and an empty one; reading keeps each value's label. */
function listFields(parent: HTMLElement, label: string, name: string, values: LabeledValue[]) {
  const inputs = [...values, { value: '' }].map((v, i) => {
    const f = textField(i === 0 ? label : '', `${name}-${i}`, v.value)
    parent.append(f.row)
    return { input: f.input as HTMLInputElement, label: 'label' in v ? v.label : undefined }
  })
  return (): LabeledValue[] =>
    inputs
      .map(({ input, label }) => ({ value: input.value.trim(), ...(label ? { label } : {}) }))
      .filter((v) => v.value)
}
