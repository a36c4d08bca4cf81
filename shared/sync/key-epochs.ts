import * as encoding from 'lib0/encoding'
import * as v from 'valibot'
import type * as Y from 'yjs'
import { fromBase64Url, toBase64Url, utf8 } from './bytes'
import {
  createEphemeralKey,
  signBytes,
  unwrapSecret,
  verifyBytes,
  wrapSecret,
  type DeviceKeys,
  type WrappedSecret,
} from './device-keys'
import { readDevices, type TeamDevice } from './devices'
import { SyncError, webRandomBytes, type RandomBytes } from './errors'
import { SECRET_BYTES } from './team-secret'

/** The team document's top-level map of key epochs, keyed by record id. */
export const KEY_EPOCHS_MAP = 'keyEpochs'

const Base64Url = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/))

const StoredEpoch = v.object({
  v: v.literal(1),
  id: Base64Url,
  /** 1 for the first rotation; the team's first secret (from its join code) is epoch 0 and has no record. */
  epoch: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** The record this one follows (the winner of `epoch - 1`), `null` for epoch 1. */
  prev: v.nullable(Base64Url),
  /** The device that rotated. */
  by: Base64Url,
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Devices removed by this rotation. */
  removed: v.array(Base64Url),
  /** The rotation's ephemeral ECDH public key (raw, base64url). */
  ephemeralKey: Base64Url,
  /** HKDF of the new secret (`rapport key check v1`): tells a device whether it already holds it. */
  keyCheck: Base64Url,
  /** The new secret wrapped for every remaining device, by device id. */
  wraps: v.record(Base64Url, v.object({ iv: Base64Url, data: Base64Url })),
  /** The rotating device's ECDSA signature over all of the above and the team id. */
  sig: Base64Url,
})
/** One rotation of the team secret as stored in the team document. */
export type KeyEpochRecord = v.InferOutput<typeof StoredEpoch>

/** When and by whom a device was removed. */
export interface Removal {
  deviceId: string
  at: number
  by: string
  epoch: number
}

/** The team's key history as this device reads it. */
export interface KeyChain {
  /** The winning record of each epoch, in order (empty: the team still uses its first secret). */
  epochs: KeyEpochRecord[]
  /** The current epoch: the last of `epochs`. */
  head: KeyEpochRecord | null
  /** Devices removed so far, by device id. */
  removed: Map<string, Removal>
  /** Signed records that lost to a concurrent rotation of the same epoch. */
  superseded: KeyEpochRecord[]
  /** Signed records off the chain (following a record that lost, or by a removed device). */
  orphans: KeyEpochRecord[]
  /** Records left out, and why (malformed, unsigned, by a removed device, not following the chain). */
  refused: { id: string; problem: string }[]
}

const epochsOf = (team: Y.Doc) => team.getMap(KEY_EPOCHS_MAP) as Y.Map<unknown>

/** The bytes a key epoch's signature covers; wraps in device id order so every reader encodes the same. */
function epochBytes(teamId: string, r: Omit<KeyEpochRecord, 'sig'>): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, 'rapport key epoch v1')
  encoding.writeVarString(e, teamId)
  encoding.writeVarString(e, r.id)
  encoding.writeVarUint(e, r.epoch)
  encoding.writeVarString(e, r.prev ?? '')
  encoding.writeVarString(e, r.by)
  encoding.writeFloat64(e, r.at)
  const removed = [...r.removed].sort()
  encoding.writeVarUint(e, removed.length)
  for (const id of removed) encoding.writeVarString(e, id)
  encoding.writeVarString(e, r.ephemeralKey)
  encoding.writeVarString(e, r.keyCheck)
  const wraps = Object.keys(r.wraps).sort()
  encoding.writeVarUint(e, wraps.length)
  for (const id of wraps) {
    encoding.writeVarString(e, id)
    encoding.writeVarString(e, r.wraps[id]!.iv)
    encoding.writeVarString(e, r.wraps[id]!.data)
  }
  return encoding.toUint8Array(e)
}

/** HKDF-SHA-256 of the secret under `rapport key check v1`, 16 bytes base64url: names a secret without revealing it. */
export async function keyCheckOf(
  secret: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  const bytes = fromBase64Url(secret)
  if (!bytes || bytes.length !== SECRET_BYTES)
    throw new SyncError(`a team secret is ${SECRET_BYTES} bytes of base64url`)
  const ikm = await subtle.importKey('raw', bytes, 'HKDF', false, ['deriveBits'])
  const params = {
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: utf8('rapport key check v1'),
  }
  return toBase64Url(new Uint8Array(await subtle.deriveBits(params, ikm, 128)))
}

/**
 * Reads the key history from the team document. The rules, the same on every device, so every
 * device that holds the same records reaches the same chain:
 * - a record counts only if it parses, its author is a registered device and its signature verifies;
 * - epoch n's candidates follow epoch n-1's winner (`prev`), are by a device not removed before,
 *   and wrap the secret for no removed device (neither removed before nor by themselves);
 * - among concurrent candidates, one whose author another candidate removes loses; of the rest
 *   the lowest record id wins. When they all remove each other, the longest-registered author's
 *   record wins (an id is the author's choice, a registration date is fixed and signed).
 * @param devices - `readDevices` of the same document (read again when not given)
 */
