import * as v from 'valibot'
import type * as Y from 'yjs'
import { Channel, OptInEvent, OptOutEvent, Text } from '../model'
import { check, fail, ok, type Result } from './result'
import type { RecordStore } from './repo'

export type OptOutChannel = OptOutEvent['channel']
export type StoredOptOut = OptOutEvent & { id: string }
export type StoredOptIn = OptInEvent & { id: string }

/** A contact's opt-out standing, derived from the ledger. */
export interface OptOutState {
  isOptedOut: boolean
  /** Channels that must not be used; `all` means every plan is stopped. */
  channels: OptOutChannel[]
  /** The opt-out events still in force, oldest first. */
  active: StoredOptOut[]
}

const OptOutRequest = v.object({
  channel: v.optional(v.union([v.literal('all'), Channel]), 'all'),
  reason: v.optional(v.string(), ''),
})
const OptInRequest = v.object({
  reason: Text,
  /** The events this opt-in clears; by default every event in force now. */
  supersedes: v.optional(v.array(v.string())),
})

/**
 * Computes every contact's standing from the ledger: an add-wins set of opt-out events
 * and the opt-ins that name the events they clear. An opt-out made concurrently with an
 * opt-in is not named by it, so it stays in force after the devices merge.
 */
export function optOutStates(team: Y.Doc): Map<string, OptOutState> {
  const cleared = new Set<string>()
  for (const optIn of (team.getMap('optIns') as Y.Map<OptInEvent>).values()) {
    for (const id of optIn.supersedes) cleared.add(id)
  }
  const states = new Map<string, OptOutState>()
  for (const [id, e] of (team.getMap('optOuts') as Y.Map<OptOutEvent>).entries()) {
    if (cleared.has(id)) continue
    let s = states.get(e.contactId)
    if (!s) states.set(e.contactId, (s = { isOptedOut: true, channels: [], active: [] }))
    s.active.push({ ...e, id })
    if (!s.channels.includes(e.channel)) s.channels.push(e.channel)
  }
  for (const s of states.values()) {
    s.active.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
    s.channels.sort()
  }
  return states
}

const NOT_OPTED_OUT: OptOutState = Object.freeze({ isOptedOut: false, channels: [], active: [] })

/** The opt-out ledger in the team document. Nothing but an explicit opt-in clears an opt-out. */
export function createOptOutLedger(store: RecordStore) {
  const team = store.docs.team
  const optOuts = team.getMap('optOuts') as Y.Map<OptOutEvent>
  const optIns = team.getMap('optIns') as Y.Map<OptInEvent>

  function state(contactId: string): OptOutState {
    return optOutStates(team).get(contactId) ?? NOT_OPTED_OUT
  }

  /**
   * Records that a person asked to stop, on one channel or on all of them. A given `id`
   * (an opt-out carried over by a contact merge) makes a repeat a no-op on every device.
   */
  function optOut(
    contactId: string,
    request: v.InferInput<typeof OptOutRequest> = {},
    opts: { id?: string } = {},
  ): Result<StoredOptOut> {
    const valid = check(OptOutRequest, request)
    if (!valid.ok) return valid
    if (!store.get('contacts', contactId)) return fail('contactId', `no contact ${contactId}`)
    const existing = opts.id ? optOuts.get(opts.id) : undefined
    if (existing) return ok({ ...existing, id: opts.id! })
    const s = store.stamp()
    const event = check(OptOutEvent, { contactId, ...valid.value, at: s.at, by: s.by })
    if (!event.ok) return event
    const id = opts.id ?? store.ids.next()
    store.write(team, () => optOuts.set(id, event.value))
    return ok({ ...event.value, id })
  }

  /** An explicit, attributed opt-in: clears the named events (by default all in force now). */
  function optIn(contactId: string, request: v.InferInput<typeof OptInRequest>): Result<StoredOptIn> {
    const valid = check(OptInRequest, request)
    if (!valid.ok) return valid
    const active = state(contactId).active.map((e) => e.id)
    const supersedes = valid.value.supersedes ?? active
    if (supersedes.length === 0) return fail('supersedes', `contact ${contactId} has no opt-out in force`)
    const unknown = supersedes.find((id) => optOuts.get(id)?.contactId !== contactId)
    if (unknown) return fail('supersedes', `${unknown} is not an opt-out event of contact ${contactId}`)
    const s = store.stamp()
    const event = check(OptInEvent, { contactId, supersedes, reason: valid.value.reason, at: s.at, by: s.by })
    if (!event.ok) return event
    const id = store.ids.next()
    store.write(team, () => optIns.set(id, event.value))
    return ok({ ...event.value, id })
  }

  return { state, optOut, optIn, all: () => optOutStates(team) }
}
export type OptOutLedger = ReturnType<typeof createOptOutLedger>
