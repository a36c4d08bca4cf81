import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { startStaticServer } from '../../../scripts/static-server.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** The unpacked Chrome build the tests load. */
export const EXTENSION_DIR = path.resolve(root, process.env.RAPPORT_DIST ?? 'dist', 'extension/chrome-mv3')

let isBuilt = false

/**
 * Builds the extension with `wxt build` (once per test file), so the tests load what the sources say
 * (`E2E_SKIP_BUILD=1` reuses an existing build).
 */
export function buildExtension(): string {
  if (isBuilt) return EXTENSION_DIR
  if (!(process.env.E2E_SKIP_BUILD && existsSync(path.join(EXTENSION_DIR, 'manifest.json')))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
      cwd: root,
      stdio: 'pipe',
    })
  }
  isBuilt = true
  return EXTENSION_DIR
}

/** The bridge test page, built and served on a free port of 127.0.0.1. */
export interface BridgePageServer {
  /** e.g. `http://127.0.0.1:40123/` */
  url: string
  origin: string
  close(): Promise<void>
}

/**
 * Builds `bridge-page/` (the page side of the bridge, as the app runs it) with Vite into a
 * temporary folder and serves it with the project's static server.
 */
export async function serveBridgePage(): Promise<BridgePageServer> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'rapport-bridge-page-'))
  await build({
    root: path.join(root, 'tests/e2e/extension/bridge-page'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  })
  const server = await startStaticServer({ root: outDir, host: '127.0.0.1', port: 0 })
  return {
    url: server.url,
    origin: new URL(server.url).origin,
    close: async () => {
      await server.close()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}
