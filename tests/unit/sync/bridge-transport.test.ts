import { afterEach, describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import {
  createPageBridgeTransport,
  helloTeamId,
  listenBridge,
  onBridgeAnnounce,
  postBridgeEnvelope,
  readBridgeEnvelope,
  type BridgeEnvelope,
  type BridgeWindow,
} from '../../../shared/sync/bridge-transport'
import { startSyncSession, type SyncSession } from '../../../shared/sync'
import type { Transport } from '../../../shared/host'
import { contact, replica } from '../helpers/team'
import { state } from './same-state'
import { until } from './memory-transport'

/** A window that delivers `postMessage` asynchronously, cloned, to its own listeners, as browsers do. */
function fakeWindow(origin = 'http://127.0.0.1:5173') {
  const listeners = new Set<(event: MessageEvent) => void>()
  const posted: unknown[] = []
  const win = {
    location: { origin },
    posted,
    postMessage(message: unknown, targetOrigin: string) {
      posted.push(message)
      if (targetOrigin !== origin && targetOrigin !== '*') return
      win.receive(structuredClone(message), origin, win)
    },
    /** Delivers a message event as if `source` posted it from `from`. */
    receive(data: unknown, from: string, source: unknown) {
      setTimeout(() => {
        for (const l of [...listeners]) l({ data, origin: from, source } as MessageEvent)
      })
    },
    addEventListener: (_type: 'message', l: (event: MessageEvent) => void) => void listeners.add(l),
    removeEventListener: (_type: 'message', l: (event: MessageEvent) => void) => void listeners.delete(l),
    listenerCount: () => listeners.size,
  }
  return win satisfies BridgeWindow
}

/** The extension side of the relay in miniature: a transport over the same window's envelopes. */
function extensionSide(win: BridgeWindow, seenTeams: (string | undefined)[] = []): Transport {
  const handlers = new Set<(m: Uint8Array) => void>()
  const stop = listenBridge(win, 'extension', (e) => {
    if (e.type === 'ping') postBridgeEnvelope(win, 'extension', { type: 'announce' })
    if (e.type !== 'packet') return
    seenTeams.push(e.teamId)
    for (const h of handlers) h(e.data)
  })
  return {
    send: (data) => postBridgeEnvelope(win, 'extension', { type: 'packet', data }),
    onMessage: (h) => (handlers.add(h), () => handlers.delete(h)),
    close: stop,
  }
}

const sessions: SyncSession[] = []
afterEach(() => sessions.splice(0).forEach((s) => s.stop()))

describe('page bridge transport', () => {
  it('syncs a page replica with the extension side both ways through window messages', async () => {
    const win = fakeWindow()
    const [page, ext] = [replica('page'), replica('ext')]
    unwrap(page.repo.create('contacts', contact()))
    const teams: (string | undefined)[] = []
    sessions.push(startSyncSession(ext.docs, extensionSide(win, teams)))
    sessions.push(startSyncSession(page.docs, createPageBridgeTransport(win)))
    await until(() => ext.repo.list('contacts').length === 1, 'the page contact to reach the extension')
    unwrap(ext.repo.create('contacts', contact({ name: { display: 'Omar Haddad' }, emails: [] })))
    await until(() => page.repo.list('contacts').length === 2, 'the capture to reach the page')
    expect(state(page)).toBe(state(ext))
    expect(teams.length).toBeGreaterThan(0)
    expect(new Set(teams)).toEqual(new Set(['team-1']))
  })

  it('ignores envelopes from another origin or another window, and its own', async () => {
    const win = fakeWindow()
    const transport = createPageBridgeTransport(win)
    const got: Uint8Array[] = []
    transport.onMessage((m) => got.push(m))
    const packet = { channel: 'rapport-bridge', version: 1, from: 'extension', type: 'packet' }
    win.receive({ ...packet, data: new Uint8Array([1]) }, 'https://evil.example', win)
    win.receive({ ...packet, data: new Uint8Array([2]) }, win.location.origin, {})
    transport.send(new Uint8Array([3]))
    win.receive({ ...packet, data: new Uint8Array([4]) }, win.location.origin, win)
    await until(() => got.length > 0, 'the genuine packet')
    await new Promise((r) => setTimeout(r, 5))
    expect(got).toEqual([new Uint8Array([4])])
  })

  it('posts only to its own origin and stops after close', async () => {
    const win = fakeWindow()
    const transport = createPageBridgeTransport(win)
    transport.send(new Uint8Array([0, 9]))
    expect(win.posted).toHaveLength(1)
    transport.close()
    transport.send(new Uint8Array([0, 9]))
    expect(win.posted).toHaveLength(1)
    expect(win.listenerCount()).toBe(0)
  })

  it('learns the team from the hello and names it on every later packet', () => {
    const win = fakeWindow()
    const page = replica('page', 'team-42')
    const transport = createPageBridgeTransport(win)
    sessions.push(startSyncSession(page.docs, transport))
    transport.send(new Uint8Array([0, 1, 0]))
    const envelopes = win.posted.map(readBridgeEnvelope) as BridgeEnvelope[]
    expect(envelopes.map((e) => e.type === 'packet' && e.teamId)).toEqual(['team-42', 'team-42'])
    expect(helloTeamId((envelopes[0] as { data: Uint8Array }).data)).toBe('team-42')
    expect(helloTeamId(new Uint8Array([0, 1, 0]))).toBeUndefined()
    expect(helloTeamId(new Uint8Array([7]))).toBeUndefined()
  })

  it('pings on start and calls back on each announce', async () => {
    const win = fakeWindow()
    const side = extensionSide(win)
    let announced = 0
    const stop = onBridgeAnnounce(win, () => announced++)
    await until(() => announced === 1, 'the answer to the ping')
    postBridgeEnvelope(win, 'extension', { type: 'announce' })
    await until(() => announced === 2, 'a later announce')
    stop()
    side.close()
    expect(win.listenerCount()).toBe(0)
  })

  it('reads only well-formed envelopes of this version', () => {
    const base = { channel: 'rapport-bridge', version: 1, from: 'page' }
    expect(readBridgeEnvelope({ ...base, type: 'ping' })).not.toBeNull()
    expect(readBridgeEnvelope({ ...base, type: 'packet', data: new Uint8Array(1) })).not.toBeNull()
    expect(readBridgeEnvelope({ ...base, type: 'packet', data: [1, 2] })).toBeNull()
    expect(readBridgeEnvelope({ ...base, type: 'packet', data: new Uint8Array(1), teamId: 4 })).toBeNull()
    expect(readBridgeEnvelope({ ...base, version: 2, type: 'ping' })).toBeNull()
    expect(readBridgeEnvelope({ ...base, from: 'other', type: 'ping' })).toBeNull()
    expect(readBridgeEnvelope({ ...base, channel: 'x', type: 'ping' })).toBeNull()
    expect(readBridgeEnvelope('rapport-bridge')).toBeNull()
    expect(readBridgeEnvelope(null)).toBeNull()
  })
})
