import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { allDocs, type TeamDocs } from '../../shared/doc'
import {
  acceptPairingOffer,
  createPairingOffer,
  encodeJoinCode,
  joinTeamSync,
  type PairingOffer,
  type PairingOptions,
  type PairingRefusal,
  type PeerLink,
  type PeerStatus,
  type TeamSync,
} from '../../shared/sync'
import type { Refusal } from '../../shared/sync/errors'
import type { SignalingServerStatus } from '../../shared/sync/signaling'
import { reconcileTeamSyncs } from '../services/after-sync'
import { openStockRooms, type StockRooms } from '../services/open-rooms'
import {
  applyBundle as applyBundleOf,
  keysOf,
  makeBundle as makeBundleOf,
  stateVectorsOf,
} from '../services/sync-bundles'
import { webrtcHost } from '../services/sync-browser'
import { firstSyncOf } from '../services/sync-progress'
import { defaultSignalingUrls } from '../services/sync-signaling'
import { watchTeamKeys } from '../services/team-devices'
import { setTeamLocal, teamLocal, type TeamSession } from '../services/team-session'
import { useTeamStore } from './team'

/**
 * Where live sync stands: off by choice, not possible in this browser, running, or ended because
 * another device removed this one from the team (it keeps its copy and gets nothing new).
 */
export type LiveSyncState = 'off' | 'unavailable' | 'starting' | 'on' | 'error' | 'removed'

/** A team that fails to load (or closes while loading) is reported by the team store. */
const ignoreLoadFailure = () => {}

/** Whether a Yjs transaction came from this device's repository (its origin names the actor). */
const isLocalWrite = (origin: unknown) =>
  typeof origin === 'object' && origin !== null && 'actor' in origin && 'at' in origin

/**
 * Live sync of the open team with its other devices: WebRTC through signaling servers
 * (`joinTeamSync`), pairing without a server, and sync bundles. It follows the team store: a team
 * opening starts it (when live sync is on for that team), closing stops it. The secret is read
 * from the team's local settings on every start, so `restart()` after a rotation uses the new keys.
 * The demo team syncs too: nothing leaves the device unless another device has its join code, and
 * it is the easy way to try sync.
 */
