import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { allDocs, applyRemoteUpdate, type TeamDocs } from '../doc'
import { systemClock, type Clock, type Transport } from '../host'
import type { CompressionStreams } from './webrtc-host'
import { createReassembler, MAX_MESSAGE_BYTES, MAX_PACKET_BYTES, splitFrame } from './chunking'
import { deflate, inflate } from './deflate'
import { FrameError } from './errors'
import {
  awarenessFrame,
  deflatedFrame,
  helloFrame,
  readFrame,
  syncFrame,
  SYNC_PROTOCOL_VERSION,
  type Hello,
  type Frame,
} from './multiplex'
import { createSessionStatus, type SyncProgress, type SyncStatus } from './session-status'

/** The transaction origin of every update a session applies; it never sends those back. */
export interface SyncOrigin {
  readonly kind: 'sync'
  /** What carries the session (`SyncSessionOptions.via`): lets a host tell its syncs apart. */
  readonly via: string
}

/** Whether a transaction origin is a sync session's (any carrier). */
export const isSyncOrigin = (origin: unknown): origin is SyncOrigin =>
  typeof origin === 'object' && origin !== null && (origin as { kind?: unknown }).kind === 'sync'

/** Options of `startSyncSession`. */
export interface SyncSessionOptions {
  /** Called with a fresh status after every change. */
  onStatus?: (status: SyncStatus) => void
  /** Called during the first sync (until every document is synced) with bytes received of expected. */
  onProgress?: (progress: SyncProgress) => void
  /** Told about packets that were dropped (malformed, refused, failed to apply) and failed sends. */
  onError?: (error: Error) => void
  /** Presence to share with the peer (y-protocols awareness of the team doc); none by default. */
  awareness?: awarenessProtocol.Awareness
  /** @default systemClock */
  clock?: Clock
  /** @default MAX_PACKET_BYTES (64 KiB) */
  maxPacketBytes?: number
  /** Names the carrier in the session's `origin` (e.g. `bridge`). @default 'peer' */
  via?: string
  /**
   * The host's compression streams: with them, frames of `DEFLATE_MIN_BYTES` or more go deflated
   * to a peer that takes them (a first sync's answers shrink to about a sixth), and deflated
   * frames from the peer are taken. Without them, neither.
   */
  compression?: CompressionStreams
}

/** Frames smaller than this go as they are: single edits stay synchronous and need no stream. */
export const DEFLATE_MIN_BYTES = 16 * 1024

/** A running sync of a team's documents with one peer. */
export interface SyncSession {
  /** A snapshot of the session's state. */
  readonly status: SyncStatus
  /** The origin of the transactions this session applies. */
  readonly origin: SyncOrigin
  /** Exchanges state vectors again, both ways (after the transport lost messages, even the hello). */
  resync(): void
  /** Stops listening and sending; the transport stays open (its owner closes it). */
  stop(): void
}

/**
 * Syncs every document of a team with one peer over one transport, with the standard Yjs sync
 * protocol (y-protocols) per document, multiplexed and chunked (see `multiplex.ts`, `chunking.ts`).
 * Each side says hello; once the peer's hello names the same team and protocol version, each side
 * sends sync step 1 for every document, answers the peer's with step 2, and forwards local updates
 * (never those this session applied). A peer of another team or version is refused (`status.problem`)
 * and gets nothing but the hello. Malformed packets are dropped and counted, never thrown.
 * @param docs - the team's documents
 * @param transport - an ordered, reliable pipe to one peer (wrap it in `encryptedTransport` on a network)
 */
