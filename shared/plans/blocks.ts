import type { OptOutChannel } from '../doc'
import type { Channel } from '../model'

/** A contact's opt-out channels, as the ledger (`repo.optOutStates()`) or a read model gives them. */
export interface ContactOptOut {
  contactId: string
  channels: readonly OptOutChannel[]
}

/** Opt-out standings by contact: the repo's Map, or plain rows from a read model. */
export type OptOutLookup =
  ReadonlyMap<string, { readonly channels: readonly OptOutChannel[] }> | readonly ContactOptOut[]

/** Normalises an `OptOutLookup` to a map from contact id to blocked channels. */
export function blockedChannels(lookup: OptOutLookup): Map<string, readonly OptOutChannel[]> {
  const out = new Map<string, readonly OptOutChannel[]>()
  if (Array.isArray(lookup)) {
    for (const row of lookup as readonly ContactOptOut[]) out.set(row.contactId, row.channels)
  } else {
    for (const [id, s] of lookup as ReadonlyMap<string, { channels: readonly OptOutChannel[] }>)
      out.set(id, s.channels)
  }
  return out
}

/** Whether opt-out channels forbid a touch on `channel`: `all` forbids everything. */
export function isBlocked(channels: readonly OptOutChannel[] | undefined, channel: Channel): boolean {
  return !!channels && (channels.includes('all') || channels.includes(channel))
}
