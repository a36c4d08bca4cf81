import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startSignalServer } from '../../../scripts/signal-server.mjs'
import { unwrap } from '../../../shared/doc'
import { createTeam, deriveKeys, SyncError } from '../../../shared/sync'
import { joinTeamSync, type TeamSync } from '../../../shared/sync/webrtc-peers'
import { contact, replica, type Replica } from '../helpers/team'
import { fakeWebRTC } from './fake-webrtc'
import { until } from './memory-transport'
import { state } from './same-state'

type Server = Awaited<ReturnType<typeof startSignalServer>>
let server: Server | null = null
const syncs: TeamSync[] = []

afterEach(async () => {
  for (const s of syncs.splice(0)) s.stop()
  await server?.close()
  server = null
})

async function setup() {
  server = await startSignalServer({ host: '127.0.0.1', port: 0 })
  const rtc = fakeWebRTC()
  const url = `ws://127.0.0.1:${server.port}`
  const join = async (r: Replica, secret: string, extra: { updateKeyFrom?: string } = {}) => {
    const keys = await deriveKeys(secret)
    if (extra.updateKeyFrom) keys.updateKey = (await deriveKeys(extra.updateKeyFrom)).updateKey
    const sync = await joinTeamSync({
      docs: r.docs,
      keys,
      signalingUrls: [url],
      RTCPeerConnection: rtc.RTCPeerConnection,
      WebSocket,
    })
    syncs.push(sync)
    return sync
  }
  return { rtc, join, url }
}

const syncedPeers = (s: TeamSync) => s.peers.filter((p) => p.state === 'connected' && p.isSynced).length

describe('joinTeamSync (with an in-memory WebRTC)', () => {
  it('connects every pair of devices once, the smaller peer id offering, and they converge', async () => {
    const { teamId, secret } = createTeam()
    const { rtc, join } = await setup()
    const devices = ['ana', 'ben', 'cai'].map((a) => replica(a, teamId))
    devices.forEach((d, i) =>
      unwrap(d.repo.create('contacts', contact({ name: { display: `Person ${i}` } }))),
    )
    const running = await Promise.all(devices.map((d) => join(d, secret)))
    await until(() => running.every((s) => syncedPeers(s) === 2), 'a full mesh')
    await until(() => new Set(devices.map(state)).size === 1, 'convergence')
    expect(devices[0]!.repo.list('contacts').length).toBe(3)
    expect(rtc.stats.offers).toBe(3) // one per pair: nobody offered twice
    for (const s of running) expect(s.signaling).toEqual([expect.objectContaining({ isConnected: true })])
    const [a] = running[0]!.peers
    expect(a).toMatchObject({ rejected: 0, problem: null, docsSynced: 17, docCount: 17 })
    expect(a!.bytesSent).toBeGreaterThan(0)
    expect(a!.lastSyncAt).toBeTypeOf('number')
  })

  it('drops a device that leaves, and takes it back with what changed meanwhile', async () => {
    const { teamId, secret } = createTeam()
    const { join } = await setup()
    const [ana, ben] = [replica('ana', teamId), replica('ben', teamId)]
    const dana = unwrap(ana.repo.create('contacts', contact())).id
    const sa = await join(ana, secret)
    let sb = await join(ben, secret)
    await until(() => syncedPeers(sa) === 1 && syncedPeers(sb) === 1, 'connected')
    const changes: number[] = []
    sa.onChange((s) => changes.push(s.peers.length))
    sb.stop()
    await until(() => sa.peers.length === 0, 'ana to drop ben')
    expect(changes.at(-1)).toBe(0)
    unwrap(ana.repo.optOut(dana))
    unwrap(ben.repo.update('contacts', dana, { notes: 'Call after the closing' }))
    sb = await join(ben, secret)
    await until(() => state(ana) === state(ben), 'convergence after rejoining')
    expect(ben.repo.optOutState(dana).isOptedOut).toBe(true)
    expect(ana.repo.get('contacts', dana)!.notes).toBe('Call after the closing')
  })

  it('opens no sync with a device that has the room but not the sync key', async () => {
    const { teamId, secret } = createTeam()
    const { join } = await setup()
    const [ana, eve] = [replica('ana', teamId), replica('eve', teamId)]
    unwrap(ana.repo.create('contacts', contact()))
    const sa = await join(ana, secret)
    const se = await join(eve, secret, { updateKeyFrom: createTeam().secret })
    await until(
      () => se.peers[0]?.state === 'open' && se.peers[0].rejected > 0,
      'eve to get unreadable packets',
    )
    await until(() => sa.peers[0]?.rejected > 0, 'ana to drop eve’s packets')
    expect(eve.repo.list('contacts')).toEqual([])
    expect(se.peers[0]).toMatchObject({ isSynced: false, docsSynced: 0 })
  })

  it('needs the team secret', async () => {
    const { rtc, url } = await setup()
    const base = {
      docs: replica('ana').docs,
      signalingUrls: [url],
      RTCPeerConnection: rtc.RTCPeerConnection,
      WebSocket,
    }
    await expect(joinTeamSync(base)).rejects.toThrow(SyncError)
    await expect(joinTeamSync({ ...base, secret: 'short' })).rejects.toThrow(SyncError)
  })
})
