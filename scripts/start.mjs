// `npm start`: install what is missing, build the extension and the PWA, then serve the PWA and a
// signaling server on this machine. Only builtins are imported statically: on a fresh clone the
// dependencies arrive during ensureDeps().
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureDeps } from './ensure-deps.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Runs a dependency's CLI with this Node, the way npm scripts would, without a shell.
 * @param {string} pkg package name
 * @param {string} bin its bin entry
 * @param {string[]} args
 */
function runBin(pkg, bin, args) {
  const manifestPath = path.join(root, 'node_modules', pkg, 'package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[bin]
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', pkg, entry), ...args], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    console.error(`\n${bin} ${args.join(' ')} failed${result.error ? `: ${result.error.message}` : ''}`)
    process.exit(result.status || 1)
  }
}

/**
 * Starts a server, turning "port in use" into a message a person can act on.
 * @template T
 * @param {string} what
 * @param {number} port
 * @param {() => Promise<T>} start
 * @returns {Promise<T>}
 */
async function listen(what, port, start) {
  try {
    return await start()
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code
    if (code === 'EADDRINUSE') {
      console.error(`Port ${port} is already in use; cannot start the ${what}. Stop whatever uses it first.`)
    } else {
      console.error(`Cannot start the ${what}:`, error)
    }
    process.exit(1)
  }
}

const status = ensureDeps(root)
if (status !== 0) process.exit(status)

runBin('wxt', 'wxt', ['build'])
runBin('vite', 'vite', ['build'])

const host = process.env.HOST || '127.0.0.1'
const port = Number(process.env.PORT || 5173)
const signalPort = Number(process.env.SIGNAL_PORT || 4444)
// The rendezvous is for the team's other devices too, so it listens on the LAN by default; it only
// relays encrypted handshakes (SIGNAL_HOST=127.0.0.1 keeps it to this machine).
const signalHost = process.env.SIGNAL_HOST || '0.0.0.0'
// 127.0.0.1 is shown as localhost: the extension and the app bridge expect that origin.
const shownHost = host === '127.0.0.1' ? 'localhost' : host.includes(':') ? `[${host}]` : host

const { startStaticServer } = await import(pathToFileURL(path.join(root, 'scripts/static-server.mjs')).href)
const { startSignalServer } = await import(pathToFileURL(path.join(root, 'scripts/signal-server.mjs')).href)
const pwa = await listen('PWA server', port, () =>
  startStaticServer({ root: path.join(root, 'dist/pwa'), host, port }),
)
const signal = await listen('signaling server', signalPort, () =>
  startSignalServer({ host: signalHost, port: signalPort }),
)

/** The addresses other devices on the network can reach this machine's signaling server at. */
const lanSignals =
  signalHost === '0.0.0.0'
    ? Object.values(networkInterfaces())
        .flat()
        .filter((a) => a && a.family === 'IPv4' && !a.internal)
        .map((a) => `ws://${a?.address}:${signal.port}`)
    : []
const extensionDir = path.join(root, 'dist/extension/chrome-mv3')
console.log(`
Rapport is running.
  PWA:        http://${shownHost}:${pwa.port}/
  Signaling:  ws://localhost:${signal.port}${lanSignals.map((u) => `\n              ${u} (from other devices on this network)`).join('')}
  Extension:  ${extensionDir}
              load it at chrome://extensions → Developer mode → Load unpacked → choose that folder
Press Ctrl+C to stop.`)

const stop = () => {
  void Promise.all([pwa.close(), signal.close()]).then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
