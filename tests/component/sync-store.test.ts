// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { unwrap } from '../../shared/doc'
import { addSource, advanceLead, captureLead, leadView } from '../../shared/leads'
import { createTeam, decodeJoinCode } from '../../shared/sync'
import { setTeamLocal, teamLocal } from '../../pwa/services/team-session'
import { useSyncStore } from '../../pwa/stores/sync'
import { useTeamStore } from '../../pwa/stores/team'
import { eventually, startApp } from './helpers/app'
import { testHost } from './helpers/host'

/** A device with a new team "Harbor Realty" and one contact, as its owner. */
async function harborDevice() {
  const { pinia } = await startApp(testHost())
  const team = useTeamStore(pinia)
  const created = await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  if (!created.ok) throw new Error('no team')
  await team.write((repo) => repo.create('contacts', { name: { display: 'Omar Haddad' } }))
  const sync = useSyncStore(pinia)
  await eventually(() => expect(sync.joinCode).not.toBe(''))
  return { pinia, team, sync }
}

/** A second device that joined from the first one's code as a new member, with no network. */
async function joinedDevice(code: string) {
  const { pinia } = await startApp(testHost())
  const team = useTeamStore(pinia)
  const decoded = decodeJoinCode(code)
  if (!decoded.ok) throw new Error('bad code')
  const joined = await team.joinTeam(decoded.value, { memberName: 'Sami Nasser' })
  if (!joined.ok) throw new Error(JSON.stringify(joined.problems))
  await team.whenLoaded()
  return { pinia, team, sync: useSyncStore(pinia) }
}

