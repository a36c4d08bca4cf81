import type { Transport } from '../host'
import { readFrame } from './multiplex'

/**
 * The extension bridge, page side. The Rapport extension runs a content script on the app's origin
 * that relays sync packets between the page (`window.postMessage`) and the extension's background.
 * Both sides exchange envelopes on the page's own window, addressed to its own origin only:
 * - `ping` (page → extension): "is a bridge there?"; the bridge answers with `announce`;
 * - `announce` (extension → page): the bridge is ready; the page starts its sync session then;
 * - `packet` (both ways): one transport packet of `startSyncSession` (see README.md, "On the wire").
 *   Page packets name the team (`teamId`, read from the session's hello) so the extension opens
 *   that team's replica. Packets are not encrypted: they never leave the device.
 * The app calls `startSyncSession(docs, createPageBridgeTransport(window))` on the first announce.
 */
export const BRIDGE_CHANNEL = 'rapport-bridge'
/** The envelope format's version; envelopes of another version are ignored. */
export const BRIDGE_VERSION = 1

/** Which side posted an envelope; each side ignores its own. */
export type BridgeSide = 'page' | 'extension'

interface EnvelopeBase {
  channel: typeof BRIDGE_CHANNEL
  version: typeof BRIDGE_VERSION
  from: BridgeSide
}

/** Everything posted on the window for the bridge. */
export type BridgeEnvelope =
  | (EnvelopeBase & { type: 'ping' })
  | (EnvelopeBase & { type: 'announce' })
  | (EnvelopeBase & { type: 'packet'; data: Uint8Array; teamId?: string })

/** What the bridge needs of a window: its origin, `postMessage` and `message` events. */
export interface BridgeWindow {
  readonly location: { readonly origin: string }
  postMessage(message: unknown, targetOrigin: string): void
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void
}

type EnvelopeInput =
  { type: 'ping' } | { type: 'announce' } | { type: 'packet'; data: Uint8Array; teamId?: string }

/**
 * Posts one bridge envelope on `win`, to its own origin only (never `'*'`).
 * @param win - the page's window
 * @param from - the side posting
 * @param body - the envelope's type and payload
 */
export function postBridgeEnvelope(win: BridgeWindow, from: BridgeSide, body: EnvelopeInput): void {
  win.postMessage({ channel: BRIDGE_CHANNEL, version: BRIDGE_VERSION, from, ...body }, win.location.origin)
}

/**
 * Reads a `message` event's data as a bridge envelope.
 * @returns the envelope, or `null` for anything else (other channels, versions or shapes)
 */
export function readBridgeEnvelope(data: unknown): BridgeEnvelope | null {
  if (!data || typeof data !== 'object') return null
  const e = data as Record<string, unknown>
  if (e.channel !== BRIDGE_CHANNEL || e.version !== BRIDGE_VERSION) return null
  if (e.from !== 'page' && e.from !== 'extension') return null
  if (e.type === 'ping' || e.type === 'announce') return e as unknown as BridgeEnvelope
  if (e.type !== 'packet' || !(e.data instanceof Uint8Array)) return null
  if (e.teamId !== undefined && typeof e.teamId !== 'string') return null
  return e as unknown as BridgeEnvelope
}

/**
 * Listens for the envelopes the other side posts on `win`. Only messages from the window itself
 * and its own origin count: a frame or another window posting to it is ignored.
 * @param win - the page's window
 * @param side - the listening side; envelopes it posted itself are skipped
 * @param listener - called with each envelope from the other side
 * @returns the function that stops listening
 */
export function listenBridge(
  win: BridgeWindow,
  side: BridgeSide,
  listener: (envelope: BridgeEnvelope) => void,
): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== (win as unknown) || event.origin !== win.location.origin) return
    const envelope = readBridgeEnvelope(event.data)
    if (envelope && envelope.from !== side) listener(envelope)
  }
  win.addEventListener('message', onMessage)
  return () => win.removeEventListener('message', onMessage)
}

/**
 * The team id a packet's hello frame names, when the packet is a whole hello.
 * @returns the team id, or `undefined` for any other packet
 */
export function helloTeamId(packet: Uint8Array): string | undefined {
  if (packet[0] !== 0) return undefined
  try {
    const frame = readFrame(packet.subarray(1))
    return frame.kind === 'hello' ? frame.hello.teamId : undefined
  } catch {
    return undefined
  }
}

/**
 * Calls `listener` each time the extension's bridge announces itself on `win` (at its start, after
 * an extension update, and in answer to the ping this function posts at once).
 * @param win - the page's window
 * @param listener - start the sync session on the first call; later calls need nothing
 * @returns the function that stops listening
 */
export function onBridgeAnnounce(win: BridgeWindow, listener: () => void): () => void {
  const stop = listenBridge(win, 'page', (e) => {
    if (e.type === 'announce') listener()
  })
  postBridgeEnvelope(win, 'page', { type: 'ping' })
  return stop
}

/**
 * The page side of the bridge as a `Transport` for `startSyncSession`: packets go out as envelopes
 * on `win` and the extension's come back the same way. Every packet names the team once the
 * session's hello (always its first packet) has been seen.
 * @param win - the page's window (`window`); nothing else is touched
 * @returns the transport; after `close` it neither sends nor delivers
 */
export function createPageBridgeTransport(win: BridgeWindow): Transport {
  const handlers = new Set<(message: Uint8Array) => void>()
  let teamId: string | undefined
  let isClosed = false
  const stop = listenBridge(win, 'page', (e) => {
    if (isClosed || e.type !== 'packet') return
    for (const handler of handlers) handler(e.data)
  })
  return {
    send(message) {
      if (isClosed) return
      teamId = helloTeamId(message) ?? teamId
      postBridgeEnvelope(win, 'page', { type: 'packet', data: message, ...(teamId ? { teamId } : {}) })
    },
    onMessage(handler) {
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    close() {
      isClosed = true
      handlers.clear()
      stop()
    },
  }
}
