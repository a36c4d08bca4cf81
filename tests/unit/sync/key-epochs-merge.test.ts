import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createDeviceKeys,
  createTeam,
  KEY_EPOCHS_MAP,
  readKeyChain,
  registerDevice,
  rotateTeamSecret,
  teamKeyState,
  unfinishedRemovals,
  type DeviceKeys,
  type KeyEpochRecord,
  type RandomBytes,
} from '../../../shared/sync'
import { permutations } from '../helpers/team'

const subtle = globalThis.crypto.subtle
const at = Date.UTC(2026, 10, 23, 9, 30)

interface Device {
  keys: DeviceKeys
  doc: Y.Doc
}

async function team(count: number) {
  const { teamId, secret } = createTeam()
  const devices: Device[] = []
  for (let i = 0; i < count; i++) {
    const d = { keys: await createDeviceKeys(subtle), doc: new Y.Doc({ guid: teamId }) }
    await registerDevice(
      d.doc,
      teamId,
      d.keys,
      { name: `Device ${i + 1}`, memberId: `m-${i}`, at: at + i },
      subtle,
    )
    devices.push(d)
  }
  mesh(devices)
  return { teamId, secret, devices }
}

function mesh(devices: Device[]) {
  for (const a of devices)
    for (const b of devices) if (a !== b) Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc))
}

/** WebCrypto's random bytes, except the record id (16 bytes): `c` repeated, to choose who has the lower id. */
const idsOf =
  (c: string): RandomBytes =>
  (n) =>
    n === 16
      ? new Uint8Array(Buffer.from(c.repeat(22), 'base64url'))
      : globalThis.crypto.getRandomValues(new Uint8Array(n))

const rotate = (teamId: string, by: Device, remove: Device[] = [], random?: RandomBytes) =>
  rotateTeamSecret({
    team: by.doc,
    teamId,
    keys: by.keys,
    remove: remove.map((d) => d.keys.deviceId),
    at: at + 3_600_000,
    actor: 'm-0',
    subtle,
    ...(random ? { random } : {}),
  })

const summary = async (doc: Y.Doc, teamId: string) => {
  const chain = await readKeyChain(doc, teamId, { subtle })
  return { epochs: chain.epochs.map((r) => r.id), removed: [...chain.removed.keys()].sort() }
}

