/** Fakes of the app page's window and of a runtime port, for the bridge's tests. */
import type { PortLike } from '../../../extension/lib/bridge/port'
import type { BridgeWindow } from '../../../shared/sync/bridge-transport'

/** The app's origin in these tests. */
export const APP = 'http://127.0.0.1:5173'

/** A window delivering `postMessage` asynchronously and cloned to its own listeners. */
export function fakeWindow(): BridgeWindow {
  const listeners = new Set<(event: MessageEvent) => void>()
  const win: BridgeWindow = {
    location: { origin: APP },
    postMessage(message, targetOrigin) {
      if (targetOrigin !== APP) return
      const data = structuredClone(message)
      setTimeout(() => listeners.forEach((l) => l({ data, origin: APP, source: win } as MessageEvent)))
    },
    addEventListener: (_t, l) => void listeners.add(l),
    removeEventListener: (_t, l) => void listeners.delete(l),
  }
  return win
}

type Listener<A extends unknown[]> = (...args: A) => void
const event = <A extends unknown[]>() => {
  const set = new Set<Listener<A>>()
  return {
    set,
    addListener: (l: Listener<A>) => void set.add(l),
    removeListener: (l: Listener<A>) => void set.delete(l),
  }
}

export type End = PortLike & { link(peer: End): void; deliver(m: unknown): void; hangUp(): void }

/** One end of a runtime port; messages go through JSON, as Chrome's do, and arrive asynchronously. */
export function portEnd(sender?: PortLike['sender']): End {
  const messages = event<[unknown]>()
  const disconnects = event<[]>()
  let peer: End | undefined
  return {
    name: 'rapport-bridge',
    ...(sender ? { sender } : {}),
    onMessage: messages,
    onDisconnect: disconnects,
    postMessage(m) {
      const json = JSON.parse(JSON.stringify(m)) as unknown
      setTimeout(() => peer?.deliver(json))
    },
    disconnect: () => void setTimeout(() => peer?.hangUp()),
    link: (p) => void (peer = p),
    deliver: (m) => messages.set.forEach((l) => l(m)),
    hangUp: () => disconnects.set.forEach((l) => l()),
  }
}

/** The content script's and the background's ends of one port. */
export function portPair(senderUrl = `${APP}/`) {
  const page = portEnd()
  const background = portEnd({ url: senderUrl })
  page.link(background)
  background.link(page)
  return { page, background }
}

export async function until(condition: () => boolean, what: string, ms = 5000) {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}
