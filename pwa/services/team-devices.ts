import type * as Y from 'yjs'
import { fail, ok, type Result } from '../../shared/doc'
import { systemClock, type Clock } from '../../shared/host'
import {
  createDeviceKeys,
  DEVICES_MAP,
  KEY_EPOCHS_MAP,
  readDevices,
  readKeyChain,
  registerDevice,
  rotateTeamSecret,
  teamKeyState,
  unfinishedRemovals,
  type DeviceKeys,
  type Removal,
  type TeamDevice,
  type TeamKeyState,
} from '../../shared/sync'
import type { TeamSession } from './team-session'

/** Read-model settings keys this module keeps beside `TeamLocalValues` (the device's own, never synced). */
const KEYS_SETTING = 'deviceKeys'
const SECRET_SETTING = 'secret'

type Session = Pick<TeamSession, 'teamId' | 'memberId' | 'docs' | 'db' | 'teamLoaded' | 'repo'>

/** "Chrome on Linux": the browser and system a user agent names, for the team's device list. */
export function deviceName(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : 'Browser'
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(userAgent)
      ? 'iOS'
      : /CrOS/.test(userAgent)
        ? 'ChromeOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Mac OS X|Macintosh/.test(userAgent)
            ? 'macOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : ''
  return system ? `${browser} on ${system}` : browser
}

const loadingKeys = new WeakMap<object, Promise<DeviceKeys>>()

/**
 * This device's keys for the team, made on first use and kept in the team's read model (the
 * CryptoKeys are stored as they are: IndexedDB clones them, their private halves stay unexportable).
 * Two tabs making keys at once end with the first one stored.
 */
