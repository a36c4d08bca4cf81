import { captureFromPage } from '../../../shared/capture'
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root'
import type { KnownContact } from '../messages'
import { sendToBackground } from '../runtime'
import type { ExtensionSettings } from '../settings'
import { createCaptureButton, type CaptureButton } from '../ui/capture-button'
import { renderPanel } from '../ui/panel'
import { BUTTON_CSS, PANEL_CSS } from '../ui/styles'
import type { SiteAdapter } from './sites'

/** How often the button checks that it still sits at its anchor (Gmail and LinkedIn re-render). */
const CHECK_MS = 500

/**
 * Runs capture on a site: keeps the Rapport button beside the site's anchor (re-placing it when the
 * single-page app re-renders or navigates), shows the known-contact badge, and opens the panel,
 * each in its own shadow root. Everything stops with the content script's context.
 * @param ctx - the content script's context (its timers and listeners end with it)
 * @param site - where the button goes
 * @param settings - the country for phone numbers, from the extension's settings
 */
export async function startPageCapture(
  ctx: ContentScriptContext,
  site: SiteAdapter,
  settings: ExtensionSettings,
): Promise<void> {
  let button: CaptureButton | undefined
  let anchor: Element | null = null
  let panel: ShadowRootContentScriptUi<void> | undefined
  let badgeFor = ''

  const captureNow = () =>
    captureFromPage(document, location.href, { defaultCountry: settings.defaultCountry })

  const buttonUi = await createShadowRootUi(ctx, {
    name: 'rapport-capture',
    position: 'inline',
    anchor: () => anchor,
    append: 'after',
    css: BUTTON_CSS,
    isolateEvents: true,
    onMount: (container) => {
      button = createCaptureButton(() => void openPanel())
      container.append(button.element)
    },
    onRemove: () => (button = undefined),
  })

  /**
   * Asks the background who on the page the team knows: when the page changes, when the tab comes
   * back into focus (the team's data may have changed through sync), and after a save. No polling:
   * a message every few seconds would keep the service worker from ever stopping.
   */
  async function refreshBadge() {
    const key = `${location.href}|${anchor?.textContent ?? ''}`
    if (!button || badgeFor === key) return
    badgeFor = key
    const capture = captureNow()
    const reply = await sendToBackground({ type: 'contacts/lookup', people: capture.people })
    if (reply.ok && badgeFor === key)
      button?.setKnown(reply.value.filter((k): k is KnownContact => k !== null))
  }

  async function openPanel() {
    closePanel()
    const capture = captureNow()
    const reply = await sendToBackground({ type: 'contacts/lookup', people: capture.people })
    const known = reply.ok ? reply.value : capture.people.map(() => null)
    const ui = await createShadowRootUi(ctx, {
      name: 'rapport-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: PANEL_CSS,
      isolateEvents: true,
      onMount: (container) =>
        renderPanel(container, {
          capture,
          known,
          source: site.site,
          url: location.href,
          newId: () => crypto.randomUUID(),
          save: async (request) => {
            const saved = await sendToBackground({ type: 'capture/save', capture: request })
            badgeFor = ''
            void refreshBadge()
            return saved
          },
          close: closePanel,
        }),
    })
    closePanel()
    panel = ui
    ui.mount()
  }

  function closePanel() {
    panel?.remove()
    panel = undefined
  }

  /** Puts the button right after the current anchor, or takes it away when there is none. */
  function place() {
    const url = new URL(location.href)
    const next = site.isCapturable(url) ? site.anchor(document) : null
    const isPlaced =
      next && buttonUi.shadowHost.isConnected && next.nextElementSibling === buttonUi.shadowHost
    if (next && !isPlaced) {
      buttonUi.remove()
      anchor = next
      buttonUi.mount()
    } else if (!next && button) {
      buttonUi.remove()
      anchor = null
    }
    if (next) void refreshBadge()
  }

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    closePanel()
    badgeFor = ''
    place()
  })
  ctx.addEventListener(window, 'focus', () => {
    badgeFor = ''
    void refreshBadge()
  })
  ctx.setInterval(place, CHECK_MS)
  place()
}
