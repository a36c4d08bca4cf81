import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createDeviceKeys,
  deviceIdOf,
  DEVICES_MAP,
  readDevices,
  registerDevice,
  SyncError,
} from '../../../shared/sync'

const subtle = globalThis.crypto.subtle
const TEAM = 'k3VbQm2JtYw9cRz1LpXn0A'
const at = Date.UTC(2026, 10, 23, 9, 30)

describe('device keys', () => {
  it('makes P-256 keys whose private halves cannot be exported, with an id derived from the public keys', async () => {
    const keys = await createDeviceKeys(subtle)
    expect(keys.agreement.privateKey.extractable).toBe(false)
    expect(keys.signing.privateKey.extractable).toBe(false)
    await expect(subtle.exportKey('jwk', keys.agreement.privateKey)).rejects.toThrow()
    expect(keys.deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(await deviceIdOf(keys.agreementKey, keys.signingKey, subtle)).toBe(keys.deviceId)
    const other = await createDeviceKeys(subtle)
    expect(other.deviceId).not.toBe(keys.deviceId)
    expect(await deviceIdOf(other.agreementKey, keys.signingKey, subtle)).not.toBe(keys.deviceId)
  })

  it('survives a structured clone, as IndexedDB stores it', async () => {
    const keys = await createDeviceKeys(subtle)
    const copy = structuredClone(keys)
    const doc = new Y.Doc()
    await registerDevice(doc, TEAM, copy, { name: 'Chrome on Linux', memberId: 'm-ana', at }, subtle)
    expect((await readDevices(doc, TEAM, subtle)).map((d) => d.id)).toEqual([keys.deviceId])
  })
})

describe('device registry', () => {
  it('registers a device once, and lists the team devices oldest first', async () => {
    const doc = new Y.Doc()
    const [laptop, phone] = [await createDeviceKeys(subtle), await createDeviceKeys(subtle)]
    await registerDevice(
      doc,
      TEAM,
      phone,
      { name: 'Safari on iPhone', memberId: 'm-ana', at: at + 60_000 },
      subtle,
    )
    const first = await registerDevice(
      doc,
      TEAM,
      laptop,
      { name: ' Chrome on Linux ', memberId: 'm-ana', at },
      subtle,
    )
    expect(first).toMatchObject({
      id: laptop.deviceId,
      name: 'Chrome on Linux',
      memberId: 'm-ana',
      addedAt: at,
    })
    let updates = 0
    doc.on('update', () => updates++)
    await registerDevice(
      doc,
      TEAM,
      laptop,
      { name: 'Chrome on Linux', memberId: 'm-ana', at: at + 1 },
      subtle,
    )
    expect(updates).toBe(0)
    const devices = await readDevices(doc, TEAM, subtle)
    expect(devices.map((d) => d.name)).toEqual(['Chrome on Linux', 'Safari on iPhone'])
    expect(devices[0]!.agreementKey).toBe(laptop.agreementKey)
  })

  it('refuses a device name that is empty or too long, and a missing member', async () => {
    const doc = new Y.Doc()
    const keys = await createDeviceKeys(subtle)
    await expect(
      registerDevice(doc, TEAM, keys, { name: '  ', memberId: 'm-ana', at }, subtle),
    ).rejects.toThrow(SyncError)
    await expect(
      registerDevice(doc, TEAM, keys, { name: 'x'.repeat(81), memberId: 'm-ana', at }, subtle),
    ).rejects.toThrow(/1 to 80 characters/)
    await expect(
      registerDevice(doc, TEAM, keys, { name: 'Firefox', memberId: '', at }, subtle),
    ).rejects.toThrow(/member id is empty/)
    expect(doc.getMap(DEVICES_MAP).size).toBe(0)
  })

  it('leaves out entries a holder of the secret forged: renamed, keys swapped, copied to another team', async () => {
    const doc = new Y.Doc()
    const [ana, mallory] = [await createDeviceKeys(subtle), await createDeviceKeys(subtle)]
    await registerDevice(doc, TEAM, ana, { name: 'Chrome on Linux', memberId: 'm-ana', at }, subtle)
    await registerDevice(doc, TEAM, mallory, { name: 'Edge on Windows', memberId: 'm-mal', at }, subtle)
    const map = doc.getMap<Record<string, unknown>>(DEVICES_MAP)
    const real = map.get(ana.deviceId)!
    expect(await readDevices(doc, 'another-team', subtle)).toEqual([])
    map.set(ana.deviceId, { ...real, name: 'Lost phone — remove me' })
    expect((await readDevices(doc, TEAM, subtle)).map((d) => d.id)).toEqual([mallory.deviceId])
    map.set(ana.deviceId, { ...real, signingKey: mallory.signingKey, agreementKey: mallory.agreementKey })
    expect((await readDevices(doc, TEAM, subtle)).map((d) => d.id)).toEqual([mallory.deviceId])
    map.set(ana.deviceId, { ...real, sig: map.get(mallory.deviceId)!.sig })
    expect((await readDevices(doc, TEAM, subtle)).map((d) => d.id)).toEqual([mallory.deviceId])
    map.set(ana.deviceId, { name: 'not a device' })
    expect((await readDevices(doc, TEAM, subtle)).map((d) => d.id)).toEqual([mallory.deviceId])
    map.set(ana.deviceId, real)
    expect((await readDevices(doc, TEAM, subtle)).map((d) => d.id).sort()).toEqual(
      [ana.deviceId, mallory.deviceId].sort(),
    )
  })
})
