// A small static file server for the built PWA: GET and HEAD only, no directory listings, never
// outside `root`, and an SPA fallback to index.html for paths that look like app routes.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

/**
 * The content type for a file name, by extension.
 * @param {string} file
 * @returns {string} `application/octet-stream` for unknown extensions
 */
export function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * @typedef {object} StaticServerOptions
 * @property {string} root directory to serve (absolute, or relative to the working directory)
 * @property {string} [host] interface to bind (default 127.0.0.1)
 * @property {number} [port] port to listen on, 0 for any free one (default 5173)
 */

/**
 * @typedef {object} StaticServer
 * @property {string} host
 * @property {number} port the port it listens on (the real one when 0 was asked for)
 * @property {string} url e.g. `http://127.0.0.1:5173/`
 * @property {() => Promise<void>} close
 */

/**
 * Serves `root` over HTTP.
 * @param {StaticServerOptions} options
 * @returns {Promise<StaticServer>} resolves once it listens; rejects if the port is taken
 */
export async function startStaticServer({ root, host = '127.0.0.1', port = 5173 }) {
  const base = path.resolve(root)

  /**
   * Maps a URL path to a file under `base`, or null when it would leave `base`.
   * @param {string} urlPath
   */
  const resolveInRoot = (urlPath) => {
    let decoded
    try {
      decoded = decodeURIComponent(urlPath)
    } catch {
      return null
    }
    if (decoded.includes('\0')) return null
    // `..` segments are refused outright rather than normalized away: no legitimate asset has one.
    if (decoded.split(/[\\/]/).includes('..')) return null
    const file = path.resolve(base, '.' + path.posix.normalize('/' + decoded))
    return file === base || file.startsWith(base + path.sep) ? file : null
  }

  /** @param {string} file */
  const fileAt = async (file) => {
    try {
      const info = await stat(file)
      if (info.isFile()) return { file, size: info.size }
      if (info.isDirectory()) {
        const index = path.join(file, 'index.html')
        const indexInfo = await stat(index)
        if (indexInfo.isFile()) return { file: index, size: indexInfo.size }
      }
    } catch {
      // Missing: the caller falls back or answers 404.
    }
    return null
  }

  const server = http.createServer(async (req, res) => {
    /** @param {number} status @param {string} text */
    const fail = (status, text) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(text)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return fail(405, 'Method Not Allowed')
    }
    // Parse the raw path ourselves: `new URL()` would silently resolve `..` segments.
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/'
    const target = resolveInRoot(rawPath)
    if (!target) return fail(400, 'Bad Request')

    let found = await fileAt(target)
    // SPA fallback: an unknown path without a file extension is an app route.
    if (!found && !path.extname(target)) found = await fileAt(path.join(base, 'index.html'))
    if (!found) return fail(404, 'Not Found')

    const isHtml = found.file.endsWith('.html')
    res.writeHead(200, {
      'Content-Type': contentTypeFor(found.file),
      'Content-Length': found.size,
      'X-Content-Type-Options': 'nosniff',
      // Hashed assets never change; the shell must be revalidated so updates reach users.
      'Cache-Control':
        isHtml || !rawPath.startsWith('/assets/') ? 'no-cache' : 'public, max-age=31536000, immutable',
    })
    if (req.method === 'HEAD') return res.end()
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res)
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(undefined)
    })
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const shownHost = host.includes(':') ? `[${host}]` : host

  return {
    host,
    port: actualPort,
    url: `http://${shownHost}:${actualPort}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
