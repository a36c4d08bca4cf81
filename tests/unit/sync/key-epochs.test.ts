import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createDeviceKeys,
  createTeam,
  deriveKeys,
  encryptedTransport,
  startSyncSession,
  KEY_EPOCHS_MAP,
  openKeyEpoch,
  readKeyChain,
  registerDevice,
  rotateTeamSecret,
  SyncError,
  teamKeyState,
  type DeviceKeys,
  type KeyEpochRecord,
} from '../../../shared/sync'
import { unwrap } from '../../../shared/doc'
import { contact, replica } from '../helpers/team'
import { memoryLink, settle, until } from './memory-transport'

const subtle = globalThis.crypto.subtle
const at = Date.UTC(2026, 10, 23, 9, 30)

interface Device {
  name: string
  keys: DeviceKeys
  doc: Y.Doc
}

/** A team whose devices have each registered and all hold the same team document. */
async function team(names: string[]) {
  const { teamId, secret } = createTeam()
  const devices: Device[] = []
  for (const [i, name] of names.entries()) {
    const device = { name, keys: await createDeviceKeys(subtle), doc: new Y.Doc({ guid: teamId }) }
    await registerDevice(device.doc, teamId, device.keys, { name, memberId: `m-${i}`, at: at + i }, subtle)
    devices.push(device)
  }
  mesh(devices)
  return { teamId, secret, devices }
}

/** Every device gets every other's team document. */
function mesh(devices: Device[]) {
  for (const a of devices)
    for (const b of devices) if (a !== b) Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc))
}

const rotate = (teamId: string, by: Device, remove: Device[] = [], when = at + 3_600_000) =>
  rotateTeamSecret({
    team: by.doc,
    teamId,
    keys: by.keys,
    remove: remove.map((d) => d.keys.deviceId),
    at: when,
    actor: 'm-0',
    subtle,
  })

