// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readModelName } from '../../pwa/services/team-session'
import { useTeamStore } from '../../pwa/stores/team'
import { startApp, startDemoApp } from './helpers/app'
import { testHost } from './helpers/host'

describe('useTeamStore', () => {
  let team: ReturnType<typeof useTeamStore> | undefined
  afterEach(() => team?.$reset())

  it('loads the name index from the read model before the documents, and keeps it current after', async () => {
    const host = testHost()
    const first = await startApp(host)
    const before = useTeamStore(first.pinia)
    await before.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
    for (const name of ['Omar Haddad', 'Olivia Brandt', 'Sami Nasser'])
      await before.write((repo) => repo.create('contacts', { name: { display: name } }))
    await new Promise((resolve) => setTimeout(resolve, 50)) // the projector's pass is written
    before.$reset()

    host.hold() // the record shards stay unloaded: a large team still loading
    const { pinia } = await startApp(host)
    team = useTeamStore(pinia)
    await vi.waitFor(() => expect(team!.session).toBeDefined())
    const s = team.session!
    const indexed = vi.fn()
    s.onChange(indexed) // before the projector starts, only the index being in says so
    await vi.waitFor(() => expect(indexed).toHaveBeenCalled(), { timeout: 5000 })
    expect(team.isLoaded).toBe(false)
    const names = async (q: string) => (await s.search(q)).map((h) => h.row.displayName)
    expect(await names('o')).toEqual(['Olivia Brandt', 'Omar Haddad'])

    host.release()
    await team.whenLoaded()
    await team.write((repo) => repo.create('contacts', { name: { display: 'Oren Katz' } }))
    await vi.waitFor(async () =>
      expect(await names('o')).toEqual(['Olivia Brandt', 'Omar Haddad', 'Oren Katz']),
    )
  })

  it('has no team on a first run', async () => {
    const { pinia } = await startApp()
    team = useTeamStore(pinia)
    expect(team.status).toBe('no-team')
    expect(team.session).toBeUndefined()
  })

  it('refuses a new team without the member name, naming the field, and writes nothing', async () => {
    const host = testHost()
    const { pinia } = await startApp(host)
    team = useTeamStore(pinia)
    const r = await team.startNewTeam({ memberName: '  ', teamName: 'Harbor' })
    expect(r).toEqual({ ok: false, problems: [{ path: 'memberName', message: 'must not be empty' }] })
    expect(team.status).toBe('no-team')
    expect(host.stored.size).toBe(0)
  })

  it('starts a new team with the user as its owner and the built-in plans', async () => {
    const { pinia } = await startApp()
    team = useTeamStore(pinia)
    const r = await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
    expect(r.ok).toBe(true)
    const s = await team.whenLoaded()
    expect(team.status).toBe('open')
    expect(team.isDemo).toBe(false)
    expect(team.teamName).toBe('Harbor Realty')
    expect(team.memberName).toBe('Dana Whitfield')
    expect(s.repo.get('members', s.memberId)).toMatchObject({ name: 'Dana Whitfield', role: 'owner' })
    expect(
      s.repo
        .list('plans')
        .map((p) => p.builtin)
        .sort(),
    ).toEqual(['12-direct', '33-touch', '8x8', 'email-only'])
    expect(await s.db.members.count()).toBe(1)
  })

  it('writes through the repository as this device’s member, once the team is loaded', async () => {
    const { pinia } = await startApp()
    team = useTeamStore(pinia)
    await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor' })
    const r = await team.write((repo) => repo.create('contacts', { name: { display: 'Omar Haddad' } }))
    expect(r.ok && r.value.created.by).toBe(team.memberId)
  })

  it('turns a thrown error in a write into a problem', async () => {
    const { pinia } = await startApp()
    team = useTeamStore(pinia)
    await team.startNewTeam({ memberName: 'Dana', teamName: 'Harbor' })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const r = await team.write(() => {
      throw new Error('boom')
    })
    expect(r).toEqual({ ok: false, problems: [{ path: '', message: 'boom' }] })
    expect(logged).toHaveBeenCalledOnce()
    logged.mockRestore()
  })

  it('opens the same team again after a restart, with the read model ready before the documents', async () => {
    const host = testHost()
    const first = await startApp(host)
    team = useTeamStore(first.pinia)
    await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor' })
    await team.write((repo) => repo.create('contacts', { name: { display: 'سارة العتيبي' } }))
    const s = await team.whenLoaded()
    await s.loaded
    await new Promise((resolve) => setTimeout(resolve, 50))
    const teamId = team.teamId
    team.$reset()

    const second = await startApp(host)
    team = useTeamStore(second.pinia)
    expect(team.status).toBe('open')
    expect(team.teamId).toBe(teamId)
    // The read model answers at once from the last projection.
    expect((await team.session!.db.contacts.toArray()).map((c) => c.displayName)).toEqual(['سارة العتيبي'])
    await team.whenLoaded()
    expect(team.session!.repo.list('contacts')).toHaveLength(1)
  })

  it('loads the record shards once the first screen has drawn, or after the wait runs out', async () => {
    const host = { ...testHost(), firstScreenWaitMs: 60_000 }
    const first = await startApp(host)
    team = useTeamStore(first.pinia)
    await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor' })
    team.screenDrawn()
    await team.write((repo) => repo.create('contacts', { name: { display: 'Kim Park' } }))
    await (
      await team.whenLoaded()
    ).loaded
    team.$reset()

    // Restarted: nothing has drawn yet, so the shards wait while the read model answers.
    const second = await startApp(host)
    team = useTeamStore(second.pinia)
    const s = team.session!
    let isLoaded = false
    void s.loaded.then(() => (isLoaded = true))
    await s.teamLoaded
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(isLoaded).toBe(false)
    expect(s.docs.shards.every((d) => d.share.size === 0)).toBe(true)
    expect((await s.db.contacts.toArray()).map((c) => c.displayName)).toEqual(['Kim Park'])
    team.screenDrawn()
    await s.loaded
    expect(s.repo.list('contacts').map((c) => c.name.display)).toEqual(['Kim Park'])
    team.$reset()

    // A screen that never says it drew holds the shards back for the wait at most.
    const third = await startApp({ ...host, firstScreenWaitMs: 50 })
    team = useTeamStore(third.pinia)
    await team.session!.loaded
    expect(team.session!.repo.list('contacts')).toHaveLength(1)
  })

  it('opens the demo team, clearly marked, with this device as its owner', async () => {
    const { pinia } = await startDemoApp()
    team = useTeamStore(pinia)
    const s = await team.whenLoaded()
    expect(team.isDemo).toBe(true)
    expect(team.teamName).toContain('Demo team')
    expect(s.repo.get('members', s.memberId)?.role).toBe('owner')
    expect(await s.db.contacts.count()).toBeGreaterThan(40)
  })

  it('removes the demo team and everything it stored on this device', async () => {
    const host = testHost()
    const { pinia } = await startDemoApp(host)
    team = useTeamStore(pinia)
    const teamId = team.teamId!
    await team.removeTeam()
    expect(team.status).toBe('no-team')
    expect(team.session).toBeUndefined()
    expect(host.stored.size).toBe(0)
    const names = (await host.indexedDB.indexedDB.databases()).map((d) => d.name)
    expect(names).not.toContain(readModelName(teamId))

    const again = await startApp(host)
    team = useTeamStore(again.pinia)
    expect(team.status).toBe('no-team')
  })
})
