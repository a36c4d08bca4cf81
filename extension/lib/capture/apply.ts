import type { Repo } from '../../../shared/doc'
import { createIntro } from '../../../shared/care'
import { mergeContactData, type CountryCode } from '../../../shared/io'
import type { ContactData, InteractionInput } from '../../../shared/model'
import type { CaptureRequest, SaveOutcome, SavedPerson } from '../messages'
import type { QueuedCapture } from './queue'
import type { PersonKeys, PreparedCapture } from './validate'

/** What `applyCapture` needs beside the capture. */
export interface ApplyCaptureOptions {
  /** The contact each person already is (from the read model), by index; `undefined` when new. */
  matches: (string | undefined)[]
  country: CountryCode
  /** The member new contacts belong to, when this browser says who it is. */
  owner?: string
}

const keyList = (k: PersonKeys) =>
  [...k.emails.map((e) => `e:${e}`), ...k.phones.map((p) => `p:${p}`)].concat(
    k.linkedin ? [`l:${k.linkedin}`] : [],
  )

/**
 * Writes a validated capture in one batch: each person merges into the contact they already are
 * (never overwriting a non-empty field) or becomes a new contact, gets a `capture` entry on their
 * timeline, and a proposed introduction is created with both consents unrecorded. Applying the
 * same queued capture twice changes nothing the second time: new records take the queued ids.
 * @param repo - the team's repository, acting as this browser's member
 * @param capture - from `prepareCapture`
 * @param item - the queued capture (its ids)
 * @returns the outcome for the panel; an intro refused by CARE rules is reported, not thrown
 */
export function applyCapture(
  repo: Repo,
  capture: PreparedCapture,
  item: QueuedCapture,
  options: ApplyCaptureOptions,
): Extract<SaveOutcome, { status: 'saved' }> {
  const { request } = capture
  const byKey = new Map<string, string>()
  const at = repo.clock.now()
  // The introducer is written first, so the parties they introduced can name them as referrer.
  const introducer = request.intro?.introducer ?? null
  const order = capture.people
    .map((_, i) => i)
    .sort((a, b) => Number(b === introducer) - Number(a === introducer))
  return repo.batch(() => {
    const saved: SavedPerson[] = []
    for (const i of order) {
      const person = capture.people[i]!
      const inCapture = keyList(person.keys)
        .map((k) => byKey.get(k))
        .find(Boolean)
      const match = [options.matches[i], inCapture].find((id) => {
        const c = id ? repo.get('contacts', id) : undefined
        return c && !c.deleted
      })
      const isParty = request.intro?.partyA === i || request.intro?.partyB === i
      const referrer = introducer !== null && isParty ? saved[introducer]?.contactId : undefined
      saved[i] = match
        ? mergeInto(repo, match, person.data, options.country)
        : createContact(
            repo,
            item.ids.contacts[i]!,
            withSource(person.data, request, referrer, options.owner),
          )
      for (const k of keyList(person.keys)) if (!byKey.has(k)) byKey.set(k, saved[i].contactId)
      repo.timeline.append(interaction(request, saved[i].contactId, at), { id: item.ids.interactions[i] })
    }
    const ids = saved.map((s) => s.contactId)
    const intro = request.intro ? proposeIntro(repo, request, ids) : undefined
    return { status: 'saved', people: saved, ...(intro ? { intro } : {}) }
  })
}

function mergeInto(repo: Repo, id: string, data: ContactData, country: CountryCode): SavedPerson {
  const existing = repo.get('contacts', id)!
  const changes = mergeContactData(existing, data, country)
  if (Object.keys(changes).length === 0) {
    return { contactId: id, displayName: existing.name.display, outcome: 'unchanged' }
  }
  const updated = repo.update('contacts', id, changes)
  if (!updated.ok)
    throw new CaptureWriteError(`could not merge into ${existing.name.display}`, updated.problems)
  return { contactId: id, displayName: updated.value.name.display, outcome: 'merged' }
}

function createContact(repo: Repo, id: string, data: ContactData): SavedPerson {
  const created = repo.create('contacts', data, { id })
  if (!created.ok) throw new CaptureWriteError(`could not create ${data.name.display}`, created.problems)
  return { contactId: id, displayName: created.value.name.display, outcome: 'created' }
}

/** New contacts say where they came from: the thread's introducer when there is one, else the site. */
function withSource(
  data: ContactData,
  request: CaptureRequest,
  referrer: string | undefined,
  owner: string | undefined,
): ContactData {
  const detail = request.thread?.subject ?? request.url
  const source = referrer
    ? { kind: 'referral' as const, referredBy: referrer, detail }
    : { kind: request.source, detail }
  return { ...data, source: data.source ?? source, ...(owner && !data.owner ? { owner } : {}) }
}

function interaction(request: CaptureRequest, contactId: string, at: number): InteractionInput {
  const subject = request.thread?.subject
  const fromGmail = request.source === 'gmail'
  return {
    contactId,
    kind: 'capture',
    at,
    summary: fromGmail ? `Captured from Gmail${subject ? `: ${subject}` : ''}` : 'Captured from LinkedIn',
    ...(fromGmail ? { channel: 'email' as const } : {}),
    ...(subject ? { subject } : {}),
    link: (fromGmail ? request.thread?.link : undefined) ?? request.url,
  }
}

/** Creates the intro unless the same two people already have one waiting (a capture saved twice). */
function proposeIntro(
  repo: Repo,
  request: CaptureRequest,
  ids: string[],
): { id: string } | { problem: string } {
  const intro = request.intro!
  const [a, b] = [ids[intro.partyA]!, ids[intro.partyB]!]
  if (a === b) return { problem: 'both parties are the same contact' }
  const waiting = repo
    .list('intros')
    .find(
      (i) =>
        i.outcome === 'pending' && ((i.partyA === a && i.partyB === b) || (i.partyA === b && i.partyB === a)),
    )
  if (waiting) return { id: waiting.id }
  const requestedBy = intro.introducer === null ? undefined : ids[intro.introducer]
  const subject = request.thread?.subject
  const created = createIntro(repo, {
    partyA: a,
    partyB: b,
    need: {
      text: intro.need?.trim() || `Introduced by email${subject ? `: ${subject}` : ''}`,
      urgency: 'soon',
    },
    ...(requestedBy && requestedBy !== a && requestedBy !== b ? { requestedBy } : {}),
  })
  if (!created.ok) return { problem: created.problems.map((p) => p.message).join('; ') }
  return { id: created.value.id }
}

/** A write the repository refused after validation passed: a bug, not bad input. */
export class CaptureWriteError extends Error {
  override name = 'CaptureWriteError'
  constructor(
    message: string,
    readonly problems: unknown,
  ) {
    super(message, { cause: problems })
  }
}