describe('rotating the team secret', () => {
  it('gives every kept device the new secret and the removed one nothing', async () => {
    const { teamId, secret, devices } = await team([
      'Chrome on Linux',
      'Safari on iPhone',
      'Firefox on Mac',
      'Old tablet',
    ])
    const [laptop, phone, mac, tablet] = devices as [Device, Device, Device, Device]
    const { record, secret: next } = await rotate(teamId, laptop, [tablet])
    expect(next).not.toBe(secret)
    expect(record).toMatchObject({
      epoch: 1,
      prev: null,
      by: laptop.keys.deviceId,
      removed: [tablet.keys.deviceId],
    })
    expect(Object.keys(record.wraps).sort()).toEqual([laptop, phone, mac].map((d) => d.keys.deviceId).sort())
    mesh(devices)

    for (const d of [phone, mac]) {
      const state = await teamKeyState({ team: d.doc, teamId, keys: d.keys, secret, subtle })
      expect(state).toMatchObject({ kind: 'rotated', epoch: 1, secret: next })
      // Once it switched, the same device is current.
      expect(await teamKeyState({ team: d.doc, teamId, keys: d.keys, secret: next, subtle })).toEqual({
        kind: 'current',
        epoch: 1,
      })
    }
    expect(await teamKeyState({ team: laptop.doc, teamId, keys: laptop.keys, secret: next, subtle })).toEqual(
      {
        kind: 'current',
        epoch: 1,
      },
    )
    expect(await teamKeyState({ team: tablet.doc, teamId, keys: tablet.keys, secret, subtle })).toEqual({
      kind: 'removed',
      removal: { deviceId: tablet.keys.deviceId, at: at + 3_600_000, by: laptop.keys.deviceId, epoch: 1 },
    })
  })

  it('the removed device opens no wrap, not even one copied under its own id', async () => {
    const { teamId, devices } = await team(['Chrome on Linux', 'Safari on iPhone', 'Old tablet'])
    const [laptop, phone, tablet] = devices as [Device, Device, Device]
    const { record } = await rotate(teamId, laptop, [tablet])
    await expect(openKeyEpoch(record, teamId, tablet.keys, subtle)).rejects.toThrow(
      /holds no secret for this device/,
    )
    const copied: KeyEpochRecord = {
      ...record,
      wraps: { ...record.wraps, [tablet.keys.deviceId]: record.wraps[phone.keys.deviceId]! },
    }
    await expect(openKeyEpoch(copied, teamId, tablet.keys, subtle)).rejects.toThrow(
      /does not open for this device: the record was altered or made for another device/,
    )
    // The phone's wrap is bound to its team and epoch too.
    await expect(openKeyEpoch(record, 'another-team', phone.keys, subtle)).rejects.toThrow(SyncError)
    await expect(
      openKeyEpoch({ ...record, id: 'AAAAAAAAAAAAAAAAAAAAAA' }, teamId, phone.keys, subtle),
    ).rejects.toThrow(/does not open/)
  })

  it('refuses a tampered wrap with a clear error, and leaves the record out of the chain', async () => {
    const { teamId, secret, devices } = await team(['Chrome on Linux', 'Safari on iPhone'])
    const [laptop, phone] = devices as [Device, Device]
    const { record } = await rotate(teamId, laptop)
    const wrap = record.wraps[phone.keys.deviceId]!
    const data = Buffer.from(wrap.data, 'base64url')
    data[3]! ^= 0x01
    const tampered = {
      ...record,
      wraps: { ...record.wraps, [phone.keys.deviceId]: { ...wrap, data: data.toString('base64url') } },
    }
    await expect(openKeyEpoch(tampered, teamId, phone.keys, subtle)).rejects.toThrow(
      `the secret of key epoch 1 does not open for this device: the record was altered or made for another device`,
    )
    phone.doc.getMap(KEY_EPOCHS_MAP).set(record.id, tampered)
    const chain = await readKeyChain(phone.doc, teamId, { subtle })
    expect(chain.head).toBeNull()
    expect(chain.refused).toEqual([
      {
        id: record.id,
        problem: `the signature of ${laptop.keys.deviceId} does not verify: the record was altered`,
      },
    ])
    expect(await teamKeyState({ team: phone.doc, teamId, keys: phone.keys, secret, subtle })).toEqual({
      kind: 'current',
      epoch: 0,
    })
  })

  it('the removed device cannot sync with the new keys: another room, another update key', async () => {
    const { teamId, secret, devices } = await team(['Chrome on Linux', 'Old tablet'])
    const [laptop, tablet] = devices as [Device, Device]
    const { secret: next } = await rotate(teamId, laptop, [tablet])
    const [before, after] = [await deriveKeys(secret, subtle), await deriveKeys(next, subtle)]
    expect(after.roomId).not.toBe(before.roomId)
    expect(after.roomPassword).not.toBe(before.roomPassword)
    // A kept device on the new keys and the removed one on the old: nothing passes, either way.
    const [kept, removed] = [replica('m-0', teamId), replica('m-1', teamId)]
    unwrap(kept.repo.create('contacts', contact()))
    unwrap(removed.repo.create('contacts', contact({ name: { display: 'Written after removal' } })))
    const link = memoryLink()
    const tk = encryptedTransport(link.a, after.updateKey)
    const tr = encryptedTransport(link.b, before.updateKey)
    const sessions = [startSyncSession(kept.docs, tk), startSyncSession(removed.docs, tr)]
    await until(() => tk.rejected > 0 && tr.rejected > 0, 'both hellos to be refused')
    await settle(link)
    expect(sessions.map((s) => s.status.isConnected)).toEqual([false, false])
    expect(kept.repo.list('contacts').map((c) => c.name.display)).toEqual(['Dana Whitfield'])
    expect(removed.repo.list('contacts').map((c) => c.name.display)).toEqual(['Written after removal'])
    for (const s of sessions) s.stop()
  })

  it('refuses to rotate from a removed or unregistered device, or to remove an unknown one', async () => {
    const { teamId, devices } = await team(['Chrome on Linux', 'Safari on iPhone', 'Old tablet'])
    const [laptop, phone, tablet] = devices as [Device, Device, Device]
    const stranger = { name: 'x', keys: await createDeviceKeys(subtle), doc: laptop.doc }
    await expect(rotate(teamId, laptop, [laptop])).rejects.toThrow(/cannot remove itself/)
    await expect(rotate(teamId, laptop, [stranger])).rejects.toThrow(/is not registered/)
    await expect(rotate(teamId, stranger)).rejects.toThrow(/this device is not registered/)
    await rotate(teamId, laptop, [tablet])
    mesh(devices)
    await expect(rotate(teamId, phone, [tablet])).rejects.toThrow(/already removed/)
    await expect(rotate(teamId, tablet, [laptop])).rejects.toThrow(/this device was removed/)
    expect(laptop.doc.getMap(KEY_EPOCHS_MAP).size).toBe(1)
  })

  it('a device that registered after the rotation is current with the new secret, stale with the old one', async () => {
    const { teamId, secret, devices } = await team(['Chrome on Linux', 'Safari on iPhone'])
    const [laptop] = devices as [Device, Device]
    const { secret: next } = await rotate(teamId, laptop)
    const late = { name: 'Firefox', keys: await createDeviceKeys(subtle), doc: new Y.Doc({ guid: teamId }) }
    await registerDevice(late.doc, teamId, late.keys, { name: 'Firefox on Mac', memberId: 'm-2', at }, subtle)
    mesh([...devices, late])
    expect(await teamKeyState({ team: late.doc, teamId, keys: late.keys, secret: next, subtle })).toEqual({
      kind: 'current',
      epoch: 1,
    })
    expect(await teamKeyState({ team: late.doc, teamId, keys: late.keys, secret, subtle })).toEqual({
      kind: 'stale',
      epoch: 1,
    })
    // The next rotation includes it.
    mesh([...devices, late])
    const { record } = await rotate(teamId, laptop)
    expect(record.wraps[late.keys.deviceId]).toBeDefined()
  })

  it('rotates for 20 devices (timing logged, not asserted)', async () => {
    const { teamId, devices } = await team(Array.from({ length: 20 }, (_, i) => `Device ${i + 1}`))
    const started = performance.now()
    const { record, secret } = await rotate(teamId, devices[0]!, [devices[19]!])
    const rotated = performance.now() - started
    mesh(devices)
    const t = performance.now()
    const state = await teamKeyState({
      team: devices[7]!.doc,
      teamId,
      keys: devices[7]!.keys,
      secret: 'A'.repeat(43),
      subtle,
    })
    const opened = performance.now() - t
    expect(Object.keys(record.wraps)).toHaveLength(19)
    expect(state).toMatchObject({ kind: 'rotated', secret })
    console.info(
      `rotation for 20 devices: ${rotated.toFixed(1)} ms; reading the chain and unwrapping: ${opened.toFixed(1)} ms`,
    )
  })
})
