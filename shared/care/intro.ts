import * as v from 'valibot'
import { check, fail, ok, type Repo, type Result } from '../doc'
import { Consent, GoodReferral, Text, inputSchema, type IntroInput, type RecordOf } from '../model'
import { ensureExitTouch } from './exit'
import { liveContact, liveIntro, partyId, type IntroParty } from './lookup'

/** What an intro needs to start; consents, outcome and referral come later. */
export interface CreateIntroInput {
  /** By convention the party who asked for the introduction, whose need it serves. */
  partyA: string
  partyB: string
  need: IntroInput['need']
  relevance?: string
  /** A third person (or one of the parties) who asked us to make the introduction. */
  requestedBy?: string
  /** When to follow up after both consented, in days. */
  exitDays?: number
  checklist?: v.InferInput<typeof GoodReferral>
}

const isFullyOptedOut = (repo: Repo, id: string) => repo.optOutState(id).channels.includes('all')

/**
 * Starts an introduction (CARE). Refuses A = B, unknown or deleted contacts, and a party who
 * has opted out of all contact. No consent is assumed: each party is asked separately.
 * @returns the intro, or problems naming the field (nothing written)
 */
export function createIntro(repo: Repo, input: CreateIntroInput): Result<RecordOf<'intros'>> {
  const { exitDays, ...fields } = input
  const valid = check(inputSchema('intros'), {
    ...fields,
    ...(exitDays !== undefined ? { exit: { followUpDays: exitDays } } : {}),
  })
  if (!valid.ok) return valid
  if (input.partyA === input.partyB) return fail('partyB', 'an introduction needs two different people')
  for (const [path, id] of [
    ['partyA', input.partyA],
    ['partyB', input.partyB],
  ] as const) {
    const c = liveContact(repo, id, path)
    if (!c.ok) return c
    if (isFullyOptedOut(repo, id)) {
      return fail(path, `${c.value.name.display} has opted out of all contact: they cannot be introduced`)
    }
  }
  if (input.requestedBy) {
    const by = liveContact(repo, input.requestedBy, 'requestedBy')
    if (!by.ok) return by
  }
  return repo.create('intros', valid.value)
}

/**
 * Records one party's consent, asked separately and privately (CARE: Consent), attributed
 * to the acting member at the clock's time, and notes it on that party's timeline. A
 * consent already recorded is kept as it was. The second consent also creates the exit
 * touch when an exit is planned.
 * @returns the intro, or problems naming the field (nothing written)
 */
export function recordConsent(
  repo: Repo,
  introId: string,
  party: IntroParty,
  consent: { how: Consent['how']; note?: string },
): Result<RecordOf<'intros'>> {
  const found = liveIntro(repo, introId)
  if (!found.ok) return found
  if (party !== 'A' && party !== 'B') return fail('party', 'the party must be A or B')
  const intro = found.value
  const key = party === 'A' ? 'consentA' : 'consentB'
  const s = repo.stamp()
  const valid = check(Consent, { ...consent, at: s.at, by: s.by })
  if (!valid.ok) return valid
  const contactId = partyId(intro, party)
  if (!intro[key] && isFullyOptedOut(repo, contactId)) {
    return fail('party', `party ${party} has opted out of all contact: record an opt-in before their consent`)
  }
  return repo.batch(() => {
    if (!intro[key]) {
      const updated = repo.update('intros', introId, { [key]: valid.value })
      if (!updated.ok) return updated
      const other = repo.get('contacts', partyId(intro, party === 'A' ? 'B' : 'A'))
      repo.timeline.append(
        {
          contactId,
          kind: 'intro',
          at: s.at,
          introId,
          summary: `Agreed (${valid.value.how}) to be introduced to ${other?.name.display ?? 'a contact'}`,
        },
        { id: `${introId}:consent:${party}` },
      )
    }
    const touch = ensureExitTouch(repo, introId)
    if (!touch.ok) return touch
    return ok(repo.get('intros', introId)!)
  })
}

/** Says why the intro helps both sides (CARE: Relevant). */
export function setRelevance(repo: Repo, introId: string, relevance: string): Result<RecordOf<'intros'>> {
  const found = liveIntro(repo, introId)
  if (!found.ok) return found
  const valid = check(Text, relevance, 'relevance')
  if (!valid.ok) return valid
  return repo.update('intros', introId, { relevance: valid.value })
}

/**
 * Fills items of the good-referral checklist, keeping the others. The checklist is one
 * merge unit: two devices editing it at the same moment keep one device's version.
 */
export function setChecklist(
  repo: Repo,
  introId: string,
  patch: v.InferInput<typeof GoodReferral>,
): Result<RecordOf<'intros'>> {
  const found = liveIntro(repo, introId)
  if (!found.ok) return found
  const valid = check(GoodReferral, patch, 'checklist')
  if (!valid.ok) return valid
  return repo.update('intros', introId, { checklist: { ...found.value.checklist, ...valid.value } })
}