export function deviceKeysOf(
  session: Session,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<DeviceKeys> {
  let loading = loadingKeys.get(session.db)
  if (!loading) {
    loading = (async () => {
      const stored = (await session.db.settings.get(KEYS_SETTING))?.value as DeviceKeys | undefined
      if (stored) return stored
      // Made outside the transaction: WebCrypto's promises would end an IndexedDB transaction early.
      const made = await createDeviceKeys(subtle)
      return session.db.transaction('rw', session.db.settings, async () => {
        const raced = (await session.db.settings.get(KEYS_SETTING))?.value as DeviceKeys | undefined
        if (raced) return raced
        await session.db.settings.put({ key: KEYS_SETTING, value: made })
        return made
      })
    })()
    loadingKeys.set(session.db, loading)
    loading.catch(() => loadingKeys.delete(session.db))
  }
  return loading
}

/** Registers this device in the team document once the team document is loaded; safe to repeat. */
export async function registerThisDevice(
  session: Session,
  options: { name?: string; clock?: Clock; subtle?: SubtleCrypto } = {},
): Promise<DeviceKeys> {
  const { clock = systemClock, subtle = globalThis.crypto.subtle } = options
  const name = options.name ?? deviceName(globalThis.navigator?.userAgent ?? '')
  await session.teamLoaded
  const keys = await deviceKeysOf(session, subtle)
  await registerDevice(
    session.docs.team,
    session.teamId,
    keys,
    { name, memberId: session.memberId, at: clock.now() },
    subtle,
  )
  return keys
}

const storedSecret = async (session: Session) =>
  (await session.db.settings.get(SECRET_SETTING))?.value as string | undefined

/** Calls `check` when the team's devices or key epochs change, one check at a time; returns the stop function. */
function onKeyChanges(team: Y.Doc, check: () => Promise<void>, onError: (e: unknown) => void): () => void {
  let running: Promise<void> = Promise.resolve()
  let isQueued = false
  let isStopped = false
  const schedule = () => {
    if (isQueued || isStopped) return
    isQueued = true
    running = running.then(async () => {
      isQueued = false
      if (!isStopped) await check().catch(onError)
    })
  }
  const maps = [team.getMap(DEVICES_MAP), team.getMap(KEY_EPOCHS_MAP)]
  for (const m of maps) m.observe(schedule)
  schedule()
  return () => {
    isStopped = true
    for (const m of maps) m.unobserve(schedule)
  }
}

/** Options of `watchTeamKeys`. */
export interface WatchTeamKeysOptions {
  /** Told about every state: also `stale` (needs a new join code) and `unreadable`. */
  onState?: (state: TeamKeyState) => void
  onError?: (error: unknown) => void
  name?: string
  clock?: Clock
  subtle?: SubtleCrypto
}

/**
 * Follows the team's key epochs for this device, for whoever runs live sync:
 * - registers this device in the team document (after the team document loaded);
 * - on a newer epoch with a secret wrapped for this device: stores the new secret where the team
 *   session keeps it (the read model's `secret` setting), then calls `onSecret(secret)`. The caller
 *   restarts sync with `deriveKeys(secret)`: a new room and update key; the old room is left.
 * - on an epoch that removes this device: calls `onRemoved()` once. The caller stops sync; the
 *   documents stay on the device as they are (it keeps its copy, gets nothing new).
 * - when this device's own removal of another device lost to a concurrent rotation, it rotates
 *   again to finish it.
 * Returns the function that stops watching.
 */
export function watchTeamKeys(
  session: Session,
  onSecret: (secret: string) => void,
  onRemoved: () => void,
  options: WatchTeamKeysOptions = {},
): () => void {
  const { subtle = globalThis.crypto.subtle, clock = systemClock } = options
  const onError = options.onError ?? ((e: unknown) => console.error('Rapport:', e))
  let stop = () => {}
  let isStopped = false
  let wasRemoved = false
  /** The secret the caller syncs with, as far as this watcher told it. */
  let reported: string | undefined
  void registerThisDevice(session, options).then((keys) => {
    if (isStopped) return
    stop = onKeyChanges(
      session.docs.team,
      async () => {
        let secret = await storedSecret(session)
        if (!secret || isStopped) return
        reported ??= secret
        const state = await teamKeyState({
          team: session.docs.team,
          teamId: session.teamId,
          keys,
          secret,
          subtle,
        })
        if (isStopped) return
        options.onState?.(state)
        if (state.kind === 'removed') {
          if (!wasRemoved) onRemoved()
          wasRemoved = true
          return
        }
        if (state.kind === 'rotated') {
          await session.db.settings.put({ key: SECRET_SETTING, value: state.secret })
          secret = state.secret
        }
        if (state.kind === 'rotated' || state.kind === 'current') {
          const chain = await readKeyChain(session.docs.team, session.teamId, { subtle })
          const unfinished = unfinishedRemovals(chain, keys.deviceId)
          if (unfinished.length && !isStopped) secret = await rotate(session, keys, unfinished, clock, subtle)
        }
        // Also a secret this device made itself (`removeDevice`, the follow-up above): the sync moves too.
        if (secret !== reported && !isStopped) {
          reported = secret
          onSecret(secret)
        }
      },
      onError,
    )
  }, onError)
  return () => {
    isStopped = true
    stop()
  }
}

async function rotate(
  session: Session,
  keys: DeviceKeys,
  remove: string[],
  clock: Clock,
  subtle: SubtleCrypto,
) {
  const { secret } = await rotateTeamSecret({
    team: session.docs.team,
    teamId: session.teamId,
    keys,
    remove,
    at: clock.now(),
    actor: session.memberId,
    subtle,
  })
  await session.db.settings.put({ key: SECRET_SETTING, value: secret })
  return secret
}

/**
 * Removes a device from the team: rotates the team secret without it and keeps the new secret on
 * this device (`watchTeamKeys` then tells the sync to move to the new room).
 * @returns the new secret, or a refusal naming the problem (unknown device, this device, already
 *   removed, or this device is not on the current secret: removed, behind or `stale`)
 */
export async function removeDevice(
  session: Session,
  deviceId: string,
  options: { clock?: Clock; subtle?: SubtleCrypto } = {},
): Promise<Result<string>> {
  const { clock = systemClock, subtle = globalThis.crypto.subtle } = options
  const keys = await registerThisDevice(session, options)
  try {
    // Only a device on the team's current secret rotates: one left behind would start a secret
    // the rest of the team never sees (it cannot reach their room).
    const secret = await storedSecret(session)
    const state = secret
      ? await teamKeyState({ team: session.docs.team, teamId: session.teamId, keys, secret, subtle })
      : null
    if (state?.kind !== 'current')
      return fail(
        'device',
        'this device does not hold the team’s current secret, so it cannot remove a device',
      )
    return ok(await rotate(session, keys, [deviceId], clock, subtle))
  } catch (e) {
    return fail('device', e instanceof Error ? e.message : String(e))
  }
}

/** One row of the device list. */
export interface DeviceRow extends TeamDevice {
  /** The member's name, `null` when the member is not in the team document. */
  memberName: string | null
  isThisDevice: boolean
  removal: Removal | null
}

/** What the device list shows. */
export interface TeamDevicesView {
  devices: DeviceRow[]
  /** This device's standing: `removed` and `stale` get a banner. */
  state: TeamKeyState
}

/** Calls `onChange` with the team's devices and this device's standing, now and after every change; returns the stop function. */
export function watchTeamDevices(
  session: Session,
  onChange: (view: TeamDevicesView) => void,
  options: { name?: string; clock?: Clock; subtle?: SubtleCrypto; onError?: (e: unknown) => void } = {},
): () => void {
  const { subtle = globalThis.crypto.subtle } = options
  const onError = options.onError ?? ((e: unknown) => console.error('Rapport:', e))
  let stop = () => {}
  let isStopped = false
  void registerThisDevice(session, options).then((keys) => {
    if (isStopped) return
    stop = onKeyChanges(
      session.docs.team,
      async () => {
        const { team } = session.docs
        const devices = await readDevices(team, session.teamId, subtle)
        const chain = await readKeyChain(team, session.teamId, { devices, subtle })
        const secret = await storedSecret(session)
        const state: TeamKeyState = secret
          ? await teamKeyState({ team, teamId: session.teamId, keys, secret, subtle })
          : { kind: 'current', epoch: chain.head?.epoch ?? 0 }
        if (isStopped) return
        onChange({
          devices: devices.map((d) => ({
            ...d,
            memberName: session.repo.get('members', d.memberId)?.name ?? null,
            isThisDevice: d.id === keys.deviceId,
            removal: chain.removed.get(d.id) ?? null,
          })),
          state,
        })
      },
      onError,
    )
  }, onError)
  return () => {
    isStopped = true
    stop()
  }
}
