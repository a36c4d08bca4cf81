import type { InteractionInput } from '../model'
import { createOptOutLedger } from './opt-out'
import { createRecordStore, type RepoOptions } from './repo'
import type { Result } from './result'
import { createSettings } from './settings'
import type { TeamDocs } from './team-docs'
import { createTimeline } from './timeline'

/**
 * The one repository API every write goes through: records (create, update, soft delete,
 * restore), the append-only timeline, the opt-out ledger and the team settings.
 * @param docs - the team's documents (`createTeamDocs`)
 * @param options - the clock, the id source and the acting member
 */
export function createRepo(docs: TeamDocs, options: RepoOptions) {
  const store = createRecordStore(docs, options)
  const timeline = createTimeline(store)
  const ledger = createOptOutLedger(store)
  const settings = createSettings(store)

  /** Records an opt-out in the ledger and on the contact's timeline, in one batch. */
  function optOut(
    contactId: string,
    request: Parameters<typeof ledger.optOut>[1] = {},
    opts: Parameters<typeof ledger.optOut>[2] = {},
  ) {
    return store.batch(() => {
      const r = ledger.optOut(contactId, request, opts)
      if (r.ok)
        note(
          contactId,
          'opt-out',
          `Opted out (${r.value.channel})${r.value.reason ? `: ${r.value.reason}` : ''}`,
        )
      return r
    })
  }

  /** Records an explicit opt-in (clearing the named opt-outs) and notes it on the timeline. */
  function optIn(contactId: string, request: Parameters<typeof ledger.optIn>[1]) {
    return store.batch(() => {
      const r = ledger.optIn(contactId, request)
      if (r.ok) note(contactId, 'opt-in', `Opted back in: ${r.value.reason}`)
      return r
    })
  }

  function note(contactId: string, kind: InteractionInput['kind'], summary: string): Result<unknown> {
    return timeline.append({ contactId, kind, summary, at: store.stamp().at })
  }

  return {
    ...store,
    timeline,
    settings,
    optOutState: ledger.state,
    optOutStates: ledger.all,
    optOut,
    optIn,
  }
}

export type Repo = ReturnType<typeof createRepo>
