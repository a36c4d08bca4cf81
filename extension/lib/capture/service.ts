import { createRepo } from '../../../shared/doc'
import type { Clock, IdSource } from '../../../shared/host'
import { draftToContactFields, type CountryCode } from '../../../shared/io'
import { PersonDraft } from '../../../shared/model'
import * as v from 'valibot'
import { errorText, type KnownContact, type RecentCapture, type SaveOutcome } from '../messages'
import type { TeamReplica } from '../replica'
import { applyCapture } from './apply'
import { describeKnown } from './known'
import { findByKeys } from './match'
import type { CaptureQueue, QueuedCapture } from './queue'
import type { RecentCaptures } from './recent'
import { keysOf, prepareCapture } from './validate'

/** What the capture service needs from the background. */
export interface CaptureServiceDeps {
  queue: CaptureQueue
  recent: RecentCaptures
  /** The replica of the team this browser belongs to; `undefined` until the app introduced it. */
  team: () => Promise<TeamReplica | undefined>
  /** Who writes: the chosen team member, else this browser's id; `owner` only for a member. */
  actor: () => Promise<{ actor: string; owner?: string }>
  country: () => Promise<CountryCode>
  clock: Clock
  ids: IdSource
  /** Called after a capture reached the documents (to wake the app's bridge). */
  onSaved?: () => void
  onError: (error: unknown) => void
}

/** Saves captures through the queue and tells the panel what the team already knows. */
export interface CaptureService {
  /** Validates, queues, then writes a capture; a capture that cannot be written yet stays queued. */
  save(input: unknown): Promise<SaveOutcome>
  /** For each person, the contact they already are, or `null`. */
  lookup(people: PersonDraft[]): Promise<(KnownContact | null)[]>
  /** Writes every queued capture, oldest first (at start-up, and once a team is known). */
  processQueue(): Promise<void>
}

/** The team is not known until the app has been opened with the extension installed. */
export const NO_TEAM_REASON = 'saved in this browser; it reaches your team once you open Rapport'

/**
 * Creates the capture service. A capture is written to the queue in `storage.local` first, then
 * applied to the documents in one batch, and removed from the queue only once y-indexeddb has
 * stored the write: a service worker stopped at any point loses nothing, and the start-up retry
 * applies it again without duplicates (the queued ids make the second write find the first).
 */
export function createCaptureService(deps: CaptureServiceDeps): CaptureService {
  let chain: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn)
    chain = p.catch(() => {})
    return p
  }

  async function process(item: QueuedCapture): Promise<SaveOutcome> {
    const country = await deps.country()
    const prepared = prepareCapture(item.request, country)
    if (!prepared.ok) {
      await deps.queue.remove(item.request.id)
      return { status: 'invalid', problems: prepared.problems }
    }
    const team = await deps.team()
    if (!team) return keep(item, NO_TEAM_REASON)
    try {
      const loaded = await team.load()
      await loaded.projector.flush()
      const matches = await Promise.all(prepared.value.people.map((p) => findByKeys(team.db, p.keys)))
      const { actor, owner } = await deps.actor()
      const repo = createRepo(loaded.docs, { clock: deps.clock, ids: deps.ids, actor })
      const outcome = applyCapture(repo, prepared.value, item, {
        matches: matches.map((m) => m?.row.id),
        country,
        ...(owner ? { owner } : {}),
      })
      await loaded.persisted()
      await deps.queue.remove(item.request.id)
      await loaded.projector.flush()
      await deps.recent.put(recentEntry(item, 'saved', outcome.people))
      deps.onSaved?.()
      return outcome
    } catch (error) {
      deps.onError(error)
      return keep(item, `not saved yet (${errorText(error)}); it is retried when the extension restarts`)
    }
  }

  async function keep(item: QueuedCapture, reason: string): Promise<SaveOutcome> {
    await deps.queue.failed(item.request.id, reason)
    await deps.recent.put({ ...recentEntry(item, 'queued', []), reason })
    return { status: 'queued', reason }
  }

  return {
    save: (input) =>
      serial(async () => {
        const prepared = prepareCapture(input, await deps.country())
        if (!prepared.ok) return { status: 'invalid', problems: prepared.problems }
        const { request } = prepared.value
        const item = await deps.queue.add({
          request,
          ids: {
            contacts: request.people.map(() => deps.ids.next()),
            interactions: request.people.map(() => deps.ids.next()),
          },
          queuedAt: deps.clock.now(),
          attempts: 0,
        })
        return process(item)
      }),

    processQueue: () =>
      serial(async () => {
        for (const item of await deps.queue.list()) {
          const outcome = await process(item)
          if (outcome.status === 'queued') break // same cause for the rest: try them all next time
        }
      }),

    async lookup(people) {
      const team = await deps.team()
      if (!team) return people.map(() => null)
      const country = await deps.country()
      return Promise.all(
        people.map(async (draft) => {
          const parsed = v.safeParse(PersonDraft, draft)
          if (!parsed.success) return null
          const f = draftToContactFields(parsed.output, country)
          const keys = keysOf(
            { emails: f.emails ?? [], phones: f.phones ?? [], web: { websites: [], ...f.web } },
            country,
          )
          const match = await findByKeys(team.db, keys)
          return match ? describeKnown(team.db, match) : null
        }),
      )
    },
  }
}

function recentEntry(item: QueuedCapture, status: RecentCapture['status'], people: RecentCapture['people']) {
  const { request } = item
  const first = request.people[0]
  const name = first?.displayName ?? [first?.givenName, first?.familyName].filter(Boolean).join(' ')
  return {
    id: request.id,
    at: item.queuedAt,
    source: request.source,
    title: request.thread?.subject ?? (name || request.url),
    status,
    people,
  } satisfies RecentCapture
}