describe('concurrent rotations', () => {
  it('converge on one winner, the lowest record id; the loser re-removes what it meant to', async () => {
    const { teamId, secret, devices } = await team(5)
    const [a, b, c, x, y] = devices as [Device, Device, Device, Device, Device]
    const low = await rotate(teamId, a, [x], idsOf('B'))
    const high = await rotate(teamId, b, [y], idsOf('x'))
    mesh(devices)
    for (const d of devices) {
      expect(await summary(d.doc, teamId)).toEqual({ epochs: [low.record.id], removed: [x.keys.deviceId] })
    }
    expect(
      await teamKeyState({ team: b.doc, teamId, keys: b.keys, secret: high.secret, subtle }),
    ).toMatchObject({
      kind: 'rotated',
      secret: low.secret,
    })
    expect(await teamKeyState({ team: c.doc, teamId, keys: c.keys, secret, subtle })).toMatchObject({
      secret: low.secret,
    })
    // y is not removed yet: the winner wrapped the secret for it. Only b, whose removal lost, rotates again.
    const chain = await readKeyChain(b.doc, teamId, { subtle })
    expect(chain.superseded.map((r) => r.id)).toEqual([high.record.id])
    expect(unfinishedRemovals(chain, b.keys.deviceId)).toEqual([y.keys.deviceId])
    expect(unfinishedRemovals(chain, a.keys.deviceId)).toEqual([])
    expect(unfinishedRemovals(chain, c.keys.deviceId)).toEqual([])
    const again = await rotate(teamId, b, [y])
    expect(again.record).toMatchObject({ epoch: 2, prev: low.record.id })
    mesh(devices)
    for (const d of devices) {
      expect(await summary(d.doc, teamId)).toEqual({
        epochs: [low.record.id, again.record.id],
        removed: [x.keys.deviceId, y.keys.deviceId].sort(),
      })
    }
    expect(unfinishedRemovals(await readKeyChain(b.doc, teamId, { subtle }), b.keys.deviceId)).toEqual([])
  })

  it('a rotation by a device that another concurrent rotation removes loses, whatever its id', async () => {
    const { teamId, devices } = await team(3)
    const [a, r, c] = devices as [Device, Device, Device]
    const removal = await rotate(teamId, a, [r], idsOf('x'))
    const counter = await rotate(teamId, r, [], idsOf('A')) // lower id, but its author is removed
    mesh(devices)
    for (const d of devices) {
      expect(await summary(d.doc, teamId)).toEqual({
        epochs: [removal.record.id],
        removed: [r.keys.deviceId],
      })
    }
    expect((await readKeyChain(c.doc, teamId, { subtle })).superseded.map((x) => x.id)).toEqual([
      counter.record.id,
    ])
  })

  it('two devices removing each other at once: the one registered first stays, on every device', async () => {
    const { teamId, devices } = await team(3)
    const [a, b] = devices as [Device, Device, Device]
    await rotate(teamId, a, [b], idsOf('x'))
    await rotate(teamId, b, [a], idsOf('B'))
    mesh(devices)
    for (const d of devices) expect((await summary(d.doc, teamId)).removed).toEqual([b.keys.deviceId])
  })

  it('ignores what a removed device writes afterwards: a later epoch, a record signed as another device', async () => {
    const { teamId, devices } = await team(3)
    const [a, r, c] = devices as [Device, Device, Device]
    const removal = await rotate(teamId, a, [r])
    mesh(devices)
    // The removed device still holds the old room's document: it tries to rotate the others onto a secret of its own.
    const own = { ...r, doc: new Y.Doc({ guid: teamId }) }
    Y.applyUpdate(own.doc, Y.encodeStateAsUpdate(r.doc))
    own.doc.getMap(KEY_EPOCHS_MAP).delete(removal.record.id)
    const fork = await rotate(teamId, own, [a], idsOf('A'))
    const next: KeyEpochRecord = {
      ...fork.record,
      id: 'AAAAAAAAAAAAAAAAAAAAAB',
      epoch: 2,
      prev: removal.record.id,
      removed: [],
    }
    const posing: KeyEpochRecord = { ...next, id: 'AAAAAAAAAAAAAAAAAAAAAC', by: a.keys.deviceId }
    c.doc.getMap(KEY_EPOCHS_MAP).set(fork.record.id, fork.record)
    c.doc.getMap(KEY_EPOCHS_MAP).set(next.id, next)
    c.doc.getMap(KEY_EPOCHS_MAP).set(posing.id, posing)
    const chain = await readKeyChain(c.doc, teamId, { subtle })
    expect(chain.epochs.map((x) => x.id)).toEqual([removal.record.id])
    expect(chain.refused.map((x) => x.id).sort()).toEqual([next.id, posing.id].sort())
    expect(chain.superseded.map((x) => x.id)).toEqual([fork.record.id])
  })

  it('a stock of three team documents, edited apart, merges to the same chain in every order', async () => {
    const { teamId, secret, devices } = await team(4)
    const [a, b, c, x] = devices as [Device, Device, Device, Device]
    const logs = devices.map((d) => {
      const log: Uint8Array[] = []
      d.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'merge' && log.push(u))
      return log
    })
    await rotate(teamId, a, [x], idsOf('C'))
    await rotate(teamId, a, [])
    await rotate(teamId, b, [], idsOf('B'))
    const late = await createDeviceKeys(subtle)
    await registerDevice(c.doc, teamId, late, { name: 'Firefox on Mac', memberId: 'm-2', at }, subtle)
    await rotate(teamId, c, [b], idsOf('D'))
    const stock = [
      Y.encodeStateAsUpdate(devices[0]!.doc, Y.encodeStateVector(new Y.Doc())),
      ...logs.slice(0, 3).map((l) => Y.mergeUpdates(l)),
    ]
    const base = stock[0]!
    const results = new Set<string>()
    for (const order of permutations([1, 2, 3])) {
      const doc = new Y.Doc({ guid: teamId })
      Y.applyUpdate(doc, base, 'merge')
      for (const i of order) Y.applyUpdate(doc, stock[i]!, 'merge')
      results.add(JSON.stringify(await summary(doc, teamId)))
    }
    expect(results.size).toBe(1)
    const merged = JSON.parse([...results][0]!) as { epochs: string[]; removed: string[] }
    // b's epoch 1 (id B…) would beat a's (C…), but c's (D…) removes b: a's wins, then a's epoch 2 follows it.
    expect(merged.epochs).toHaveLength(2)
    expect(merged.epochs[0]).toMatch(/^C/)
    expect(merged.removed).toEqual([x.keys.deviceId])
    // c's removal of b lost: c alone is to do it again.
    const doc = new Y.Doc({ guid: teamId })
    for (const u of stock) Y.applyUpdate(doc, u)
    const chain = await readKeyChain(doc, teamId, { subtle })
    expect(unfinishedRemovals(chain, c.keys.deviceId)).toEqual([b.keys.deviceId])
    expect(unfinishedRemovals(chain, b.keys.deviceId)).toEqual([])
    expect(await teamKeyState({ team: doc, teamId, keys: b.keys, secret, subtle })).toMatchObject({
      kind: 'rotated',
      epoch: 2,
    })
  })
})
