import * as v from 'valibot'
import { createContactSearch } from '../../../shared/db'
import { PersonDraft } from '../../../shared/model'
import type { BridgeHost } from '../bridge/host'
import type { CaptureService } from '../capture/service'
import type { CaptureQueue } from '../capture/queue'
import type { RecentCaptures } from '../capture/recent'
import type { BackgroundHandlers, ContactHit } from '../messages'
import type { TeamHost } from './team'

/** What the background's handlers use. */
export interface HandlerDeps {
  capture: CaptureService
  queue: CaptureQueue
  recent: RecentCaptures
  team: TeamHost
  bridges: BridgeHost
}

const Lookup = v.pipe(v.array(PersonDraft), v.maxLength(50))
const Query = v.pipe(v.string(), v.maxLength(200))

/** The background's answers to every `BackgroundMessage`. */
export function createBackgroundHandlers(deps: HandlerDeps): BackgroundHandlers {
  return {
    'contacts/lookup': async ({ people }) => deps.capture.lookup(v.parse(Lookup, people)),
    'capture/save': ({ capture }) => deps.capture.save(capture),
    'captures/recent': () => deps.recent.list(),

    async 'contacts/search'({ query }) {
      const team = await deps.team.current()
      if (!team) return []
      const hits = await createContactSearch(team.db, { engine: 'dexie' }).search(v.parse(Query, query), {
        limit: 8,
      })
      const rows = await team.db.contacts.bulkGet(hits.map((h) => h.id))
      return hits.map((h, i): ContactHit => {
        const row = rows[i]
        return {
          id: h.id,
          displayName: h.displayName,
          ...(row?.organisation ? { organisation: row.organisation } : {}),
          ...(row?.primaryEmail ? { primaryEmail: row.primaryEmail } : {}),
        }
      })
    },

    async 'team/status'() {
      const team = await deps.team.current()
      const members = team ? await team.db.members.where('deleted').equals(0).toArray() : []
      return {
        ...(team ? { teamId: team.teamId } : {}),
        members: members
          .map((m) => ({ id: m.id, name: m.name }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        pending: (await deps.queue.list()).length,
        bridges: deps.bridges.count(),
      }
    },
  }
}
