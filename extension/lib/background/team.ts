import type { IndexedDBFactory } from '../../../shared/host'
import type { CountryCode } from '../../../shared/io'
import { openTeamReplica, type TeamReplica } from '../replica'
import { readTeamId, writeTeamId, type StorageArea } from '../settings'

/** The team this browser belongs to, and its open replica. */
export interface TeamHost {
  /** The replica of the remembered team, opened on first use; `undefined` before any team. */
  current(): Promise<TeamReplica | undefined>
  /** Makes `teamId` this browser's team (the app's bridge names it) and returns its replica. */
  adopt(teamId: string): Promise<TeamReplica>
}

/** What the team host needs. */
export interface TeamHostOptions {
  area: StorageArea
  idb: IndexedDBFactory
  country: () => Promise<CountryCode>
  now: () => number
  onError: (error: unknown) => void
}

/** Creates the team host; calls run one at a time, so a replica is never opened twice. */
export function createTeamHost(options: TeamHostOptions): TeamHost {
  let replica: TeamReplica | undefined
  let chain: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn)
    chain = p.catch(() => {})
    return p
  }

  async function open(teamId: string): Promise<TeamReplica> {
    if (replica?.teamId === teamId) return replica
    replica?.close()
    replica = openTeamReplica(teamId, {
      idb: options.idb,
      defaultCountry: await options.country(),
      onError: options.onError,
    })
    return replica
  }

  return {
    current: () =>
      serial(async () => {
        const teamId = await readTeamId(options.area)
        return teamId ? open(teamId) : undefined
      }),
    adopt: (teamId) =>
      serial(async () => {
        if ((await readTeamId(options.area)) !== teamId)
          await writeTeamId(options.area, teamId, options.now())
        return open(teamId)
      }),
  }
}