describe('useSyncStore', () => {
  const teams: ReturnType<typeof useTeamStore>[] = []
  afterEach(() => {
    for (const t of teams.splice(0)) t.$reset()
  })

  it('makes the join code from the team id, the stored secret, the name and the signaling servers', async () => {
    const a = await harborDevice()
    teams.push(a.team)
    const s = await a.team.whenLoaded()
    const code = decodeJoinCode(a.sync.joinCode)
    expect(code).toEqual({
      ok: true,
      value: {
        teamId: s.teamId,
        secret: await teamLocal(s.db, 'secret'),
        name: 'Harbor Realty',
        signaling: [`ws://${location.hostname}:4444`],
      },
    })
    // Live sync is off for a team started here until the user turns it on.
    expect(a.sync.state).toBe('off')
  })

  it('reads the secret afresh on restart, so a rotated secret is used at once', async () => {
    const a = await harborDevice()
    teams.push(a.team)
    const s = await a.team.whenLoaded()
    const before = decodeJoinCode(a.sync.joinCode)
    const rotated = createTeam().secret
    await setTeamLocal(s.db, 'secret', rotated)
    await a.sync.restart()
    const after = decodeJoinCode(a.sync.joinCode)
    expect(after.ok && after.value.secret).toBe(rotated)
    expect(before.ok && before.value.secret).not.toBe(rotated)
  })

  it('keeps the live sync setting and the servers per team, and says when the browser cannot sync', async () => {
    const a = await harborDevice()
    teams.push(a.team)
    await a.sync.setSignalingUrls(['wss://signal.example.org'])
    await a.sync.setLiveSync(true)
    expect(a.sync.isLiveSyncOn).toBe(true)
    expect(a.sync.signalingUrls).toEqual(['wss://signal.example.org'])
    // happy-dom has no RTCPeerConnection.
    expect(a.sync.state).toBe('unavailable')
    const code = decodeJoinCode(a.sync.joinCode)
    expect(code.ok && code.value.signaling).toEqual(['wss://signal.example.org'])
  })

  it('counts changes made here while no device was connected', async () => {
    const a = await harborDevice()
    teams.push(a.team)
    const before = a.sync.unshared
    await a.team.write((repo) => repo.create('contacts', { name: { display: 'Lina Haddad' } }))
    expect(a.sync.unshared).toBe(before + 1)
  })

  it('moves the team to a joined device through a bundle; only what it lacks with its state vectors', async () => {
    const a = await harborDevice()
    const b = await joinedDevice(a.sync.joinCode)
    teams.push(a.team, b.team)
    expect(b.team.status).toBe('open')
    expect(b.team.isDemo).toBe(false)
    expect(b.sync.isLiveSyncOn).toBe(true)

    const all = await a.sync.makeBundle()
    if (!all.ok) throw new Error('no bundle')
    const imported = await b.sync.applyBundle(all.value)
    expect(imported.ok && imported.value.docsChanged).toBeGreaterThan(0)
    const sb = await b.team.whenLoaded()
    await eventually(async () => expect(await sb.db.contacts.count()).toBe(1))
    expect(
      sb.repo
        .list('members')
        .map((m) => m.name)
        .sort(),
    ).toEqual(['Dana Whitfield', 'Sami Nasser'])

    await a.team.write((repo) => repo.create('contacts', { name: { display: 'Lina Haddad' } }))
    const since = await a.sync.makeBundle(await b.sync.stateVectors())
    if (!since.ok) throw new Error('no bundle')
    expect(since.value.length).toBeLessThan(all.value.length)
    expect((await b.sync.applyBundle(since.value)).ok).toBe(true)
    await eventually(async () => expect(await sb.db.contacts.count()).toBe(2))
  })

  it('puts derived stages right after a bundle merges moves made apart', async () => {
    const a = await harborDevice()
    const b = await joinedDevice(a.sync.joinCode)
    teams.push(a.team, b.team)
    const sa = await a.team.whenLoaded()
    const sb = await b.team.whenLoaded()
    const contactId = sa.repo.list('contacts')[0]!.id
    const source = unwrap(addSource(sa.repo, { name: 'Zillow ads', kind: 'ad' }))
    const { lead } = unwrap(captureLead(sa.repo, { contactId, sourceId: source.id, entry: 'capture' }))
    const all = await a.sync.makeBundle()
    if (!all.ok) throw new Error('no bundle')
    expect((await b.sync.applyBundle(all.value)).ok).toBe(true)

    // Apart: B qualifies the lead, A records a first contact; both plain fields say 'contacted'.
    unwrap(advanceLead(sb.repo, lead.id, 'qualified'))
    unwrap(sb.repo.update('leads', lead.id, { stage: 'contacted' }))
    unwrap(advanceLead(sa.repo, lead.id, 'contacted'))
    const fromB = await b.sync.makeBundle(await a.sync.stateVectors())
    if (!fromB.ok) throw new Error('no bundle')
    expect((await a.sync.applyBundle(fromB.value)).ok).toBe(true)

    expect(leadView(sa.repo, lead.id)!.stage).toBe('qualified')
    await eventually(() => expect(sa.repo.get('leads', lead.id)!.stage).toBe('qualified'))
  })

  it('refuses a truncated, damaged or foreign bundle with the reason and changes nothing', async () => {
    const a = await harborDevice()
    const b = await joinedDevice(a.sync.joinCode)
    const other = await harborDevice()
    teams.push(a.team, b.team, other.team)
    const all = await a.sync.makeBundle()
    if (!all.ok) throw new Error('no bundle')
    const sb = await b.team.whenLoaded()
    const state = () => sb.docs.team.store.clients.size

    const before = state()
    const cut = await b.sync.applyBundle(all.value.subarray(0, all.value.length - 10))
    expect(cut).toMatchObject({ ok: false, reason: 'truncated' })
    const damaged = all.value.slice()
    damaged[40] = damaged[40]! ^ 0xff
    expect(await b.sync.applyBundle(damaged)).toMatchObject({ ok: false, reason: 'damaged' })
    const foreign = await other.sync.makeBundle()
    if (!foreign.ok) throw new Error('no bundle')
    const r = await b.sync.applyBundle(foreign.value)
    expect(r).toMatchObject({ ok: false, reason: 'different-team' })
    expect(!r.ok && r.problems[0]!.message).toBe('this bundle is from another team')
    expect(state()).toBe(before)
    expect(await sb.db.contacts.count()).toBe(0)
  })

  it('refuses a state vectors file of another team when exporting', async () => {
    const a = await harborDevice()
    const other = await harborDevice()
    teams.push(a.team, other.team)
    const r = await a.sync.makeBundle(await other.sync.stateVectors())
    expect(r).toMatchObject({ ok: false, reason: 'different-team' })
  })
})
