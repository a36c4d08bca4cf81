import { listenBridge, postBridgeEnvelope, type BridgeWindow } from '../../../shared/sync/bridge-transport'
import { isBridgePortMessage } from '../messages'
import { fromBase64, toBase64 } from './base64'
import type { PortLike } from './port'

/** What the relay needs from its content script. */
export interface BridgeRelayDeps {
  /** The app page's window. */
  win: BridgeWindow
  /** Opens a port to the background (`browser.runtime.connect({ name: BRIDGE_PORT_NAME })`). */
  connect(): PortLike
  onError?: (error: unknown) => void
}

/** The content script's end of the bridge. */
export interface BridgeRelay {
  /** Connects to the background if the relay is not connected and knows the team (a wake-up). */
  wake(): void
  /** Whether a port to the background is open. */
  isConnected(): boolean
  stop(): void
}

/**
 * Relays sync packets between the app page and the background, both ways. It announces itself to
 * the page (at start and in answer to a ping), opens a port when the page's first packet names the
 * team, and, when the background's service worker stops and the port closes, reconnects at the
 * page's next packet or at the background's wake-up; the two sessions then resync from their hellos.
 */
export function startBridgeRelay(deps: BridgeRelayDeps): BridgeRelay {
  const { win } = deps
  let port: PortLike | undefined
  let teamId: string | undefined

  function connect(): PortLike | undefined {
    if (port || !teamId) return port
    let p: PortLike
    try {
      p = deps.connect()
    } catch (error) {
      deps.onError?.(error) // the extension was updated or removed: this script is orphaned
      return undefined
    }
    const onMessage = (message: unknown) => {
      if (isBridgePortMessage(message) && message.type === 'bridge/packet') {
        postBridgeEnvelope(win, 'extension', { type: 'packet', data: fromBase64(message.data) })
      }
    }
    const onDisconnect = () => {
      p.onMessage.removeListener(onMessage)
      p.onDisconnect.removeListener(onDisconnect)
      if (port === p) port = undefined
    }
    p.onMessage.addListener(onMessage)
    p.onDisconnect.addListener(onDisconnect)
    p.postMessage({ type: 'bridge/open', teamId })
    return (port = p)
  }

  const stopListening = listenBridge(win, 'extension', (e) => {
    if (e.type === 'ping') return postBridgeEnvelope(win, 'extension', { type: 'announce' })
    if (e.type !== 'packet') return
    if (e.teamId && e.teamId !== teamId) {
      port?.disconnect()
      port = undefined
      teamId = e.teamId
    }
    try {
      connect()?.postMessage({ type: 'bridge/packet', data: toBase64(e.data) })
    } catch (error) {
      // The service worker stopped before the port said so: open a fresh one at once, whose
      // sessions resync from their hellos (this packet included), rather than wait for the next.
      port = undefined
      deps.onError?.(error)
      connect()
    }
  })
  postBridgeEnvelope(win, 'extension', { type: 'announce' })

  return {
    wake: () => void connect(),
    isConnected: () => port !== undefined,
    stop() {
      stopListening()
      port?.disconnect()
      port = undefined
    },
  }
}
