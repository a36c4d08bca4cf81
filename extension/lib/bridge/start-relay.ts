import { browser } from 'wxt/browser'
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { BRIDGE_PORT_NAME } from '../messages'
import { appOrigin, readSettings } from '../settings'
import type { PortLike } from './port'
import { startBridgeRelay } from './relay'

/**
 * Starts the app bridge in a page, if the page is the app: its origin must be the one the options
 * name (the manifest lets this script run on any localhost port; only the configured app syncs).
 */
export async function startAppBridge(ctx: ContentScriptContext): Promise<void> {
  const settings = await readSettings(browser.storage.local)
  if (appOrigin(settings.pwaUrl) !== location.origin || ctx.isInvalid) return
  const relay = startBridgeRelay({
    win: window,
    connect: () => browser.runtime.connect({ name: BRIDGE_PORT_NAME }) as unknown as PortLike,
    onError: (error) => console.warn('Rapport bridge:', error),
  })
  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === 'bridge/wake') relay.wake()
  }
  browser.runtime.onMessage.addListener(onMessage)
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage)
    relay.stop()
  })
}
