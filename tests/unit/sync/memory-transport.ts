import type { Transport } from '../../../shared/host'

/** Options of `memoryLink`. */
export interface MemoryLinkOptions {
  /** Messages over this many bytes are refused with a TypeError, as Chrome's data channel does. */
  maxMessageBytes?: number
  /** Delivery delay in ms; by default a microtask (never synchronous, like a real channel). */
  delayMs?: number
  /** Deliver inside `send` itself, the harshest re-entrancy a transport could show. */
  isSynchronous?: boolean
}

/** Two ends of an in-memory pipe, with a switch that drops messages while "offline". */
export interface MemoryLink {
  a: Transport
  b: Transport
  /** While offline every message sent, or still in flight, is lost. */
  setOnline(isOnline: boolean): void
  /** Every message that crossed, in order: what a relay between the peers would see. */
  wire: Uint8Array[]
  stats: { delivered: number; dropped: number; refused: number; largest: number }
  /** Messages sent and not yet delivered or dropped. */
  inFlight(): number
}

/** An in-memory, ordered transport pair for tests. */
export function memoryLink(options: MemoryLinkOptions = {}): MemoryLink {
  const { maxMessageBytes = Infinity, delayMs, isSynchronous = false } = options
  const stats = { delivered: 0, dropped: 0, refused: 0, largest: 0 }
  const wire: Uint8Array[] = []
  let isOnline = true
  let inFlight = 0

  function end(): Transport & {
    peer?: ReturnType<typeof end>
    handlers: Set<(m: Uint8Array) => void>
    isClosed: boolean
  } {
    const self = {
      handlers: new Set<(m: Uint8Array) => void>(),
      isClosed: false,
      peer: undefined as ReturnType<typeof end> | undefined,
      send(message: Uint8Array) {
        if (self.isClosed) return
        if (message.length > maxMessageBytes) {
          stats.refused++
          throw new TypeError(`message of ${message.length} bytes is over the limit of ${maxMessageBytes}`)
        }
        if (!isOnline) return void stats.dropped++
        const copy = message.slice()
        wire.push(copy)
        stats.largest = Math.max(stats.largest, copy.length)
        inFlight++
        const deliver = () => {
          inFlight--
          const peer = self.peer!
          if (!isOnline || peer.isClosed) return void stats.dropped++
          stats.delivered++
          for (const handler of [...peer.handlers]) handler(copy)
        }
        if (isSynchronous) deliver()
        else if (delayMs === undefined) queueMicrotask(deliver)
        else setTimeout(deliver, delayMs)
      },
      onMessage(handler: (m: Uint8Array) => void) {
        self.handlers.add(handler)
        return () => void self.handlers.delete(handler)
      },
      close() {
        self.isClosed = true
      },
    }
    return self
  }

  const a = end()
  const b = end()
  a.peer = b
  b.peer = a
  return {
    a,
    b,
    wire,
    stats,
    setOnline: (online) => void (isOnline = online),
    inFlight: () => inFlight,
  }
}

/** Waits until `condition` holds, polling on timers (async crypto and delays need real turns). */
export async function until(condition: () => boolean, what = 'condition', timeoutMs = 60_000): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/** Waits until nothing has crossed `links` for a few turns (quiet: everything delivered, nothing new). */
export async function settle(...links: MemoryLink[]): Promise<void> {
  let quiet = 0
  let last = -1
  await until(() => {
    const seen = links.reduce((n, l) => n + l.wire.length + l.stats.dropped, 0)
    const idle = links.every((l) => l.inFlight() === 0)
    quiet = idle && seen === last ? quiet + 1 : 0
    last = seen
    return quiet >= 5
  }, 'the links to go quiet')
}
