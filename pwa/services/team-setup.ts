import { createReadModel } from '../../shared/db'
import { attachPersistence, createRepo, createTeamDocs, fail, ok, type Result } from '../../shared/doc'
import { createIdSource } from '../../shared/model'
import { installBuiltinPlans } from '../../shared/plans'
import { createTeam, type JoinCode } from '../../shared/sync'
import type { AppHost } from './host'
import { readModelName, type TeamLocalValues } from './team-session'

/** Who starts a new team: the first member, its owner. */
export interface NewTeamInput {
  memberName: string
  teamName: string
  email?: string
}

/** Writes a new team's documents and this device's membership; returns the team id. */
async function setUpTeam(
  host: AppHost,
  write: (repo: (actor: string) => ReturnType<typeof createRepo>) => Result<{ memberId: string }>,
  isDemo: boolean,
): Promise<Result<string>> {
  const { teamId, secret } = createTeam()
  const docs = createTeamDocs(teamId)
  const persistence = attachPersistence(docs, host.persistence)
  try {
    await persistence.all()
    const ids = createIdSource(host.clock)
    const written = write((actor) => createRepo(docs, { clock: host.clock, ids, actor }))
    if (!written.ok) return written
    const db = createReadModel(host.indexedDB, readModelName(teamId))
    const local: TeamLocalValues = { memberId: written.value.memberId, secret, isDemo }
    await db.settings.bulkPut(Object.entries(local).map(([key, value]) => ({ key, value })))
    db.close()
    return ok(teamId)
  } finally {
    // The updates are queued in IndexedDB already; closing lets the session reopen them.
    persistence.destroy()
  }
}

/**
 * Creates the demo team ("Demo team — Rapport Realty", every contact tagged `demo`): this
 * device becomes its owner, so the owner's touches are "mine".
 */
export async function setUpDemoTeam(host: AppHost): Promise<Result<string>> {
  // Loaded on demand: the generator and its name pools are needed once, on a first run.
  const { generateDemoTeam } = await import('../../shared/demo')
  return setUpTeam(
    host,
    (repoAs) => {
      const repo = repoAs('demo')
      const summary = generateDemoTeam(repo, { clock: host.clock })
      if (summary.failed > 0)
        return fail('', `the demo team could not be written (${summary.failed} refused)`)
      const owner = repo.list('members').find((m) => m.role === 'owner')
      return owner ? ok({ memberId: owner.id }) : fail('', 'the demo team has no owner')
    },
    true,
  )
}

/** Creates an empty team with the user as its first member (the owner) and the built-in plans. */
export function setUpNewTeam(host: AppHost, input: NewTeamInput): Promise<Result<string>> {
  return setUpTeam(
    host,
    (repoAs) => {
      const memberId = createIdSource(host.clock).next()
      const repo = repoAs(memberId)
      return repo.batch(() => {
        const member = repo.create(
          'members',
          { name: input.memberName, role: 'owner', email: input.email || undefined },
          { id: memberId },
        )
        if (!member.ok) return { ok: false, problems: member.problems.map(prefix('memberName')) }
        const settings = repo.settings.update({ name: input.teamName.trim() || 'My team' })
        if (!settings.ok) return { ok: false, problems: settings.problems.map(prefix('teamName')) }
        const plans = installBuiltinPlans(repo)
        return plans.ok ? ok({ memberId }) : plans
      })
    },
    false,
  )
}

/** Who joins a team on this device: a member already in the team, or a new one. */
export type JoinAs = { memberId: string } | { memberName: string; email?: string }

/**
 * Joins a team from its join code: stores the secret and the member this device writes as, like
 * `setUpTeam`, and turns live sync on with the code's signaling servers (or `signaling`). A new
 * member is written to the team document at once, so a device that has not reached the team yet
 * (offline, or fed by sync bundles only) can still start. Nothing is stored when the member is
 * refused.
 */
export async function setUpJoinedTeam(
  host: AppHost,
  code: JoinCode,
  as: JoinAs,
  signaling: string[] = code.signaling ?? [],
): Promise<Result<string>> {
  const docs = createTeamDocs(code.teamId)
  const persistence = attachPersistence(docs, host.persistence)
  try {
    await persistence.all()
    const ids = createIdSource(host.clock)
    let memberId: string
    if ('memberId' in as) {
      memberId = as.memberId
      const repo = createRepo(docs, { clock: host.clock, ids, actor: memberId })
      if (!repo.get('members', memberId)) return fail('member', 'this member is not in the team')
    } else {
      memberId = ids.next()
      const repo = createRepo(docs, { clock: host.clock, ids, actor: memberId })
      if (!as.memberName.trim()) return fail('memberName', 'must not be empty')
      const member = repo.create(
        'members',
        { name: as.memberName.trim(), role: 'agent', email: as.email || undefined },
        { id: memberId },
      )
      if (!member.ok) return { ok: false, problems: member.problems.map(prefix('memberName')) }
    }
    const db = createReadModel(host.indexedDB, readModelName(code.teamId))
    const local: TeamLocalValues = { memberId, secret: code.secret, isDemo: false, signaling, liveSync: true }
    await db.settings.bulkPut(Object.entries(local).map(([key, value]) => ({ key, value })))
    db.close()
    return ok(code.teamId)
  } finally {
    persistence.destroy()
  }
}

/** Names the form field a refused write is about. */
const prefix = (field: string) => (p: { path: string; message: string }) => ({
  path: p.path === 'email' ? 'email' : field,
  message: p.message,
})
