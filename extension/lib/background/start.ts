import { browser } from 'wxt/browser'
import { installFastStrings } from '../../../shared/doc'
import { createIdSource } from '../../../shared/model'
import { systemClock } from '../../../shared/host'
import { createBridgeHost } from '../bridge/host'
import type { PortLike } from '../bridge/port'
import { createCaptureQueue } from '../capture/queue'
import { createRecentCaptures } from '../capture/recent'
import { createCaptureService } from '../capture/service'
import { BRIDGE_PORT_NAME } from '../messages'
import { listenForMessages } from '../runtime'
import { appOrigin, deviceId, readSettings, STORAGE_KEYS } from '../settings'
import { syncCustomAppBridge } from './app-origin'
import { createBackgroundHandlers } from './handlers'
import { createTeamHost } from './team'

/** Logs a background failure; the UI edges show their own messages. */
const logError = (error: unknown) => console.error('Rapport:', error)

/**
 * Wires the background: the team replica, the capture service with its queue, the app bridge
 * and the message handlers; then retries whatever captures a stopped service worker left queued.
 * Listeners are added synchronously, so the event that woke the service worker is not missed.
 */
export function startBackground(): void {
  installFastStrings() // the team replica decodes and encodes every document
  const area = browser.storage.local
  const ids = createIdSource()
  const country = async () => (await readSettings(area)).defaultCountry
  const team = createTeamHost({
    area,
    idb: { indexedDB, IDBKeyRange },
    country,
    now: () => Date.now(),
    onError: logError,
  })
  const queue = createCaptureQueue(area)
  const recent = createRecentCaptures(area)
  let device: Promise<string> | undefined

  const bridges = createBridgeHost({
    isAppSender: async (url) => !!url && new URL(url).origin === appOrigin((await readSettings(area)).pwaUrl),
    openTeam: async (teamId) => {
      const loaded = await (await team.adopt(teamId)).load()
      void capture.processQueue() // captures made before the team was known
      return loaded.docs
    },
    onError: logError,
  })

  const capture = createCaptureService({
    queue,
    recent,
    team: () => team.current(),
    actor: async () => {
      const { memberId } = await readSettings(area)
      if (memberId) return { actor: memberId, owner: memberId }
      return { actor: await (device ??= deviceId(area, () => crypto.randomUUID())) }
    },
    country,
    clock: systemClock,
    ids,
    onSaved: () => void wakeAppTabs(),
    onError: logError,
  })

  /** A capture reaches an open app at once: its bridge reconnects if the port was closed. */
  async function wakeAppTabs() {
    if (bridges.count() > 0) return
    const origin = appOrigin((await readSettings(area)).pwaUrl)
    if (!origin) return
    for (const tab of await browser.tabs.query({ url: `${origin}/*` }).catch(() => [])) {
      if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, { type: 'bridge/wake' }).catch(() => {})
    }
  }

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === BRIDGE_PORT_NAME) bridges.accept(port as unknown as PortLike)
  })
  listenForMessages(createBackgroundHandlers({ capture, queue, recent, team, bridges }))
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'local' && STORAGE_KEYS.settings in changes)
      void syncCustomAppBridge(area).catch(logError)
  })
  browser.permissions?.onAdded?.addListener(() => void syncCustomAppBridge(area).catch(logError))

  void capture.processQueue().catch(logError)
  // An open app whose port closed when the service worker stopped syncs again now, not at its next edit.
  void wakeAppTabs().catch(logError)
}
