import { browser } from '#imports'
import '../../lib/popup/popup.css'
import { renderPopup } from '../../lib/popup/popup'
import { sendToBackground } from '../../lib/runtime'
import { readSettings } from '../../lib/settings'

const root = document.querySelector<HTMLElement>('#app')!
const { pwaUrl } = await readSettings(browser.storage.local)
await renderPopup(root, {
  send: sendToBackground,
  pwaUrl,
  // A plain link in a popup opens nothing in some browsers; open a tab and close the popup.
  openTab: (url) => void browser.tabs.create({ url }).then(() => window.close()),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as number),
})
