import * as v from 'valibot'
import { check, type Problem, type Result } from '../../../shared/doc'
import {
  canonicalLinkedInUrl,
  draftToContactFields,
  normalizeEmail,
  normalizePhone,
} from '../../../shared/io'
import type { CountryCode } from '../../../shared/io'
import { PersonDraft, inputSchema, type ContactData } from '../../../shared/model'
import type { CaptureRequest } from '../messages'

const Index = v.pipe(v.number(), v.integer(), v.minValue(0))

/** The shape of a `capture/save` request: it comes from a content script, so it is checked. */
export const CaptureRequestSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  source: v.picklist(['gmail', 'linkedin']),
  url: v.pipe(v.string(), v.url()),
  people: v.pipe(v.array(PersonDraft), v.minLength(1, 'choose at least one person'), v.maxLength(50)),
  intro: v.optional(
    v.object({
      introducer: v.nullable(Index),
      partyA: Index,
      partyB: Index,
      need: v.optional(v.string()),
    }),
  ),
  thread: v.optional(v.object({ subject: v.optional(v.string()), link: v.optional(v.string()) })),
})

/** The dedupe keys of a person: normalized emails, E.164 phones, the canonical LinkedIn URL. */
export interface PersonKeys {
  emails: string[]
  phones: string[]
  linkedin?: string
}

/** A person ready to be written: the contact's fields and the keys it is deduped by. */
export interface PreparedPerson {
  data: ContactData
  keys: PersonKeys
}

/** A validated capture. */
export interface PreparedCapture {
  request: CaptureRequest
  people: PreparedPerson[]
}

/**
 * The dedupe keys of contact fields.
 * @param country - the region of phone numbers written without a calling code
 */
export function keysOf(
  data: Pick<ContactData, 'emails' | 'phones' | 'web'>,
  country: CountryCode,
): PersonKeys {
  const phones = data.phones.map((p) => normalizePhone(p.value, country)).filter((p): p is string => !!p)
  const linkedin = data.web.linkedin ? canonicalLinkedInUrl(data.web.linkedin) : undefined
  return {
    emails: [...new Set(data.emails.map((e) => normalizeEmail(e.value)).filter(Boolean))],
    phones: [...new Set(phones)],
    ...(linkedin ? { linkedin } : {}),
  }
}

/**
 * Validates a whole capture before anything is written: the request's shape, every person as a
 * contact (a name, or at least an email or phone to name them by), and the intro's parties.
 * @param input - the request as received
 * @param country - the region of phone numbers written without a calling code
 * @returns the prepared capture, or every problem found, each naming its field
 */
export function prepareCapture(input: unknown, country: CountryCode): Result<PreparedCapture> {
  const shape = check(CaptureRequestSchema, input)
  if (!shape.ok) return shape
  const request = shape.value as CaptureRequest
  const problems: Problem[] = []
  const people: PreparedPerson[] = []
  request.people.forEach((draft, i) => {
    const fields = check(inputSchema('contacts'), draftToContactFields(draft, country), `people.${i}`)
    if (!fields.ok) {
      problems.push(
        ...fields.problems.map((p) =>
          p.path === `people.${i}.name.display` ? { ...p, message: 'needs a name, an email or a phone' } : p,
        ),
      )
      return
    }
    people.push({ data: fields.value, keys: keysOf(fields.value, country) })
  })
  const intro = request.intro
  if (intro) {
    const count = request.people.length
    for (const [path, index] of [
      ['intro.partyA', intro.partyA],
      ['intro.partyB', intro.partyB],
      ['intro.introducer', intro.introducer],
    ] as const) {
      if (index !== null && index >= count)
        problems.push({ path, message: `no person ${index} in the capture` })
    }
    if (intro.partyA === intro.partyB) {
      problems.push({ path: 'intro.partyB', message: 'an introduction needs two different people' })
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: { request, people } }
}