export async function readKeyChain(
  team: Y.Doc,
  teamId: string,
  options: { devices?: TeamDevice[]; subtle?: SubtleCrypto } = {},
): Promise<KeyChain> {
  const { subtle = globalThis.crypto.subtle } = options
  const devices = new Map(
    (options.devices ?? (await readDevices(team, teamId, subtle))).map((d) => [d.id, d]),
  )
  const refused: KeyChain['refused'] = []
  const valid = (
    await Promise.all(
      [...epochsOf(team).entries()].map(async ([key, value]) => {
        const parsed = v.safeParse(StoredEpoch, value)
        if (!parsed.success || parsed.output.id !== key) {
          refused.push({ id: key, problem: 'not a key epoch record' })
          return null
        }
        const { sig, ...record } = parsed.output
        const author = devices.get(record.by)
        if (!author) {
          refused.push({ id: key, problem: `made by ${record.by}, not a registered device` })
          return null
        }
        if (!(await verifyBytes(subtle, author.signingKey, sig, epochBytes(teamId, record)))) {
          refused.push({
            id: key,
            problem: `the signature of ${record.by} does not verify: the record was altered`,
          })
          return null
        }
        return parsed.output
      }),
    )
  ).filter((r): r is KeyEpochRecord => r !== null)

  // Devices removing each other: the one registered first stays. Not the record id, which the
  // author picks: a removed device could counter its removal afterwards with a lower one.
  const seniority = (r: KeyEpochRecord) =>
    `${String(devices.get(r.by)!.addedAt).padStart(16, '0')} ${r.by} ${r.id}`
  const epochs: KeyEpochRecord[] = []
  const superseded: KeyEpochRecord[] = []
  const removed = new Map<string, Removal>()
  const used = new Set<string>()
  for (let n = 1; ; n++) {
    const prev = epochs.at(-1)?.id ?? null
    const candidates = valid.filter(
      (r) =>
        r.epoch === n &&
        r.prev === prev &&
        !removed.has(r.by) &&
        !r.removed.includes(r.by) &&
        Object.keys(r.wraps).every((id) => !removed.has(id) && !r.removed.includes(id)),
    )
    if (!candidates.length) break
    const unopposed = candidates.filter((r) => !candidates.some((o) => o !== r && o.removed.includes(r.by)))
    const winner = unopposed.length
      ? unopposed.reduce((a, b) => (b.id < a.id ? b : a))
      : candidates.reduce((a, b) => (seniority(b) < seniority(a) ? b : a))
    epochs.push(winner)
    for (const r of candidates) used.add(r.id)
    for (const r of candidates) if (r !== winner) superseded.push(r)
    for (const id of winner.removed) removed.set(id, { deviceId: id, at: winner.at, by: winner.by, epoch: n })
  }
  const orphans = valid.filter((r) => !used.has(r.id))
  for (const r of orphans) {
    refused.push({
      id: r.id,
      problem: `epoch ${r.epoch} does not follow the chain, or its author was removed`,
    })
  }
  return { epochs, head: epochs.at(-1) ?? null, removed, superseded, orphans, refused }
}

/** Options of `rotateTeamSecret`. */
export interface RotateOptions {
  team: Y.Doc
  teamId: string
  /** This device's keys: it signs the rotation and must be a registered, not removed device. */
  keys: DeviceKeys
  /** Device ids to remove (may be empty: a plain rotation). */
  remove: string[]
  /** Epoch milliseconds. */
  at: number
  /** The member this device writes as (the transaction's origin). */
  actor: string
  /** @default globalThis.crypto.subtle */
  subtle?: SubtleCrypto
  /** @default WebCrypto's getRandomValues */
  random?: RandomBytes
}

/**
 * Rotates the team secret: a new random secret, wrapped for every registered device that stays
 * (ECDH with one ephemeral key per rotation, HKDF, AES-GCM bound to team, epoch and device), none
 * for the removed ones, written as one signed record in the team document. The caller switches
 * to the returned secret (`deriveKeys`: new room, new update key) and keeps it on the device.
 * @throws SyncError when this device is not registered or was removed, a device to remove is
 *   unknown or already removed, or it names this device
 */
