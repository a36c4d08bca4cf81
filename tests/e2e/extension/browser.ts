import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Route, type Worker } from 'playwright-core'

const FIXTURES = path.resolve('tests/fixtures/capture')

/** A Chromium profile with the unpacked extension loaded. */
export interface ExtensionBrowser {
  context: BrowserContext
  extensionId: string
  /** The extension's service worker (it may stop and start again: ask again after a stop). */
  worker(): Promise<Worker>
  /** Stops the extension's service worker, as Chrome does when it is idle; resolves once stopped. */
  stopServiceWorker(): Promise<void>
  /** Which saved page `https://mail.google.com/...` serves next (a file of tests/fixtures/capture). */
  serveGmail(fixture: string): void
  close(): Promise<void>
}

/**
 * Launches Debian's Chromium headless with the extension (new headless mode loads extensions).
 * The saved Gmail and LinkedIn pages are served at their real URLs by route interception, under
 * a CSP that runs none of their scripts (content scripts still run, as on the real sites); any
 * other request off this computer is refused, so nothing reaches the network.
 */
export async function launchWithExtension(extensionDir: string): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'rapport-e2e-profile-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
  let gmailFixture = 'gmail-intro.html'
  // Only the web: the extension's own pages (chrome-extension://) load as they are.
  await context.route(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    (route) => serve(route, gmailFixture),
  )

  const worker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }))
  const extensionId = new URL((await worker()).url()).host

  return {
    context,
    extensionId,
    worker,
    serveGmail: (fixture) => void (gmailFixture = fixture),
    async stopServiceWorker() {
      // The DevTools ServiceWorker domain of one of the extension's own pages reaches its worker.
      const page = await context.newPage()
      await page.goto(`chrome-extension://${extensionId}/options.html`)
      const cdp = await context.newCDPSession(page)
      const stopped = new Promise<void>((resolve) =>
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          if (
            versions.some(
              (v) =>
                v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'stopped',
            )
          )
            resolve()
        }),
      )
      await cdp.send('ServiceWorker.enable')
      await cdp.send('ServiceWorker.stopAllWorkers')
      await stopped
      await cdp.detach()
      await page.close()
    },
    async close() {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

async function serve(route: Route, gmailFixture: string) {
  const request = route.request()
  const url = new URL(request.url())
  if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue()
  const isDocument = request.resourceType() === 'document'
  const fixture =
    url.hostname === 'mail.google.com' && isDocument
      ? gmailFixture
      : url.hostname === 'www.linkedin.com' && isDocument && url.pathname.startsWith('/in/')
        ? linkedinFixture(url.pathname)
        : undefined
  if (!fixture) return route.abort('blockedbyclient')
  return route.fulfill({
    path: path.join(FIXTURES, fixture),
    contentType: 'text/html; charset=utf-8',
    headers: { 'Content-Security-Policy': "script-src 'none'; object-src 'none'" },
  })
}

function linkedinFixture(pathname: string): string {
  return decodeURIComponent(pathname).includes('نورة') ? 'linkedin-arabic.html' : 'linkedin-profile.html'
}
