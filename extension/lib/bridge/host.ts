import type { TeamDocs } from '../../../shared/doc'
import { startSyncSession, type SyncSession } from '../../../shared/sync'
import type { Transport } from '../../../shared/host'
import { errorText, isBridgePortMessage } from '../messages'
import { fromBase64, toBase64 } from './base64'
import type { PortLike } from './port'

/** What the background's end of the bridge needs. */
export interface BridgeHostDeps {
  /** Whether a port's sender is a tab of the app's configured origin. */
  isAppSender(url: string | undefined): Promise<boolean>
  /** Makes `teamId` this browser's team if it was not, and loads its documents. */
  openTeam(teamId: string): Promise<TeamDocs>
  onError: (error: unknown) => void
}

/** The background's end of the bridge: one sync session per connected app tab. */
export interface BridgeHost {
  /** Takes a port the app bridge opened; the session starts once it names the team. */
  accept(port: PortLike): void
  /** Ports syncing now. */
  count(): number
}

/**
 * Creates the bridge host. Each port first says which team the app syncs (`bridge/open`); the
 * host loads that team's documents and runs `startSyncSession` over the port, both directions.
 * Packets that arrive while the documents load are kept and delivered in order.
 */
export function createBridgeHost(deps: BridgeHostDeps): BridgeHost {
  const sessions = new Set<SyncSession>()

  function accept(port: PortLike) {
    let buffered: Uint8Array[] | undefined = []
    let session: SyncSession | undefined
    let isOpening = false
    let isClosed = false
    const handlers = new Set<(m: Uint8Array) => void>()

    const transport: Transport = {
      send: (packet) => {
        if (!isClosed) port.postMessage({ type: 'bridge/packet', data: toBase64(packet) })
      },
      onMessage: (handler) => (handlers.add(handler), () => handlers.delete(handler)),
      close: () => port.disconnect(),
    }

    async function open(teamId: string) {
      isOpening = true
      if (!(await deps.isAppSender(port.sender?.url))) {
        deps.onError(new Error(`refused a bridge from ${port.sender?.url ?? 'an unknown page'}`))
        return port.disconnect()
      }
      const docs = await deps.openTeam(teamId)
      if (isClosed) return
      session = startSyncSession(docs, transport, { onError: deps.onError })
      sessions.add(session)
      for (const packet of buffered ?? []) deliver(packet)
      buffered = undefined
    }

    const deliver = (packet: Uint8Array) => {
      for (const h of handlers) h(packet)
    }

    const onMessage = (message: unknown) => {
      if (!isBridgePortMessage(message)) return
      if (message.type === 'bridge/open') {
        if (!isOpening) open(message.teamId).catch((e) => deps.onError(new Error(errorText(e), { cause: e })))
        return
      }
      let packet: Uint8Array
      try {
        packet = fromBase64(message.data)
      } catch (error) {
        return deps.onError(error)
      }
      if (buffered) buffered.push(packet)
      else deliver(packet)
    }

    const onDisconnect = () => {
      isClosed = true
      port.onMessage.removeListener(onMessage)
      port.onDisconnect.removeListener(onDisconnect)
      if (session) {
        session.stop()
        sessions.delete(session)
      }
    }

    port.onMessage.addListener(onMessage)
    port.onDisconnect.addListener(onDisconnect)
  }

  return { accept, count: () => sessions.size }
}
