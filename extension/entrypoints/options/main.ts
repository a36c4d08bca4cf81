import { browser } from '#imports'
import '../../lib/options/options.css'
import { renderOptions } from '../../lib/options/options'
import { sendToBackground } from '../../lib/runtime'

await renderOptions(document.querySelector<HTMLElement>('#app')!, {
  area: browser.storage.local,
  status: () => sendToBackground({ type: 'team/status' }),
  requestOrigin: (origin) =>
    browser.permissions.request({ origins: [`${origin}/*`], permissions: ['scripting'] }).catch(() => false),
})
