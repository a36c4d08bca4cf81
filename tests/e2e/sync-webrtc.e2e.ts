import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTeam, deriveKeys, deriveOpenRooms } from '../../shared/sync'
import { converged, haveNames, syncedWith } from './sync/converge'
import { startSyncHarness, type SyncHarness } from './sync/harness'
import { eventually, type SyncTestPage } from './sync/sync-page'

// Two browser contexts (separate storage) are two devices of a team; they meet through the
// project's y-webrtc signaling server and sync over a WebRTC data channel, all on 127.0.0.1.
describe('WebRTC sync between two browser profiles, through a y-webrtc signaling server', () => {
  let h: SyncHarness

  beforeAll(async () => {
    h = await startSyncHarness()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('carries edits both ways, with per-peer status', async () => {
    const { teamId, secret } = createTeam()
    const [ana, ben] = [await h.device(teamId, 'ana'), await h.device(teamId, 'ben')]
    await ana.createContact('Dana Whitfield')
    await ana.join(secret, h.signalUrl)
    await ben.join(secret, h.signalUrl)
    await Promise.all([syncedWith(ana), syncedWith(ben)])
    await haveNames([ana, ben], ['Dana Whitfield'])
    await ben.createContact('Priya Natarajan')
    await haveNames([ana, ben], ['Dana Whitfield', 'Priya Natarajan'])
    await converged([ana, ben])
    const [peer] = await ana.peers()
    expect(peer).toMatchObject({ state: 'connected', isSynced: true, rejected: 0, problem: null })
    expect(peer!.bytesSent).toBeGreaterThan(0)
    expect(peer!.bytesReceived).toBeGreaterThan(0)
    expect(peer!.lastSyncAt).toBeTypeOf('number')
    expect([...(await ana.errors()), ...(await ben.errors()), ...ana.pageErrors, ...ben.pageErrors]).toEqual(
      [],
    )
  })

  it('merges edits made while apart; an opt-out wins over a concurrent edit of the contact', async () => {
    const { teamId, secret } = createTeam()
    const [ana, ben] = [await h.device(teamId, 'ana'), await h.device(teamId, 'ben')]
    const dana = await ana.createContact('Dana Whitfield')
    await ana.join(secret, h.signalUrl)
    await ben.join(secret, h.signalUrl)
    await haveNames([ana, ben], ['Dana Whitfield'])

    // Apart: ben's sync stops (setOffline would not cut a loopback data channel).
    await ben.leave()
    await eventually(
      () => ana.peers(),
      (peers) => peers.length === 0,
      'ana to notice ben left',
    )
    await ana.createContact('Omar Haddad')
    await ana.optOut(dana)
    await ben.createContact('Lena Fischer')
    await ben.renameContact(dana, 'Dana W. Whitfield')
    expect((await ben.contacts()).find((c) => c.id === dana)!.isOptedOut).toBe(false)

    await ben.join(secret, h.signalUrl)
    await haveNames([ana, ben], ['Dana W. Whitfield', 'Lena Fischer', 'Omar Haddad'])
    await converged([ana, ben])
    for (const device of [ana, ben]) {
      expect((await device.contacts()).find((c) => c.id === dana)!.isOptedOut).toBe(true)
    }
  })

  it('gives a device with the wrong secret nothing, even one that shares the signaling room', async () => {
    const { teamId, secret } = createTeam()
    const [ana, eve, mal] = [
      await h.device(teamId, 'ana'),
      await h.device(teamId, 'eve'),
      await h.device(teamId, 'mal'),
    ]
    await ana.createContact('Dana Whitfield')
    await ana.join(secret, h.signalUrl)
    // eve knows the room and its signaling password but not the sync key; mal has another secret.
    await eve.join(secret, h.signalUrl, { updateKeyFrom: createTeam().secret })
    await mal.join(createTeam().secret, h.signalUrl)
    const [seen] = await eventually(
      () => eve.peers(),
      (peers) => peers.length === 1 && peers[0]!.state === 'open' && peers[0]!.rejected > 0,
      'eve to open a channel whose messages she cannot read',
    )
    expect(seen!.isSynced).toBe(false)
    await eventually(
      () => ana.peers(),
      (peers) => peers.length === 1 && peers[0]!.rejected > 0,
      'ana to drop what eve sends',
    )
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(await eve.count()).toBe(0)
    expect(await mal.count()).toBe(0)
    expect(await mal.peers()).toEqual([])
    expect((await ana.peers()).map((p) => p.state)).toEqual(['open'])
  })

  it('shares the room with a stock y-webrtc client, which connects but can read nothing', async () => {
    const { teamId, secret } = createTeam()
    const ana = await h.device(teamId, 'ana')
    await ana.createContact('Dana Whitfield')
    await ana.join(secret, h.signalUrl)
    const { roomId, roomPassword } = await deriveKeys(secret)
    const stock = await h.stockClient()
    await stock.join(roomId, roomPassword, h.signalUrl)
    // Signaling and WebRTC work across: the stock client decrypts our signals and connects…
    await eventually(
      () => stock.connectedPeers(),
      (ids) => ids.length === 1,
      'the stock client to connect to ana',
    )
    // …but its y-webrtc messages are not Rapport's encrypted, multiplexed frames, nor ours its.
    await eventually(
      () => ana.peers(),
      (peers) => peers.length === 1 && peers[0]!.state === 'open' && peers[0]!.rejected > 0,
      'ana to drop what the stock client sends',
    )
    expect(await stock.content()).toBe('{}')
    expect(await ana.count()).toBe(1)
  })

  it('syncs both ways with a stock y-webrtc client in the open rooms, and through it with the team', async () => {
    const { teamId, secret } = createTeam()
    const [ana, ben] = [await h.device(teamId, 'ana'), await h.device(teamId, 'ben')]
    const dana = await ana.createContact('Dana Whitfield')
    // ana lets other Yjs apps in; ben only has the team's encrypted session with ana.
    await ana.openRooms(secret, h.signalUrl)
    await ana.join(secret, h.signalUrl)
    await ben.join(secret, h.signalUrl)
    const stock = await h.stockClient()
    await stock.joinTeam(await deriveOpenRooms(secret), h.signalUrl)

    await eventually(
      () => stock.names(),
      (names) => JSON.stringify(names) === JSON.stringify(['Dana Whitfield']),
      'the stock client to read ana’s contact',
    )
    expect(await ana.stockPeers()).toBe(1)
    // stock → ana's repository → ben, over the encrypted session
    expect(await stock.rename(dana, 'Dana W. Whitfield')).toBe(true)
    await haveNames([ana, ben], ['Dana W. Whitfield'])
    // ben → ana → stock
    await ben.createContact('Priya Natarajan')
    await eventually(
      () => stock.names(),
      (names) => JSON.stringify(names) === JSON.stringify(['Dana W. Whitfield', 'Priya Natarajan']),
      'the stock client to read ben’s new contact',
    )
    await converged([ana, ben])
    expect([...(await ana.errors()), ...(await ben.errors()), ...ana.pageErrors, ...ben.pageErrors]).toEqual(
      [],
    )
    await ana.closeRooms()
    await eventually(
      () => stock.connectedPeers(),
      (ids) => ids.length === 0,
      'the stock client to lose ana when she closes the rooms',
    )
  })

  it('gives a stock client with the wrong secret or password nothing, and takes nothing from it', async () => {
    const { teamId, secret } = createTeam()
    const ana = await h.device(teamId, 'ana')
    await ana.createContact('Dana Whitfield')
    await ana.openRooms(secret, h.signalUrl)
    const rooms = await deriveOpenRooms(secret)
    const otherTeam = await deriveOpenRooms(createTeam().secret)
    // mal derives everything from another secret; eve has the right room names, not the passwords.
    const [good, mal, eve] = [await h.stockClient(), await h.stockClient(), await h.stockClient()]
    await mal.joinTeam(otherTeam, h.signalUrl)
    await eve.joinTeam(
      rooms.map((r, i) => ({ room: r.room, password: otherTeam[i]!.password })),
      h.signalUrl,
    )
    const planted = ['Mallory Planted', 'Eve Planted']
    await mal.addContact(planted[0]!)
    await eve.addContact(planted[1]!)
    // A client with the right rooms and passwords, at the same time: the rooms are live.
    await good.joinTeam(rooms, h.signalUrl)
    await eventually(
      () => good.names(),
      (names) => names.includes('Dana Whitfield'),
      'the right stock client to read ana’s contact',
    )
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(await mal.connectedPeers()).toEqual([])
    expect(await eve.connectedPeers()).toEqual([])
    expect(await mal.names()).toEqual([planted[0]])
    expect(await eve.names()).toEqual([planted[1]])
    expect(await ana.names()).toEqual(['Dana Whitfield'])
    expect(await good.names()).toEqual(['Dana Whitfield'])
    expect(await ana.stockPeers()).toBe(1)
  })

  it('sends a 10k-contact team in its first sync: chunked, deflated, and with flow control in Chromium', async () => {
    const { teamId, secret } = createTeam()
    const [ana, ben, cy] = [
      await h.device(teamId, 'ana'),
      await h.device(teamId, 'ben'),
      await h.device(teamId, 'cy'),
    ]
    const seedStart = Date.now()
    expect(await ana.seed(10_000)).toBe(10_000)
    const seeded = Date.now() - seedStart
    const tenK = (d: SyncTestPage, who: string) =>
      eventually(
        () => d.count(),
        (n) => n === 10_000,
        `${who} to have 10k contacts`,
        45_000,
      )

    // Ben takes plain frames through a 128 KiB send buffer: each answer (a shard, over 200 KiB)
    // fills it, and the rest of its packets wait in the transport's queue.
    await ana.join(secret, h.signalUrl, { sendBufferBytes: 128 * 1024 })
    let start = Date.now()
    await ben.join(secret, h.signalUrl, { plain: true })
    await tenK(ben, 'ben')
    const plainMs = Date.now() - start
    const [toBen] = await ana.peers()
    expect(toBen!.bytesSent).toBeGreaterThan(3 * 1024 * 1024)
    expect(toBen!.throttled).toBeGreaterThan(0)
    await ben.leave()

    // Cy takes deflated frames: the same team in a fraction of the bytes.
    start = Date.now()
    await cy.join(secret, h.signalUrl)
    await tenK(cy, 'cy')
    const deflatedMs = Date.now() - start
    const digest = await converged([ana, ben, cy])
    expect(digest).toMatch(/^[0-9a-f]{64}$/)
    const toCy = (await ana.peers()).find((p) => p.peerId !== toBen!.peerId)!
    expect(toCy.bytesSent).toBeLessThan(toBen!.bytesSent / 3)
    expect([...(await ben.errors()), ...(await cy.errors())]).toEqual([])
    console.info(
      `10k contacts: seeded in ${seeded} ms; first sync plain ${plainMs} ms, ` +
        `${(toBen!.bytesSent / 1048576).toFixed(1)} MiB, ${toBen!.throttled} messages held back; ` +
        `deflated ${deflatedMs} ms, ${(toCy.bytesSent / 1048576).toFixed(1)} MiB`,
    )
  })
})
