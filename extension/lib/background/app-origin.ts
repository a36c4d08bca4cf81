import { browser } from 'wxt/browser'
import { appOrigin, isBuiltInAppOrigin, readSettings, type StorageArea } from '../settings'

/** The id of the bridge registered at run time for an app served elsewhere than this computer. */
export const CUSTOM_BRIDGE_ID = 'rapport-app-bridge-custom'
/** The bridge content script as WXT builds it. */
export const BRIDGE_SCRIPT = 'content-scripts/app-bridge.js'

/**
 * The manifest runs the bridge on `localhost` and `127.0.0.1` only. An app served from another
 * origin needs that origin's permission (asked for by the options page, optional in the manifest);
 * once granted, this registers the bridge there, and unregisters it when the address changes.
 */
export async function syncCustomAppBridge(area: StorageArea): Promise<void> {
  const scripting = browser.scripting
  if (!scripting?.registerContentScripts) return // Firefox MV2: the app must run on this computer
  const existing = await scripting.getRegisteredContentScripts({ ids: [CUSTOM_BRIDGE_ID] })
  if (existing.length) await scripting.unregisterContentScripts({ ids: [CUSTOM_BRIDGE_ID] })
  const origin = appOrigin((await readSettings(area)).pwaUrl)
  if (!origin || isBuiltInAppOrigin(origin)) return
  const matches = [`${origin}/*`]
  if (!(await browser.permissions.contains({ origins: matches }))) return
  await scripting.registerContentScripts([
    { id: CUSTOM_BRIDGE_ID, matches, js: [BRIDGE_SCRIPT], runAt: 'document_idle' },
  ])
}
