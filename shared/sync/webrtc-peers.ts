import { allDocs, type TeamDocs } from '../doc'
import { systemClock, type Clock } from '../host'
import { toHex } from './bytes'
import { SyncError, webRandomBytes, type RandomBytes } from './errors'
import { openPeerLink, type PeerLink, type PeerStatus } from './peer-link'
import { negotiate, type Negotiation } from './rtc-negotiation'
import type { SignalMessage } from './signal-message'
import { connectSignaling, type SignalingServerStatus } from './signaling'
import { deriveKeys, type TeamKeys } from './team-secret'
import type { CompressionStreams, RTCPeerConnectionConstructor, WebSocketConstructor } from './webrtc-host'

/** Options of `joinTeamSync`. */
export interface JoinTeamSyncOptions {
  /** The team's documents (`createTeamDocs(teamId)` with the join code's team id). */
  docs: TeamDocs
  /** The team secret from the join code; or give `keys`. */
  secret?: string
  /** Keys already derived with `deriveKeys` (then `secret` is not needed). */
  keys?: TeamKeys
  /** y-webrtc signaling servers, `ws://` or `wss://` (the join code's, or the user's). */
  signalingUrls: string[]
  /** The host's `RTCPeerConnection` constructor. */
  RTCPeerConnection: RTCPeerConnectionConstructor
  /** The host's `WebSocket` constructor. */
  WebSocket: WebSocketConstructor
  /**
   * STUN/TURN servers, a setting: none reaches devices on the same LAN only (PAIRING.md).
   * @default []
   */
  iceServers?: RTCIceServer[]
  /** Peers connected at once; announces from more are ignored. @default 32 */
  maxPeers?: number
  /** A peer whose data channel is not open by then is dropped (and retried on its next announce). @default 20000 */
  connectTimeoutMs?: number
  /** The room is announced again this often, so that peers that missed each other meet. @default 30000 */
  announceEveryMs?: number
  /** @default systemClock */
  clock?: Clock
  /** @default globalThis.crypto.subtle */
  subtle?: SubtleCrypto
  /** @default WebCrypto's getRandomValues */
  random?: RandomBytes
  /** Told about failed negotiation steps, dropped packets and socket errors. */
  onError?: (error: Error) => void
  /** The host's compression streams: large sync messages go deflated (see `startSyncSession`). */
  compression?: CompressionStreams
  /** Bytes a data channel may buffer before sends wait. @default 8 MiB (`rtcTransport`) */
  sendBufferBytes?: number
}

/** A device's live sync with its team over WebRTC. */
export interface TeamSync {
  /** This device's id in the room (fresh on every join, as y-webrtc's). */
  readonly peerId: string
  /** Every peer being connected or connected, by id. */
  readonly peers: PeerStatus[]
  readonly signaling: SignalingServerStatus[]
  /** Called after every change of a peer or a server; returns the function that unsubscribes. */
  onChange(handler: (sync: TeamSync) => void): () => void
  /** Leaves the room and closes every connection. */
  stop(): void
}

interface Peer {
  peerId: string
  isInitiator: boolean
  negotiation: Negotiation
  link: PeerLink | null
}

