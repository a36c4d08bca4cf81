import { readSignalMessage, type SignalMessage } from './signal-message'
import { decryptSignal, deriveSignalingKey, encryptSignal, type SignalValue } from './signaling-crypto'
import type { RandomBytes } from './errors'
import { SOCKET_OPEN, type SignalingSocket, type WebSocketConstructor } from './webrtc-host'

/** Options of `connectSignaling`. */
export interface SignalingOptions {
  /** y-webrtc signaling servers (`ws://` or `wss://`); each message goes to every connected one. */
  urls: string[]
  /** The host's WebSocket constructor (a browser's `WebSocket`, or `ws` in Node). */
  WebSocket: WebSocketConstructor
  /** The topic: `roomId` of `deriveKeys` (y-webrtc's room name). */
  roomId: string
  /** `roomPassword` of `deriveKeys` (y-webrtc's `password`): encrypts every message. */
  roomPassword: string
  /** Each message from another client of the room that decrypted and made sense, once. */
  onMessage: (message: SignalMessage) => void
  /** A server (re)connected and the room is subscribed there: time to announce. */
  onConnect?: (url: string) => void
  /** Told about each server's connection state as it changes. */
  onStatus?: (servers: SignalingServerStatus[]) => void
  /** Told when the host's WebSocket throws on creation or on send. */
  onError?: (error: Error) => void
  /** @default globalThis.crypto.subtle */
  subtle?: SubtleCrypto
  /** The IV source. @default WebCrypto's getRandomValues */
  random?: RandomBytes
  /** The first reconnection delay, doubled after each failure (with jitter). @default 1000 */
  minRetryMs?: number
  /** The longest reconnection delay. @default 30000 */
  maxRetryMs?: number
  /** A ping is sent after this long without a message; a server silent twice as long is dropped. @default 15000 */
  pingMs?: number
}

/** One signaling server's state. */
export interface SignalingServerStatus {
  url: string
  isConnected: boolean
  /** Failed connection attempts since the last success. */
  failures: number
}

/** A connection to the room on every signaling server. */
export interface SignalingClient {
  /** Encrypts the message and publishes it on every connected server (dropped when none is). */
  publish(message: SignalMessage): void
  readonly servers: SignalingServerStatus[]
  /** Messages that did not decrypt or made no sense (a client with another password, or damage). */
  readonly rejected: number
  /** Unsubscribes, closes every socket and stops reconnecting. */
  close(): void
}

/** How many recent messages are remembered to drop the copies that come through other servers. */
const SEEN_LIMIT = 512

/**
 * Joins a room on y-webrtc signaling servers, speaking their protocol (JSON `subscribe`,
 * `unsubscribe`, `publish`, `ping`) with messages encrypted as y-webrtc encrypts them
 * (`signaling-crypto.ts`): the servers see the room id and ciphertext only. Lost connections are
 * retried with exponential backoff; the same message arriving through two servers is delivered once.
 */
