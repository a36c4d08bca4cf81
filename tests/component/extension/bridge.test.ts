import { afterEach, describe, expect, it } from 'vitest'
import { allDocs, createTeamDocs, unwrap } from '../../../shared/doc'
import { startSyncSession, type SyncSession } from '../../../shared/sync'
import { createPageBridgeTransport, type BridgeWindow } from '../../../shared/sync/bridge-transport'
import { createBridgeHost } from '../../../extension/lib/bridge/host'
import type { PortLike } from '../../../extension/lib/bridge/port'
import { startBridgeRelay } from '../../../extension/lib/bridge/relay'
import { createRepo, type TeamDocs } from '../../../shared/doc'
import { createSequentialIds } from '../../../shared/model'

const APP = 'http://127.0.0.1:5173'

/** A window delivering `postMessage` asynchronously and cloned to its own listeners. */
function fakeWindow(): BridgeWindow {
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

type End = PortLike & { link(peer: End): void; deliver(m: unknown): void; hangUp(): void }

/** One end of a runtime port; messages go through JSON, as Chrome's do, and arrive asynchronously. */
function portEnd(sender?: PortLike['sender']): End {
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
function portPair(senderUrl = `${APP}/`) {
  const page = portEnd()
  const background = portEnd({ url: senderUrl })
  page.link(background)
  background.link(page)
  return { page, background }
}

async function until(condition: () => boolean, what: string, ms = 5000) {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

const contactsOf = (docs: TeamDocs, actor: string) =>
  createRepo(docs, { clock: { now: () => 1 }, ids: createSequentialIds(actor), actor })

const stops: (() => void)[] = []
afterEach(() => stops.splice(0).forEach((s) => s()))

/** The page's replica with its session, the relay and the background's host, wired as in a browser. */
function wire(options: { senderUrl?: string; allow?: boolean } = {}) {
  const win = fakeWindow()
  const pageDocs = createTeamDocs('team-e2e')
  const extDocs = createTeamDocs('team-e2e')
  const errors: unknown[] = []
  const opened: string[] = []
  let pair = portPair(options.senderUrl)
  const host = createBridgeHost({
    isAppSender: async (url) => (options.allow ?? true) && url === `${APP}/`,
    openTeam: async (teamId) => (opened.push(teamId), extDocs),
    onError: (e) => errors.push(e),
  })
  const relay = startBridgeRelay({
    win,
    connect: () => {
      pair = portPair(options.senderUrl)
      host.accept(pair.background)
      return pair.page
    },
  })
  const session: SyncSession = startSyncSession(pageDocs, createPageBridgeTransport(win))
  stops.push(
    () => session.stop(),
    () => relay.stop(),
  )
  return { win, pageDocs, extDocs, host, relay, session, errors, opened, port: () => pair }
}

describe('the app bridge', () => {
  it('syncs the app page and the background both ways through the relay', async () => {
    const { pageDocs, extDocs, host, opened } = wire()
    unwrap(contactsOf(pageDocs, 'app').create('contacts', { name: { display: 'Dana Whitfield' } }))
    await until(
      () => contactsOf(extDocs, 'x').list('contacts').length === 1,
      'the app contact in the extension',
    )
    expect(opened).toEqual(['team-e2e'])
    expect(host.count()).toBe(1)
    unwrap(contactsOf(extDocs, 'ext').create('contacts', { name: { display: 'Omar Haddad' } }))
    await until(() => contactsOf(pageDocs, 'x').list('contacts').length === 2, 'the capture in the app')
  })

  it('resyncs after the service worker stopped, at the next page packet or wake-up', async () => {
    const { pageDocs, extDocs, relay, port, session } = wire()
    await until(() => session.status.isSynced, 'the first sync')
    await new Promise((r) => setTimeout(r, 20))
    port().background.disconnect() // the service worker stopped
    await until(() => !relay.isConnected(), 'the relay to notice')
    unwrap(contactsOf(extDocs, 'ext').create('contacts', { name: { display: 'Omar Haddad' } }))
    expect(contactsOf(pageDocs, 'x').list('contacts')).toEqual([])
    relay.wake()
    await until(
      () => contactsOf(pageDocs, 'x').list('contacts').length === 1,
      'the capture after the restart',
    )
    unwrap(contactsOf(pageDocs, 'app').create('contacts', { name: { display: 'Dana Whitfield' } }))
    await until(
      () => contactsOf(extDocs, 'x').list('contacts').length === 2,
      'the app edit after the restart',
    )
    expect(allDocs(pageDocs).length).toBe(allDocs(extDocs).length)
  })

  it('refuses a port that does not come from the configured app', async () => {
    const { extDocs, host, errors, opened, pageDocs } = wire({ allow: false })
    unwrap(contactsOf(pageDocs, 'app').create('contacts', { name: { display: 'Dana Whitfield' } }))
    await until(() => errors.length > 0, 'the refusal')
    expect(String(errors[0])).toContain('refused a bridge')
    expect(opened).toEqual([])
    expect(host.count()).toBe(0)
    expect(contactsOf(extDocs, 'x').list('contacts')).toEqual([])
  })
})
