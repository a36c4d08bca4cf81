/**
 * The PWA in Chromium for the benchmarks: the production build served on 127.0.0.1, a
 * persistent profile in a temporary directory, the page-side helpers (`page-api.ts`) bundled
 * for injection, and a small server handing a team's encoded updates to the page.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { chromium, type BrowserContext } from 'playwright-core'
import { startStaticServer } from '../../../scripts/static-server.mjs'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const DIST = path.resolve(ROOT, process.env.RAPPORT_DIST ?? 'dist', 'pwa')

let built: Promise<void> | undefined
let bundled: Promise<string> | undefined

/**
 * Builds the PWA once per run as `npm run build` does (NODE_ENV=production, so the service
 * worker registers); `BENCH_SKIP_BUILD=1` reuses an existing build.
 */
export function buildPwaOnce(log: (line: string) => void): Promise<void> {
  built ??= (async () => {
    if (process.env.BENCH_SKIP_BUILD && existsSync(path.join(DIST, 'index.html'))) return
    log(`building the PWA into ${path.relative(ROOT, DIST) || DIST}`)
    const vite = path.join(
      path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
      'bin/vite.js',
    )
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`)
  })()
  return built
}

/** The page-side helpers as one script that sets `window.rapportBench`. */
export function pageScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.join(import.meta.dirname, 'page-api.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'error',
  }).then((r) => r.outputFiles[0]!.text)
  return bundled
}

/** Serves `updates[i]` at `/u/<i>` to any origin (the app's page fetches them). */
async function serveUpdates(
  updates: readonly Uint8Array[],
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const i = Number(/^\/u\/(\d+)$/.exec(req.url ?? '')?.[1] ?? NaN)
    const body = updates[i]
    res.setHeader('Access-Control-Allow-Origin', '*')
    if (!body) return void res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A browser with the app served and a team's updates ready to be fetched. */
export interface PwaBrowser {
  context: BrowserContext
  appUrl: string
  dataUrl: string
  close(): Promise<void>
}

/** Starts the servers and Chromium with a fresh persistent profile (its own IndexedDB). */
export async function launchPwa(updates: readonly Uint8Array[]): Promise<PwaBrowser> {
  const app = await startStaticServer({ root: DIST, host: '127.0.0.1', port: 0 })
  const data = await serveUpdates(updates)
  const profile = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    serviceWorkers: 'allow',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // The large teams hold a few hundred MB of documents in one page.
      '--js-flags=--max-old-space-size=8192',
    ],
  })
  return {
    context,
    appUrl: app.url,
    dataUrl: data.url,
    async close() {
      await context.close()
      await Promise.all([app.close(), data.close()])
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
