import type { TeamDocs } from '../doc'
import { systemClock, type Clock } from '../host'
import { IV_BYTES, TAG_BYTES } from './aes'
import { MAX_PACKET_BYTES } from './chunking'
import { encryptedTransport } from './crypto-transport'
import type { RandomBytes } from './errors'
import { rtcTransport } from './rtc-transport'
import type { CompressionStreams } from './webrtc-host'
import { startSyncSession, type SyncSession } from './sync-session'

/**
 * Where a peer connection stands: `connecting` while WebRTC negotiates, `open` once the data channel
 * is open but before the peer's hello matched (a peer with another key stays here, see `rejected`),
 * `connected` while syncing, `closed` for good.
 */
export type PeerState = 'connecting' | 'open' | 'connected' | 'closed'

/** The state of the sync with one peer device. */
export interface PeerStatus {
  peerId: string
  state: PeerState
  /** Every document synced with the peer at least once on this connection. */
  isSynced: boolean
  /**
   * Documents whose answer from the peer is in, of `docCount`: a first sync's progress (the 16
   * record shards are about the same size; the team document is small).
   */
  docsSynced: number
  docCount: number
  /** When the last message from the peer arrived after the first full sync (the clock's time). */
  lastSyncAt: number | null
  /** Bytes on the data channel, encrypted, as it carried them. */
  bytesSent: number
  bytesReceived: number
  /** Messages that waited for the channel's send buffer to drain (flow control at work when above 0). */
  throttled: number
  /** Messages dropped: they did not decrypt (another team key) or did not decode. */
  rejected: number
  /** Why the peer was refused or the connection was given up, `null` otherwise. */
  problem: string | null
}

/** Options of `openPeerLink`. */
export interface PeerLinkOptions {
  /** How the peer is named in the status (its signaling id, or `paired`). */
  peerId: string
  /** The connection, owned by the link from now on: `stop` closes it. */
  connection: RTCPeerConnection
  /** The data channel (created, or received in `datachannel`), open or not yet. */
  channel: RTCDataChannel
  docs: TeamDocs
  /** `updateKey` of `deriveKeys`. */
  updateKey: CryptoKey
  /** Given up (state `closed`) when the channel is not open by then. @default 20000 */
  connectTimeoutMs?: number
  /** @default systemClock */
  clock?: Clock
  /** @default globalThis.crypto.subtle */
  subtle?: SubtleCrypto
  /** @default WebCrypto's getRandomValues */
  random?: RandomBytes
  /** Told about dropped packets and failed sends (see `startSyncSession`). */
  onError?: (error: Error) => void
  /** The host's compression streams: large sync messages go deflated (see `startSyncSession`). */
  compression?: CompressionStreams
  /** Bytes the data channel may buffer before sends wait (`rtcTransport`'s `highWaterMark`). */
  sendBufferBytes?: number
}

/** The sync with one peer over one data channel. */
export interface PeerLink {
  readonly peerId: string
  readonly status: PeerStatus
  readonly session: SyncSession
  /** Called with a fresh status after every change; returns the function that unsubscribes. */
  onChange(handler: (status: PeerStatus) => void): () => void
  /** Stops the session and closes the channel and the connection. */
  stop(problem?: string): void
}

/**
 * Runs `startSyncSession` over `encryptedTransport(rtcTransport(channel), updateKey)`, with packets
 * cut so that each encrypted message stays within 64 KiB, and watches the connection: the link
 * closes when the channel closes, the connection fails, or the channel does not open in time.
 */
export function openPeerLink(options: PeerLinkOptions): PeerLink {
  const { peerId, connection, channel, docs, updateKey, connectTimeoutMs = 20_000 } = options
  const { clock = systemClock, subtle, random, onError, compression, sendBufferBytes } = options
  const handlers = new Set<(status: PeerStatus) => void>()
  const transport = rtcTransport(channel, { onError, highWaterMark: sendBufferBytes })
  const encrypted = encryptedTransport(transport, updateKey, {
    subtle,
    random,
    onError,
    onReject: () => changed(),
  })
  let problem: string | null = null
  let isStopped = false

  // Assigned below; the session reports its first status (the hello it sends) before it returns.
  let session: SyncSession | null = null
  session = startSyncSession(docs, encrypted, {
    clock,
    onError,
    onStatus: () => changed(),
    maxPacketBytes: MAX_PACKET_BYTES - IV_BYTES - TAG_BYTES,
    compression,
  })

  function status(): PeerStatus {
    const s = session!.status
    const state: PeerState = isStopped
      ? 'closed'
      : transport.state === 'connecting'
        ? 'connecting'
        : s.isConnected
          ? 'connected'
          : 'open'
    return {
      peerId,
      state,
      isSynced: s.isSynced,
      docsSynced: s.docs.filter((d) => d.isSynced).length,
      docCount: s.docs.length,
      lastSyncAt: s.isSynced ? s.lastMessageAt : null,
      bytesSent: transport.stats.bytesSent,
      bytesReceived: transport.stats.bytesReceived,
      throttled: transport.stats.throttled,
      rejected: encrypted.rejected + s.rejected,
      problem: problem ?? s.problem,
    }
  }

  function changed() {
    if (!session) return
    const s = status()
    for (const handler of [...handlers]) handler(s)
  }

  const timer = setTimeout(() => {
    if (transport.state === 'connecting') stop('no connection: the devices could not reach each other')
  }, connectTimeoutMs)

  function stop(why?: string) {
    if (isStopped) return
    isStopped = true
    problem ??= why ?? null
    clearTimeout(timer)
    session!.stop()
    encrypted.close()
    connection.close()
    changed()
    handlers.clear()
  }

  transport.onOpen(() => {
    clearTimeout(timer)
    changed()
  })
  transport.onClose(() => stop())
  connection.addEventListener('connectionstatechange', () => {
    if (connection.connectionState === 'failed') stop('the connection failed')
    else if (connection.connectionState === 'closed') stop()
  })

  return {
    peerId,
    get status() {
      return status()
    },
    session,
    onChange(handler) {
      handlers.add(handler)
      return () => void handlers.delete(handler)
    },
    stop,
  }
}