export function connectSignaling(options: SignalingOptions): SignalingClient {
  const { urls, roomId, onMessage, onConnect, onStatus, onError, subtle, random } = options
  const { minRetryMs = 1000, maxRetryMs = 30_000, pingMs = 15_000 } = options
  const key = deriveSignalingKey(options.roomPassword, roomId, subtle)
  const fail = (error: unknown) => onError?.(error instanceof Error ? error : new Error(String(error)))
  const seen = new Set<string>()
  let publishing: Promise<unknown> = Promise.resolve()
  let receiving: Promise<unknown> = Promise.resolve()
  let isClosed = false
  let rejected = 0

  interface Server extends SignalingServerStatus {
    socket: SignalingSocket | null
    retry: ReturnType<typeof setTimeout> | null
    heardAt: number
  }
  const servers: Server[] = [...new Set(urls)].map((url) => ({
    url,
    isConnected: false,
    failures: 0,
    socket: null,
    retry: null,
    heardAt: 0,
  }))
  const statuses = () => servers.map(({ url, isConnected, failures }) => ({ url, isConnected, failures }))
  const changed = () => onStatus?.(statuses())

  function send(server: Server, message: object) {
    if (server.socket?.readyState !== SOCKET_OPEN) return
    try {
      server.socket.send(JSON.stringify(message))
    } catch (error) {
      fail(error)
    }
  }

  function isFirstSight(data: string): boolean {
    if (seen.has(data)) return false
    seen.add(data)
    if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!)
    return true
  }

  function receive(server: Server, raw: unknown) {
    server.heardAt = Date.now()
    let m: { type?: unknown; topic?: unknown; data?: unknown }
    try {
      m = JSON.parse(String(raw))
    } catch {
      return
    }
    // Unencrypted y-webrtc messages (a client without a password) carry an object: not ours.
    if (m?.type !== 'publish' || m.topic !== roomId || typeof m.data !== 'string') return
    if (!isFirstSight(m.data)) return
    const opened = key.then((k) => decryptSignal(m.data as string, k, subtle))
    receiving = receiving
      .then(() => opened)
      .then((value) => {
        if (isClosed) return
        const message = readSignalMessage(value)
        if (message) onMessage(message)
        else rejected++
      })
      .catch(fail)
  }

  function connect(server: Server) {
    if (isClosed) return
    server.retry = null
    let socket: SignalingSocket
    try {
      socket = new options.WebSocket(server.url)
    } catch (error) {
      fail(error)
      return retryLater(server)
    }
    server.socket = socket
    socket.addEventListener('open', () => {
      if (isClosed || server.socket !== socket) return
      server.isConnected = true
      server.failures = 0
      server.heardAt = Date.now()
      send(server, { type: 'subscribe', topics: [roomId] })
      changed()
      onConnect?.(server.url)
    })
    socket.addEventListener('message', (event) => {
      if (server.socket === socket) receive(server, event.data)
    })
    // A failure is followed by `close`, which retries; the listener keeps Node's `ws` from throwing.
    socket.addEventListener('error', () => {})
    socket.addEventListener('close', () => {
      if (server.socket !== socket) return
      server.socket = null
      if (!server.isConnected) server.failures++
      server.isConnected = false
      changed()
      retryLater(server)
    })
  }

  function retryLater(server: Server) {
    if (isClosed || server.retry) return
    const delay = Math.min(maxRetryMs, minRetryMs * 2 ** Math.min(server.failures, 16))
    server.retry = setTimeout(() => connect(server), delay * (0.75 + Math.random() / 2))
  }

  // Keeps quiet connections alive (proxies drop idle WebSockets) and notices dead ones.
  const heartbeat = setInterval(() => {
    const now = Date.now()
    for (const server of servers) {
      if (!server.isConnected || !server.socket) continue
      if (now - server.heardAt > 2 * pingMs) server.socket.close()
      else if (now - server.heardAt > pingMs) send(server, { type: 'ping' })
    }
  }, pingMs / 2)

  for (const server of servers) connect(server)

  return {
    publish(message) {
      if (isClosed) return
      const sealed = key.then((k) => encryptSignal(message as unknown as SignalValue, k, { subtle, random }))
      // In order: an offer must not overtake the announce, nor a candidate its offer.
      publishing = publishing
        .then(() => sealed)
        .then((data) => {
          isFirstSight(data) // the server echoes it back to us: drop that copy
          for (const server of servers) send(server, { type: 'publish', topic: roomId, data })
        })
        .catch(fail)
    },
    get servers() {
      return statuses()
    },
    get rejected() {
      return rejected
    },
    close() {
      if (isClosed) return
      isClosed = true
      clearInterval(heartbeat)
      for (const server of servers) {
        if (server.retry) clearTimeout(server.retry)
        send(server, { type: 'unsubscribe', topics: [roomId] })
        server.socket?.close()
        server.socket = null
        server.isConnected = false
      }
    },
  }
}
