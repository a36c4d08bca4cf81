import type { Transport } from '../host'
import { ownBuffer } from './bytes'
import { MAX_PACKET_BYTES } from './chunking'
import { SyncError } from './errors'

/** Options of `rtcTransport`. */
export interface RtcTransportOptions {
  /**
   * Messages wait in the transport's own queue while the channel buffers more than this. High, so
   * that a sender busy encoding a first sync's answers (its drain events wait behind that work)
   * has handed the channel enough to keep going; Chrome's limit is 16 MiB. @default 8 MiB
   */
  highWaterMark?: number
  /**
   * The queue drains again once the channel's buffer is down to this (`bufferedamountlow`). At most
   * half the high-water mark: the event fires only when the buffer falls from above it.
   * @default 256 KiB
   */
  lowWaterMark?: number
  /** A larger message is a bug in the caller (the session chunks): `send` throws. @default 64 KiB */
  maxMessageBytes?: number
  /** Told about the channel's `error` events. */
  onError?: (error: Error) => void
}

/** Byte and message counts of a data channel transport. */
export interface RtcTransportStats {
  bytesSent: number
  bytesReceived: number
  messagesSent: number
  messagesReceived: number
  /** Bytes waiting in the transport's queue now (the channel's own buffer is not counted). */
  queuedBytes: number
  /** The most that ever waited in the queue (before the channel opened, or held back). */
  peakQueuedBytes: number
  /** Messages held back after the channel opened: its buffer was over the high-water mark (flow control). */
  throttled: number
  /** Messages dropped because the channel had closed. */
  dropped: number
}

/** A `Transport` over one data channel. */
export interface RtcTransport extends Transport {
  readonly channel: RTCDataChannel
  /** `connecting` until the channel opens (sends are queued meanwhile), `closed` for good after. */
  readonly state: 'connecting' | 'open' | 'closed'
  readonly stats: Readonly<RtcTransportStats>
  /** Resolves once nothing waits in the transport's queue (all handed to the channel), or it closed. */
  ready(): Promise<void>
  /** Called once when the channel opens. */
  onOpen(handler: () => void): () => void
  /** Called once when the channel closes, from either side. */
  onClose(handler: () => void): () => void
}

/**
 * A `Transport` over an `RTCDataChannel` (ordered and reliable, as created by default) carrying
 * binary messages, with flow control: Chrome closes a channel whose send buffer overflows (16 MiB),
 * so messages wait in a queue while `bufferedAmount` is above `highWaterMark` and drain on
 * `bufferedamountlow`. Messages sent before the channel opens are queued too; after it closes they
 * are dropped and counted. Text messages from the peer are ignored.
 * @param channel - the data channel, open or still connecting; `binaryType` is set to `arraybuffer`
 * @throws SyncError from `send` for a message over `maxMessageBytes`
 */
export function rtcTransport(channel: RTCDataChannel, options: RtcTransportOptions = {}): RtcTransport {
  const { highWaterMark = 8 * 1024 * 1024, maxMessageBytes = MAX_PACKET_BYTES } = options
  const lowWaterMark = Math.min(options.lowWaterMark ?? 256 * 1024, highWaterMark / 2)
  const stats: RtcTransportStats = {
    bytesSent: 0,
    bytesReceived: 0,
    messagesSent: 0,
    messagesReceived: 0,
    queuedBytes: 0,
    peakQueuedBytes: 0,
    throttled: 0,
    dropped: 0,
  }
  const handlers = new Set<(message: Uint8Array) => void>()
  const openHandlers = new Set<() => void>()
  const closeHandlers = new Set<() => void>()
  const queue: Uint8Array<ArrayBuffer>[] = []
  /** `ready()` callers, told once the queue is empty. */
  let waiters: (() => void)[] = []
  const wake = () => {
    const woken = waiters
    waiters = []
    for (const w of woken) w()
  }
  let state: RtcTransport['state'] =
    channel.readyState === 'open' ? 'open' : channel.readyState === 'connecting' ? 'connecting' : 'closed'

  channel.binaryType = 'arraybuffer'
  channel.bufferedAmountLowThreshold = lowWaterMark

  function transmit(message: Uint8Array<ArrayBuffer>) {
    channel.send(message)
    stats.bytesSent += message.length
    stats.messagesSent++
  }

  function drain() {
    while (queue.length > 0 && state === 'open' && channel.bufferedAmount <= highWaterMark) {
      const message = queue.shift()!
      stats.queuedBytes -= message.length
      transmit(message)
    }
    if (queue.length === 0) wake()
  }

  function closed() {
    if (state === 'closed') return
    state = 'closed'
    stats.dropped += queue.length
    queue.length = 0
    stats.queuedBytes = 0
    wake()
    for (const handler of [...closeHandlers]) handler()
    closeHandlers.clear()
    openHandlers.clear()
  }

  channel.addEventListener('open', () => {
    if (state !== 'connecting') return
    state = 'open'
    for (const handler of [...openHandlers]) handler()
    openHandlers.clear()
    drain()
  })
  channel.addEventListener('bufferedamountlow', drain)
  channel.addEventListener('close', closed)
  channel.addEventListener('error', (event) => {
    const error = (event as RTCErrorEvent).error
    options.onError?.(error instanceof Error ? error : new Error('data channel error'))
  })
  channel.addEventListener('message', (event: MessageEvent) => {
    if (!(event.data instanceof ArrayBuffer)) return
    const message = new Uint8Array(event.data)
    stats.bytesReceived += message.length
    stats.messagesReceived++
    for (const handler of [...handlers]) handler(message)
  })

  return {
    channel,
    get state() {
      return state
    },
    stats,
    send(message) {
      if (message.length > maxMessageBytes) {
        throw new SyncError(`a data channel message of ${message.length} bytes is over ${maxMessageBytes}`)
      }
      if (state === 'closed') return void stats.dropped++
      const own = ownBuffer(message)
      if (state === 'open' && queue.length === 0 && channel.bufferedAmount <= highWaterMark) {
        return transmit(own)
      }
      if (state === 'open') stats.throttled++ // waits behind a full buffer, or behind messages that do
      // A copy: the caller may reuse its buffer once `send` returns, as it may with `channel.send`.
      const copy = own === message ? message.slice() : own
      queue.push(copy)
      stats.queuedBytes += copy.length
      stats.peakQueuedBytes = Math.max(stats.peakQueuedBytes, stats.queuedBytes)
    },
    ready() {
      // Before the channel opens the queue is all there is: waiting on it would wait for the open.
      if (queue.length === 0 || state !== 'open') return Promise.resolve()
      return new Promise<void>((resolve) => waiters.push(resolve))
    },
    onMessage(handler) {
      handlers.add(handler)
      return () => void handlers.delete(handler)
    },
    onOpen(handler) {
      if (state === 'open') handler()
      else if (state === 'connecting') openHandlers.add(handler)
      return () => void openHandlers.delete(handler)
    },
    onClose(handler) {
      if (state === 'closed') handler()
      else closeHandlers.add(handler)
      return () => void closeHandlers.delete(handler)
    },
    close() {
      if (state === 'closed') return
      handlers.clear()
      channel.close()
      closed()
    },
  }
}