export async function rotateTeamSecret(
  options: RotateOptions,
): Promise<{ record: KeyEpochRecord; secret: string }> {
  const {
    team,
    teamId,
    keys,
    at,
    actor,
    subtle = globalThis.crypto.subtle,
    random = webRandomBytes,
  } = options
  const devices = await readDevices(team, teamId, subtle)
  const chain = await readKeyChain(team, teamId, { devices, subtle })
  const known = new Set(devices.map((d) => d.id))
  if (!known.has(keys.deviceId))
    throw new SyncError('this device is not registered in the team: it cannot rotate the secret')
  if (chain.removed.has(keys.deviceId))
    throw new SyncError('this device was removed from the team: it cannot rotate the secret')
  const remove = [...new Set(options.remove)].sort()
  for (const id of remove) {
    if (id === keys.deviceId)
      throw new SyncError('a device cannot remove itself; remove it from another device')
    if (!known.has(id)) throw new SyncError(`device ${id} is not registered in the team`)
    if (chain.removed.has(id)) throw new SyncError(`device ${id} was already removed`)
  }
  const secretBytes = random(SECRET_BYTES)
  const secret = toBase64Url(secretBytes)
  const id = toBase64Url(random(16))
  const epoch = (chain.head?.epoch ?? 0) + 1
  const ephemeral = await createEphemeralKey(subtle)
  const remaining = devices.filter((d) => !chain.removed.has(d.id) && !remove.includes(d.id))
  const wrapped = await Promise.all(
    remaining.map(
      async (d) =>
        [
          d.id,
          await wrapSecret(
            subtle,
            secretBytes,
            ephemeral,
            d.agreementKey,
            { teamId, epochId: id, deviceId: d.id },
            random,
          ),
        ] as const,
    ),
  )
  const unsigned: Omit<KeyEpochRecord, 'sig'> = {
    v: 1,
    id,
    epoch,
    prev: chain.head?.id ?? null,
    by: keys.deviceId,
    at: Math.floor(at),
    removed: remove,
    ephemeralKey: ephemeral.publicKey,
    keyCheck: await keyCheckOf(secret, subtle),
    wraps: Object.fromEntries(wrapped) as Record<string, WrappedSecret>,
  }
  const record: KeyEpochRecord = {
    ...unsigned,
    sig: await signBytes(subtle, keys, epochBytes(teamId, unsigned)),
  }
  team.transact(() => epochsOf(team).set(id, record), { actor, at })
  return { record, secret }
}

/**
 * The team secret an epoch wrapped for this device.
 * @throws SyncError when the record holds no wrap for this device, or the wrap does not open
 *   (altered, or copied from another device, epoch or team)
 */
export async function openKeyEpoch(
  record: KeyEpochRecord,
  teamId: string,
  keys: DeviceKeys,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  const wrap = record.wraps[keys.deviceId]
  if (!wrap) throw new SyncError(`key epoch ${record.epoch} holds no secret for this device`)
  const context = { teamId, epochId: record.id, deviceId: keys.deviceId }
  const secret = await unwrapSecret(subtle, keys, record.ephemeralKey, wrap, context)
  if (!secret)
    throw new SyncError(
      `the secret of key epoch ${record.epoch} does not open for this device: the record was altered or made for another device`,
    )
  return toBase64Url(secret)
}

/** Where this device stands with the team's keys. */
export type TeamKeyState =
  /** This device holds the current secret (or no rotation happened yet). */
  | { kind: 'current'; epoch: number }
  /** A newer secret was wrapped for this device: switch to it. */
  | { kind: 'rotated'; epoch: number; record: KeyEpochRecord; secret: string }
  /** This device was removed: it keeps what it has and can no longer sync. */
  | { kind: 'removed'; removal: Removal }
  /** A newer secret exists without a wrap for this device (it joined with an old code, or registered during the rotation): it needs a new join code. */
  | { kind: 'stale'; epoch: number }
  /** The wrap for this device does not open. */
  | { kind: 'unreadable'; epoch: number; problem: string }

/**
 * Where this device stands, from the team document and the secret it holds.
 * @param secret - the team secret this device syncs with now
 */
export async function teamKeyState(options: {
  team: Y.Doc
  teamId: string
  keys: DeviceKeys
  secret: string
  subtle?: SubtleCrypto
}): Promise<TeamKeyState> {
  const { team, teamId, keys, secret, subtle = globalThis.crypto.subtle } = options
  const chain = await readKeyChain(team, teamId, { subtle })
  const removal = chain.removed.get(keys.deviceId)
  if (removal) return { kind: 'removed', removal }
  const head = chain.head
  if (!head || head.keyCheck === (await keyCheckOf(secret, subtle)))
    return { kind: 'current', epoch: head?.epoch ?? 0 }
  if (!head.wraps[keys.deviceId]) return { kind: 'stale', epoch: head.epoch }
  try {
    return {
      kind: 'rotated',
      epoch: head.epoch,
      record: head,
      secret: await openKeyEpoch(head, teamId, keys, subtle),
    }
  } catch (error) {
    return { kind: 'unreadable', epoch: head.epoch, problem: (error as Error).message }
  }
}

/**
 * Devices this device set out to remove in a rotation that lost to a concurrent one (or followed
 * one that lost) and that are still in the team: it rotates again to remove them (only the author does, so the
 * follow-up is not made twice).
 */
export function unfinishedRemovals(chain: KeyChain, deviceId: string): string[] {
  const out = new Set<string>()
  for (const r of [...chain.superseded, ...chain.orphans]) {
    if (r.by !== deviceId) continue
    for (const id of r.removed) if (!chain.removed.has(id)) out.add(id)
  }
  return chain.removed.has(deviceId) ? [] : [...out].sort()
}
