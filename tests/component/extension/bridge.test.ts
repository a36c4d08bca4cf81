import { afterEach, describe, expect, it } from 'vitest'
import { allDocs, createTeamDocs, unwrap } from '../../../shared/doc'
import { startSyncSession, type SyncSession } from '../../../shared/sync'
import { createPageBridgeTransport } from '../../../shared/sync/bridge-transport'
import { createBridgeHost } from '../../../extension/lib/bridge/host'
import { startBridgeRelay } from '../../../extension/lib/bridge/relay'
import { createRepo, type TeamDocs } from '../../../shared/doc'
import { createSequentialIds } from '../../../shared/model'
import { APP, fakeWindow, portPair, until } from './bridge-fakes'

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

  it('opens a fresh port at once when the old one died before it said so', async () => {
    const { pageDocs, extDocs, port, session } = wire()
    await until(() => session.status.isSynced, 'the first sync')
    await new Promise((r) => setTimeout(r, 20))
    const dead = port()
    dead.background.hangUp() // the service worker stopped…
    dead.page.postMessage = () => {
      throw new Error('Attempting to use a disconnected port object') // …and the page's end has not heard
    }
    unwrap(contactsOf(pageDocs, 'app').create('contacts', { name: { display: 'Dana Whitfield' } }))
    await until(
      () => contactsOf(extDocs, 'x').list('contacts').length === 1,
      'the app edit over a fresh port',
    )
    expect(port()).not.toBe(dead)
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
