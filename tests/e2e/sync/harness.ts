import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium, type Browser } from 'playwright-core'
import { startSignalServer } from '../../../scripts/signal-server.mjs'
import { startStaticServer } from '../../../scripts/static-server.mjs'
import { StockClient } from './stock-client'
import { SyncTestPage } from './sync-page'

const here = path.dirname(fileURLToPath(import.meta.url))

const html = (script: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Rapport sync test</title></head>
  <body><script type="module" src="./${script}"></script></body>
</html>
`

/**
 * Chromium flags: the project's usual ones, plus
 * - no mDNS names for host candidates: Chromium would otherwise multicast mDNS queries on the LAN
 *   to resolve them; with real addresses the connection stays between the machine's own
 *   interfaces (nothing leaves it: there is no STUN or TURN server either);
 * - no throttling of background pages: both devices are open at once.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
]

/** Everything an end-to-end sync test needs: the page, a signaling server, a browser. */
export interface SyncHarness {
  pageUrl: string
  signalUrl: string
  browser: Browser
  /** A new device: a fresh browser context (its own storage) with the test page loaded. */
  device(teamId: string, actor: string): Promise<SyncTestPage>
  /** Serves `bytes` beside the test page; returns its URL. */
  serve(name: string, bytes: Uint8Array): Promise<string>
  /** A fresh context with a stock y-webrtc client loaded (`window.stockYWebrtc`). */
  stockClient(): Promise<StockClient>
  close(): Promise<void>
}

/**
 * Bundles tests/e2e/sync/page.ts with esbuild into a temporary folder, serves it and a signaling
 * server on 127.0.0.1 (random ports), and launches Debian's Chromium headless.
 */
export async function startSyncHarness(): Promise<SyncHarness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rapport-sync-e2e-'))
  await build({
    entryPoints: { page: path.join(here, 'page.ts'), stock: path.join(here, 'stock-page.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outdir: dir,
    logLevel: 'warning',
  })
  await writeFile(path.join(dir, 'index.html'), html('page.js'))
  await writeFile(path.join(dir, 'stock.html'), html('stock.js'))
  const web = await startStaticServer({ root: dir, host: '127.0.0.1', port: 0 })
  const signal = await startSignalServer({ host: '127.0.0.1', port: 0 })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })

  return {
    pageUrl: web.url,
    signalUrl: `ws://127.0.0.1:${signal.port}`,
    browser,
    async device(teamId, actor) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const device = new SyncTestPage(page, actor)
      await page.goto(web.url)
      await page.waitForFunction(() => 'rapportTest' in window)
      await device.init(teamId)
      return device
    },
    async serve(name, bytes) {
      await writeFile(path.join(dir, name), bytes)
      return new URL(name, web.url).href
    },
    async stockClient() {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(new URL('stock.html', web.url).href)
      await page.waitForFunction(() => 'stockYWebrtc' in window)
      return new StockClient(page)
    },
    async close() {
      await browser.close()
      await Promise.all([web.close(), signal.close()])
      await rm(dir, { recursive: true, force: true })
    },
  }
}
