import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { startStaticServer } from '../../../scripts/static-server.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built PWA's address, e.g. `http://127.0.0.1:40123/`. */
    pwaUrl: string
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const dist = path.resolve(root, process.env.RAPPORT_DIST ?? 'dist', 'pwa')

/**
 * Builds the PWA as `npm run build` does, in its own process: inside Vitest, NODE_ENV is `test`
 * and Vite would make a development build (no service worker registration).
 */
function buildPwa() {
  const vite = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin/vite.js',
  )
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`)
}

/**
 * Builds the PWA once for the whole run (`E2E_SKIP_BUILD=1` reuses dist/pwa when it exists) and
 * serves it on a free port of 127.0.0.1 with the project's static server.
 */
export default async function setup(project: TestProject) {
  if (!(process.env.E2E_SKIP_BUILD && existsSync(path.join(dist, 'index.html')))) buildPwa()
  const server = await startStaticServer({ root: dist, host: '127.0.0.1', port: 0 })
  project.provide('pwaUrl', server.url)
  return () => server.close()
}
