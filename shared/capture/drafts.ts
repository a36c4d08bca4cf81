import * as v from 'valibot'
import { PersonDraft, type LabeledValue } from '../model'
import type { NameParts } from './person-name'

/**
 * An empty draft, with the arrays `PersonDraft` fills in.
 * @param name - name parts to start from
 * @returns a draft that passes `PersonDraft`
 */
export function emptyDraft(name: NameParts = {}): PersonDraft {
  return { ...name, emails: [], phones: [], addresses: [], websites: [], tags: [] }
}

/**
 * Adds phone numbers not already on the draft (compared by their digits).
 * @param draft - the draft to change
 * @param phones - numbers to add
 */
export function addPhones(draft: PersonDraft, phones: readonly LabeledValue[]): void {
  const digits = (p: LabeledValue) => p.value.replace(/\D/g, '')
  for (const p of phones) if (!draft.phones.some((q) => digits(q) === digits(p))) draft.phones.push(p)
}

/** A captured draft that the `PersonDraft` schema refuses: a bug in a parser, not bad page content. */
export class CaptureError extends Error {
  override name = 'CaptureError'
}

/**
 * Passes a captured draft through `PersonDraft`, so that callers receive exactly what the schema
 * outputs. Parsers only build valid drafts (trimmed, non-blank values).
 * @param draft - a draft built from the page
 * @returns the parsed draft
 * @throws CaptureError when the draft does not pass, which is a parser bug
 */
export function finishDraft(draft: PersonDraft): PersonDraft {
  const result = v.safeParse(PersonDraft, draft)
  if (result.success) return result.output
  throw new CaptureError(`a captured person does not pass PersonDraft: ${result.issues[0].message}`, {
    cause: result.issues,
  })
}
