import * as encoding from 'lib0/encoding'
import * as v from 'valibot'
import type * as Y from 'yjs'
import { deviceIdOf, signBytes, verifyBytes, type DeviceKeys } from './device-keys'
import { SyncError } from './errors'

/** The team document's top-level map of registered devices, keyed by device id (named like the collections). */
export const DEVICES_MAP = 'devices'
/** Longest device name kept. */
export const DEVICE_NAME_MAX = 80

const Base64Url = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/))

/** A device entry as stored: a plain value, signed by the device itself, never edited afterwards. */
const StoredDevice = v.object({
  v: v.literal(1),
  id: Base64Url,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(DEVICE_NAME_MAX)),
  memberId: v.pipe(v.string(), v.minLength(1)),
  agreementKey: Base64Url,
  signingKey: Base64Url,
  addedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sig: Base64Url,
})
type StoredDevice = v.InferOutput<typeof StoredDevice>

/** A registered device of the team, its entry checked (id matches its keys, signed by them). */
export type TeamDevice = Omit<StoredDevice, 'v' | 'sig'>

/** What a device says about itself when it registers. */
export interface DeviceRegistration {
  /** Shown to the team, e.g. "Chrome on Linux". */
  name: string
  /** The member the device writes as. */
  memberId: string
  /** Epoch milliseconds. */
  at: number
}

/** The bytes a device entry's signature covers: everything but the signature, bound to the team. */
function deviceBytes(teamId: string, d: TeamDevice): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, 'rapport device entry v1')
  encoding.writeVarString(e, teamId)
  for (const s of [d.id, d.name, d.memberId, d.agreementKey, d.signingKey]) encoding.writeVarString(e, s)
  encoding.writeFloat64(e, d.addedAt)
  return encoding.toUint8Array(e)
}

const devicesOf = (team: Y.Doc) => team.getMap(DEVICES_MAP) as Y.Map<unknown>

/**
 * Registers this device in the team document (once: an entry already there for these keys, with
 * the same name and member, is kept). The entry is signed with the device's signing key and its
 * id is derived from its public keys, so a device that still holds the team secret cannot pass
 * its keys off under another device's id.
 * @throws SyncError when the name is empty or longer than `DEVICE_NAME_MAX`, or the member id is empty
 */
export async function registerDevice(
  team: Y.Doc,
  teamId: string,
  keys: DeviceKeys,
  registration: DeviceRegistration,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<TeamDevice> {
  const name = registration.name.trim()
  if (!name || name.length > DEVICE_NAME_MAX)
    throw new SyncError(`a device name is 1 to ${DEVICE_NAME_MAX} characters`)
  if (!registration.memberId) throw new SyncError('a device belongs to a member: the member id is empty')
  const known = await readDevice(team, teamId, keys.deviceId, subtle)
  if (known && known.name === name && known.memberId === registration.memberId) return known
  const device: TeamDevice = {
    id: keys.deviceId,
    name,
    memberId: registration.memberId,
    agreementKey: keys.agreementKey,
    signingKey: keys.signingKey,
    addedAt: known?.addedAt ?? Math.floor(registration.at),
  }
  const entry: StoredDevice = {
    v: 1,
    ...device,
    sig: await signBytes(subtle, keys, deviceBytes(teamId, device)),
  }
  team.transact(() => devicesOf(team).set(device.id, entry), {
    actor: registration.memberId,
    at: registration.at,
  })
  return device
}

/** The device entry stored under `key` if it checks out (see `readDevices`), else `null`. */
async function checkDevice(
  teamId: string,
  key: string,
  value: unknown,
  subtle: SubtleCrypto,
): Promise<TeamDevice | null> {
  const parsed = v.safeParse(StoredDevice, value)
  if (!parsed.success || parsed.output.id !== key) return null
  const { v: _version, sig, ...device } = parsed.output
  try {
    if ((await deviceIdOf(device.agreementKey, device.signingKey, subtle)) !== device.id) return null
  } catch {
    return null
  }
  return (await verifyBytes(subtle, device.signingKey, sig, deviceBytes(teamId, device))) ? device : null
}

/** One registered device, checked; `null` when it is not registered (or its entry does not check out). */
export async function readDevice(
  team: Y.Doc,
  teamId: string,
  deviceId: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<TeamDevice | null> {
  return checkDevice(teamId, deviceId, devicesOf(team).get(deviceId), subtle)
}

/**
 * The team's registered devices, oldest first. Entries that do not check out (malformed, an id
 * that is not their keys', a signature that does not verify) are left out: anyone holding the
 * team secret can write to the document, only the device itself can sign its entry.
 */
export async function readDevices(
  team: Y.Doc,
  teamId: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<TeamDevice[]> {
  const checked = await Promise.all(
    [...devicesOf(team).entries()].map(([key, value]) => checkDevice(teamId, key, value, subtle)),
  )
  return checked
    .filter((d): d is TeamDevice => d !== null)
    .sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : 1))
}