export const useSyncStore = defineStore('sync', () => {
  const team = useTeamStore()
  const state = ref<LiveSyncState>('off')
  const error = ref<string>()
  const isLiveSyncOn = ref(false)
  const signalingUrls = ref<string[]>([])
  const joinCode = ref('')
  const peers = shallowRef<PeerStatus[]>([])
  const servers = shallowRef<SignalingServerStatus[]>([])
  /** Local changes made while no device was connected: they go out on the next sync. */
  const unshared = ref(0)
  /** When this device last exchanged updates with another (this run of the app). */
  const lastSyncAt = ref<number | null>(null)
  const pairedPeers = shallowRef<PeerStatus[]>([])
  /** Whether stock Yjs clients may join (one y-webrtc room per document), and how many are in. */
  const isOpenRoomsOn = ref(false)
  const openRoomPeers = ref(0)
  let rooms: StockRooms | undefined
  let stopReconcile = () => {}
  let sync: TeamSync | undefined
  let current: TeamSession | undefined
  let offer: PairingOffer | undefined
  /** Devices paired with no server: their links, and how to stop each. */
  let paired: { link: PeerLink; stop: () => void }[] = []
  let stopWatchingDocs = () => {}
  let stopWatchingKeys = () => {}
  let isRemoved = false
  let generation = 0

  const allPeers = computed(() => [...peers.value, ...pairedPeers.value])
  const isSyncing = (p: PeerStatus) => p.state === 'connected' && p.isSynced
  const firstSync = computed(() => firstSyncOf(allPeers.value))

  function peersChanged() {
    const list = allPeers.value
    for (const p of list)
      if (p.lastSyncAt && p.lastSyncAt > (lastSyncAt.value ?? 0)) lastSyncAt.value = p.lastSyncAt
    if (list.some(isSyncing)) unshared.value = 0
  }

  async function readLocal(s: TeamSession) {
    const secret = await teamLocal(s.db, 'secret')
    const urls = (await teamLocal(s.db, 'signaling')) ?? defaultSignalingUrls(location)
    const on = (await teamLocal(s.db, 'liveSync')) === true
    const openRooms = (await teamLocal(s.db, 'openRooms')) === true
    return { secret, urls, on, openRooms }
  }

  function refreshJoinCode(secret: string | undefined) {
    const s = current
    joinCode.value =
      s && secret
        ? encodeJoinCode({
            teamId: s.teamId,
            secret,
            name: team.teamName || undefined,
            signaling: signalingUrls.value,
          })
        : ''
  }

  function watchDocs(docs: TeamDocs) {
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (isLocalWrite(origin) && !allPeers.value.some(isSyncing)) unshared.value++
    }
    for (const d of allDocs(docs)) d.on('update', onUpdate)
    stopWatchingDocs = () => {
      for (const d of allDocs(docs)) d.off('update', onUpdate)
    }
  }

  /** Starts following a team: reads its settings afresh and joins the room when live sync is on. */
  async function start(s: TeamSession) {
    const mine = ++generation
    current = s
    let local: Awaited<ReturnType<typeof readLocal>>
    try {
      local = await readLocal(s)
    } catch (e) {
      // The team closed meanwhile (its read model with it): nothing to start.
      if (mine !== generation || team.session !== s) return
      state.value = 'error'
      error.value = e instanceof Error ? e.message : String(e)
      return
    }
    if (mine !== generation) return
    signalingUrls.value = local.urls
    isLiveSyncOn.value = local.on
    isOpenRoomsOn.value = local.openRooms
    // A removed device's secret is an old one: its join code would invite to nothing.
    refreshJoinCode(isRemoved ? undefined : local.secret)
    // Only once loaded: an `update` listener makes Yjs encode every shard as it loads (writes
    // wait for `loaded` anyway, so no local change is missed).
    s.loaded.then(() => {
      if (mine === generation) watchDocs(s.docs)
    }, ignoreLoadFailure)
    const host = webrtcHost()
    if (isRemoved) return void (state.value = 'removed')
    if (!local.on) return void (state.value = 'off')
    if (!host) return void (state.value = 'unavailable')
    if (!local.secret) {
      state.value = 'error'
      error.value = 'this device has no secret for the team'
      return
    }
    state.value = 'starting'
    error.value = undefined
    try {
      await s.teamLoaded
      const started = await joinTeamSync({
        docs: s.docs,
        secret: local.secret,
        signalingUrls: local.urls,
        ...host,
        onError: (e) => console.warn('Rapport sync:', e.message),
      })
      if (mine !== generation) return started.stop()
      sync = started
      const update = () => {
        peers.value = started.peers
        servers.value = started.signaling
        peersChanged()
      }
      started.onChange(update)
      update()
      state.value = 'on'
      if (local.openRooms) await openRooms(s, local.secret, local.urls, mine)
    } catch (e) {
      if (mine !== generation) return
      state.value = 'error'
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  /** Opens the rooms stock Yjs clients join (`openStockRooms`) and counts who is in them. */
  async function openRooms(s: TeamSession, secret: string, urls: string[], mine: number) {
    const stock = await openStockRooms(s.docs, secret, urls, {
      onPeers: (n) => (openRoomPeers.value = n),
    })
    if (mine !== generation) return stock.close()
    rooms = stock
  }

  /** Leaves the room, closes paired links and any pending offer. */
  function stop() {
    generation++
    sync?.stop()
    sync = undefined
    rooms?.close()
    rooms = undefined
    openRoomPeers.value = 0
    offer?.cancel()
    offer = undefined
    for (const p of paired) p.stop()
    paired = []
    stopWatchingDocs()
    stopWatchingDocs = () => {}
    peers.value = []
    servers.value = []
    pairedPeers.value = []
    current = undefined
    state.value = 'off'
  }

  /** Stops and starts again with the team's current settings and secret (after a rotation). */
  async function restart() {
    const s = team.session
    stop()
    if (s) await start(s)
  }

  /** Turns live sync on or off for this team on this device. */
  async function setLiveSync(on: boolean) {
    const s = await team.whenLoaded()
    await setTeamLocal(s.db, 'liveSync', on)
    await restart()
  }

  /** Lets stock Yjs clients join this team through this device, or stops letting them. */
  async function setOpenRooms(on: boolean) {
    const s = await team.whenLoaded()
    await setTeamLocal(s.db, 'openRooms', on)
    await restart()
  }

  /** Changes the signaling servers (already checked by `parseSignalingUrls`) and restarts. */
  async function setSignalingUrls(urls: string[]) {
    const s = await team.whenLoaded()
    await setTeamLocal(s.db, 'signaling', urls)
    await restart()
  }

  /** This device's state vectors, for another device to answer with only what this one lacks. */
  const stateVectors = async () => stateVectorsOf(await team.whenLoaded())
  /** A bundle of everything, or of what the device whose state vectors are given lacks. */
  const makeBundle = async (since?: Uint8Array) => makeBundleOf(await team.whenLoaded(), since)
  /** Merges a bundle after checking all of it: a refused file changes nothing. */
  const applyBundle = async (bytes: Uint8Array) => applyBundleOf(await team.whenLoaded(), bytes)

  async function pairingOptions(): Promise<PairingOptions> {
    const s = await team.whenLoaded()
    const keys = await keysOf(s)
    const host = webrtcHost()
    if (!host) throw new Error('this browser has no WebRTC')
    return {
      docs: s.docs,
      keys,
      RTCPeerConnection: host.RTCPeerConnection,
      compression: host.compression,
      onError: (e) => console.warn('Rapport pairing:', e.message),
    }
  }

  function keepLink(link: PeerLink) {
    const update = () => {
      pairedPeers.value = paired.map((p) => p.link.status)
      peersChanged()
    }
    const off = link.onChange(update)
    paired.push({
      link,
      stop: () => {
        off()
        link.stop()
      },
    })
    update()
  }

  /** Device A: a pairing offer code (a new one replaces the pending one). */
  async function makePairingOffer(): Promise<{ ok: true; code: string } | Refusal<PairingRefusal>> {
    offer?.cancel()
    offer = undefined
    const r = await createPairingOffer(await pairingOptions())
    if (!r.ok) return r
    offer = r.value
    return { ok: true, code: r.value.code }
  }

  /** Device A: completes the pending offer with device B's answer. */
  async function completePairing(answerCode: string): Promise<{ ok: true } | Refusal<PairingRefusal>> {
    if (!offer)
      return { ok: false, reason: 'wrong-offer', problems: [{ path: '', message: 'make an offer first' }] }
    const r = await offer.completePairing(answerCode)
    if (!r.ok) return r
    offer = undefined
    keepLink(r.value)
    return { ok: true }
  }

  /** Device B: answers device A's offer; the answer code goes back to device A. */
  async function answerPairing(
    offerCode: string,
  ): Promise<{ ok: true; code: string } | Refusal<PairingRefusal>> {
    const r = await acceptPairingOffer(offerCode, await pairingOptions())
    if (!r.ok) return r
    keepLink(r.value.link)
    return { ok: true, code: r.value.answerCode }
  }

  /**
   * Follows a newly opened team: its key epochs (a rotated secret restarts sync with the new keys,
   * a removal of this device stops it) and its live sync.
   */
  function follow(s: TeamSession | undefined) {
    stopWatchingKeys()
    stopWatchingKeys = () => {}
    stopReconcile()
    stopReconcile = () => {}
    isRemoved = false
    stop()
    if (!s) return
    s.loaded.then(() => {
      if (team.session === s)
        stopReconcile = reconcileTeamSyncs(
          s,
          () => team.today(),
          (o) => rooms?.isOrigin(o) === true,
        )
    }, ignoreLoadFailure)
    stopWatchingKeys = watchTeamKeys(
      s,
      () => void restart(),
      () => {
        isRemoved = true
        stop()
        state.value = 'removed'
        joinCode.value = ''
      },
      {
        // A step still running when the team closes fails on the closed database: nothing is lost.
        onError: (e) => {
          if (team.session === s) console.error('Rapport:', e)
        },
      },
    )
    void start(s)
  }

  watch(() => team.session, follow, { immediate: true })
  // The join code carries the team's name: keep it current.
  watch(
    () => team.teamName,
    async () => {
      if (current) refreshJoinCode(await teamLocal(current.db, 'secret'))
    },
  )

  function $reset() {
    follow(undefined)
    unshared.value = 0
    lastSyncAt.value = null
    error.value = undefined
  }

  return {
    state,
    error,
    isLiveSyncOn,
    isOpenRoomsOn,
    openRoomPeers,
    setOpenRooms,
    signalingUrls,
    joinCode,
    peers: allPeers,
    servers,
    unshared,
    lastSyncAt,
    firstSync,
    restart,
    setLiveSync,
    setSignalingUrls,
    stateVectors,
    makeBundle,
    applyBundle,
    makePairingOffer,
    completePairing,
    answerPairing,
    $reset,
  }
})
