// Makes a fresh clone runnable: checks the Node version, then runs `npm ci` when node_modules is
// missing or older than package-lock.json. Node builtins only: nothing is installed yet.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const MIN_NODE = [20, 19, 0]

/**
 * Whether a `major.minor.patch` version is at least `min`.
 * @param {string} version e.g. process.versions.node
 * @param {number[]} [min]
 */
export function isNodeRecentEnough(version, min = MIN_NODE) {
  const parts = version.replace(/^v/, '').split('.').map(Number)
  for (let i = 0; i < min.length; i++) {
    const have = parts[i] ?? 0
    const want = min[i] ?? 0
    if (have !== want) return have > want
  }
  return true
}

/**
 * Whether `npm ci` is needed in `root`.
 * @param {string} root the project directory
 * @returns {string | null} the reason to install, or null when node_modules is current
 */
export function installReason(root) {
  const lock = path.join(root, 'package-lock.json')
  const installedLock = path.join(root, 'node_modules', '.package-lock.json')
  if (!existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing'
  if (!existsSync(installedLock)) return 'node_modules was not installed by npm'
  if (statSync(lock).mtimeMs > statSync(installedLock).mtimeMs) return 'package-lock.json changed'
  return null
}

/**
 * Checks Node and installs dependencies if needed.
 * @param {string} root
 * @returns {number} 0 when ready, non-zero otherwise
 */
export function ensureDeps(root) {
  if (!isNodeRecentEnough(process.versions.node)) {
    console.error(
      `Rapport needs Node.js ${MIN_NODE.join('.')} or newer; this is ${process.version}.\n` +
        'Install a current Node.js (https://nodejs.org/) and run the command again.',
    )
    return 1
  }
  const reason = installReason(root)
  if (!reason) return 0
  console.log(`Installing dependencies (${reason}): npm ci`)
  const ci = npm(root, ['ci'])
  if (ci === 0) return 0
  // `npm ci` refuses a lock file that lacks some optional platform packages (rollup's, for
  // instance) when the registry in use does not serve them; `npm install` skips them and keeps
  // to the locked versions of everything else.
  console.log('npm ci failed; retrying with npm install')
  return npm(root, ['install'])
}

/**
 * Runs npm in `root` with the output shown.
 * @param {string} root
 * @param {string[]} args
 * @returns {number} its exit status
 */
function npm(root, args) {
  const isWindows = process.platform === 'win32'
  const result = spawnSync(isWindows ? 'npm.cmd' : 'npm', [...args, '--no-fund', '--no-audit'], {
    cwd: root,
    stdio: 'inherit',
    shell: isWindows,
  })
  if (result.error) {
    console.error(`Could not run npm ${args.join(' ')}: ${result.error.message}`)
    return 1
  }
  return result.status ?? 1
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  process.exitCode = ensureDeps(root)
}