export function startSyncSession(
  docs: TeamDocs,
  transport: Transport,
  options: SyncSessionOptions = {},
): SyncSession {
  const { awareness, onError, clock = systemClock, maxPacketBytes = MAX_PACKET_BYTES } = options
  const list = allDocs(docs)
  const origin: SyncOrigin = Object.freeze({ kind: 'sync', via: options.via ?? 'peer' })
  const reassembler = createReassembler()
  const remoteClients = new Set<number>()
  const { compression } = options
  let isStopped = false
  let nextMessageId = 0
  let peerTakesDeflated = false
  /** Frames waiting for earlier ones (being deflated) to go: frames leave in the order they were sent. */
  let outbox = Promise.resolve()
  let outboxLength = 0
  /** Frames waiting for earlier ones (being inflated) to be handled: they are handled in arrival order. */
  let inbox = Promise.resolve()
  let inboxLength = 0
  /** Step 1s from the peer not yet answered (see `answerNext`). */
  const toAnswer: { doc: Y.Doc; index: number; vector: Uint8Array }[] = []
  let isAnswering = false
  const state = createSessionStatus(list, options, () => outboxLength + inboxLength + toAnswer.length)

  const fail = (error: unknown) => onError?.(error instanceof Error ? error : new Error(String(error)))

  function emit(frame: Uint8Array) {
    if (isStopped) return
    const id = nextMessageId++
    try {
      for (const packet of splitFrame(frame, id, maxPacketBytes)) {
        transport.send(packet)
        state.sent(packet.length)
      }
    } catch (error) {
      fail(error)
    }
    state.changed()
  }

  function send(frame: Uint8Array) {
    if (isStopped) return
    const deflating =
      compression && peerTakesDeflated && frame.length >= DEFLATE_MIN_BYTES
        ? deflate(frame, compression)
        : null
    if (!deflating && outboxLength === 0) return emit(frame)
    // Deflating starts now; the frame leaves once every earlier one has (as it is, if deflate fails).
    const ready = deflating
      ? deflating.then(deflatedFrame, (error: unknown) => {
          fail(error)
          return frame
        })
      : frame
    outboxLength++
    outbox = outbox.then(async () => {
      const f = await ready
      outboxLength--
      emit(f)
    })
  }

  /**
   * Answers the peer's step 1s one at a time, each once the one before has left the transport
   * (`Transport.ready`). Encoding an answer takes 0.3–0.7 s for a 3k-contact shard, and a data
   * channel tells its page that the buffer drained only while the page is not busy: answered
   * back to back, 50k contacts' answers left the receiver waiting 6 s in the middle of the sync.
   */
  function answerNext() {
    const next = toAnswer[0]
    isAnswering = next !== undefined && !isStopped
    if (!isAnswering) return
    try {
      send(syncFrame(next.index, (e) => syncProtocol.writeSyncStep2(e, next.doc, next.vector)))
    } catch (error) {
      fail(error)
    }
    toAnswer.shift()
    // Step 1s that come meanwhile wait their turn too.
    void outbox
      .then(() => transport.ready?.())
      .catch(fail)
      .then(() => setTimeout(answerNext, 0))
  }

  function sendStep1s() {
    list.forEach((doc, i) => {
      state.docSynced(i, false)
      send(syncFrame(i, (e) => syncProtocol.writeSyncStep1(e, doc)))
    })
  }

  const sendHello = (isReply: boolean) =>
    send(
      helloFrame({
        version: SYNC_PROTOCOL_VERSION,
        teamId: docs.teamId,
        docCount: list.length,
        isReply,
        takesDeflated: compression !== undefined,
      }),
    )

  function onHello(hello: Hello) {
    const problem =
      hello.version !== SYNC_PROTOCOL_VERSION
        ? `the peer speaks sync protocol ${hello.version}, this device ${SYNC_PROTOCOL_VERSION}: update the older one`
        : hello.teamId !== docs.teamId
          ? `the peer belongs to team ${hello.teamId}, not ${docs.teamId}`
          : hello.docCount !== list.length
            ? `the peer has ${hello.docCount} documents, this device ${list.length}`
            : null
    if (problem) return state.refusePeer(problem)
    peerTakesDeflated = hello.takesDeflated
    const wasConnected = state.isConnected()
    if (hello.isReply && wasConnected) return
    // Connected before anything is sent, in case the transport delivers synchronously. A later
    // hello that is not a reply is the peer resyncing: it gets a fresh exchange too.
    state.connect()
    if (!hello.isReply) sendHello(true)
    sendStep1s()
    if (awareness && !wasConnected) {
      send(
        awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()])),
      )
    }
  }

  function onSync(index: number, decoder: decoding.Decoder) {
    const doc = list[index]
    if (!doc) throw new FrameError(`no document ${index}`)
    // Not `readSyncMessage`: it logs failed updates to the console; these go to onError instead.
    const type = decoding.readVarUint(decoder)
    if (type === syncProtocol.messageYjsSyncStep1) {
      toAnswer.push({ doc, index, vector: decoding.readVarUint8Array(decoder) })
      if (!isAnswering) answerNext()
    } else if (type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate) {
      applyRemoteUpdate(doc, decoding.readVarUint8Array(decoder), origin)
      if (type === syncProtocol.messageYjsSyncStep2) state.docSynced(index, true)
    } else throw new FrameError(`unknown sync message type ${type}`)
  }

  function handle(f: Frame) {
    if (f.kind === 'hello') onHello(f.hello)
    else if (!state.isConnected()) throw new FrameError('a frame came before a matching hello')
    else if (f.kind === 'sync') onSync(f.doc, f.decoder)
    else if (f.kind === 'awareness') {
      if (awareness) awarenessProtocol.applyAwarenessUpdate(awareness, f.update, origin)
    } else throw new FrameError('a deflated frame inside a deflated frame')
  }

  const reject = (error: unknown) => {
    state.rejected()
    fail(error)
  }

  /** Inflates a deflated frame's contents; a hello never comes deflated. */
  async function inflated(bytes: Uint8Array): Promise<Frame> {
    if (!compression) throw new FrameError('a deflated frame, and no DecompressionStream to open it')
    let frame: Uint8Array
    try {
      frame = await inflate(bytes, compression, MAX_MESSAGE_BYTES)
    } catch (cause) {
      throw new FrameError('a deflated frame does not inflate', { cause })
    }
    const f = readFrame(frame)
    if (f.kind === 'hello') throw new FrameError('a hello inside a deflated frame')
    return f
  }

  function reportProgress() {
    state.progress(reassembler.pending())
    state.changed()
  }

  function onPacket(packet: Uint8Array) {
    if (isStopped) return
    state.received(packet.length, clock.now())
    try {
      const frame = reassembler.push(packet)
      if (frame) {
        const f = readFrame(frame)
        state.frameReceived(frame.length)
        if (f.kind === 'deflated' || inboxLength > 0) {
          // Handled after the frames before it, once inflated (inflating starts now).
          const ready = f.kind === 'deflated' ? inflated(f.bytes) : Promise.resolve(f)
          ready.catch(() => {}) // rejected in its turn below
          inboxLength++
          inbox = inbox.then(async () => {
            try {
              const g = await ready
              if (!isStopped) handle(g)
            } catch (error) {
              if (!isStopped) reject(error)
            } finally {
              inboxLength--
            }
            if (!isStopped) reportProgress()
          })
        } else handle(f)
      }
    } catch (error) {
      reject(error)
    }
    reportProgress()
  }

  const updateHandlers = list.map((doc, i) => {
    const handler = (update: Uint8Array, txOrigin: unknown) => {
      if (txOrigin !== origin && state.isConnected()) {
        send(syncFrame(i, (e) => syncProtocol.writeUpdate(e, update)))
      }
    }
    doc.on('update', handler)
    return () => doc.off('update', handler)
  })

  type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }
  const onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, txOrigin: unknown) => {
    if (txOrigin === origin) {
      for (const c of [...added, ...updated]) remoteClients.add(c)
      for (const c of removed) remoteClients.delete(c)
    } else if (state.isConnected()) {
      const changed = [...added, ...updated, ...removed]
      send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness!, changed)))
    }
  }
  awareness?.on('update', onAwarenessUpdate)

  const unsubscribe = transport.onMessage(onPacket)
  sendHello(false)

  return {
    get status() {
      return state.current()
    },
    origin,
    resync() {
      sendHello(false) // the peer answers, and asks for what it lacks in turn
      if (state.isConnected()) sendStep1s()
    },
    stop() {
      if (isStopped) return
      isStopped = true
      unsubscribe()
      for (const off of updateHandlers) off()
      if (awareness) {
        awareness.off('update', onAwarenessUpdate)
        awarenessProtocol.removeAwarenessStates(awareness, [...remoteClients], origin)
      }
    },
  }
}