/** A random version-4 UUID, the shape of y-webrtc's peer ids. */
function uuid(random: RandomBytes): string {
  const b = random(16)
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = toHex(b)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * Syncs the team's documents with every other device of the team in the signaling room. Devices
 * meet through y-webrtc signaling (`signaling.ts`: room `roomId`, messages encrypted with
 * `roomPassword`); for each peer one RTCPeerConnection is made, the side with the smaller peer id
 * offering (the other answers an announce with its own, addressed to the announcer), with one data
 * channel running `startSyncSession` inside `encryptedTransport(…, updateKey)`.
 * A connection that closes or fails is dropped and the room is announced again.
 * @throws SyncError when neither `secret` nor `keys` is given, or the secret is not a team secret
 */
export async function joinTeamSync(options: JoinTeamSyncOptions): Promise<TeamSync> {
  const {
    docs,
    iceServers = [],
    maxPeers = 32,
    connectTimeoutMs = 20_000,
    announceEveryMs = 30_000,
  } = options
  const { clock = systemClock, subtle, random = webRandomBytes, onError } = options
  if (!options.keys && !options.secret) throw new SyncError('joining a team needs its secret (the join code)')
  const keys = options.keys ?? (await deriveKeys(options.secret!, subtle))
  const me = uuid(random)
  const peers = new Map<string, Peer>()
  const handlers = new Set<(sync: TeamSync) => void>()
  let isStopped = false
  let reannounce: ReturnType<typeof setTimeout> | null = null

  const announce = (to?: string) =>
    signaling.publish(to ? { type: 'announce', from: me, to } : { type: 'announce', from: me })

  function changed() {
    for (const handler of [...handlers]) handler(sync)
  }

  function drop(peer: Peer) {
    if (peers.get(peer.peerId) !== peer) return
    peers.delete(peer.peerId)
    if (peer.link) peer.link.stop()
    else peer.negotiation.connection.close()
    changed()
    // If the peer is still there (a network blip), meet again; a departed peer stays silent.
    if (!isStopped && !reannounce) {
      reannounce = setTimeout(() => {
        reannounce = null
        if (!isStopped) announce()
      }, 1000)
    }
  }

  function start(peerId: string, isInitiator: boolean): Peer {
    const peer: Peer = { peerId, isInitiator, link: null, negotiation: null! }
    peers.set(peerId, peer)
    peer.negotiation = negotiate({
      RTCPeerConnection: options.RTCPeerConnection,
      iceServers,
      isInitiator,
      onError,
      sendSignal: (signal) => signaling.publish({ type: 'signal', from: me, to: peerId, signal }),
      onChannel: (channel, connection) => {
        if (peers.get(peerId) !== peer) return void channel.close()
        const link = openPeerLink({
          peerId,
          connection,
          channel,
          docs,
          updateKey: keys.updateKey,
          connectTimeoutMs,
          clock,
          subtle,
          random,
          onError,
          compression: options.compression,
          sendBufferBytes: options.sendBufferBytes,
        })
        peer.link = link
        link.onChange((status) => (status.state === 'closed' ? drop(peer) : changed()))
        changed()
      },
    })
    // The answering side has no channel (and so no link timeout) until the offer arrives.
    setTimeout(() => {
      if (!peer.link && peers.get(peerId) === peer) drop(peer)
    }, connectTimeoutMs)
    changed()
    return peer
  }

  function onMessage(m: SignalMessage) {
    if (isStopped || m.from === me || (m.to !== undefined && m.to !== me)) return
    const known = peers.get(m.from)
    if (m.type === 'announce') {
      if (known || peers.size >= maxPeers) return
      if (me < m.from) start(m.from, true)
      else announce(m.from) // the peer with the smaller id offers: tell it we are here
      return
    }
    if (m.signal.type === 'offer') {
      if (known?.isInitiator) return // both offered (a client that ignores the rule): ours stands
      if (known) drop(known) // the peer restarted its side of the connection
      if (peers.size >= maxPeers) return
      start(m.from, false).negotiation.handleSignal(m.signal)
    } else known?.negotiation.handleSignal(m.signal)
  }

  const signaling = connectSignaling({
    urls: options.signalingUrls,
    WebSocket: options.WebSocket,
    roomId: keys.roomId,
    roomPassword: keys.roomPassword,
    subtle,
    random,
    onError,
    onMessage,
    onConnect: () => announce(),
    onStatus: () => changed(),
  })
  const heartbeat = setInterval(() => announce(), announceEveryMs)

  const statusOf = (peer: Peer): PeerStatus =>
    peer.link?.status ?? {
      peerId: peer.peerId,
      state: 'connecting',
      isSynced: false,
      docsSynced: 0,
      docCount: allDocs(docs).length,
      lastSyncAt: null,
      bytesSent: 0,
      bytesReceived: 0,
      throttled: 0,
      rejected: 0,
      problem: null,
    }

  const sync: TeamSync = {
    peerId: me,
    get peers() {
      return [...peers.values()].map(statusOf)
    },
    get signaling() {
      return signaling.servers
    },
    onChange(handler) {
      handlers.add(handler)
      return () => void handlers.delete(handler)
    },
    stop() {
      if (isStopped) return
      isStopped = true
      clearInterval(heartbeat)
      if (reannounce) clearTimeout(reannounce)
      for (const peer of [...peers.values()]) drop(peer)
      signaling.close()
      handlers.clear()
    },
  }
  return sync
}
