import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStaticServer } from '../../../scripts/static-server.mjs'

/** A raw GET: fetch() and `new URL()` would normalize `..` away before it reaches the server. */
function get(port: number, rawPath: string) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

describe('static server', () => {
  let dir: string
  let root: string
  let server: Awaited<ReturnType<typeof startStaticServer>>

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rapport-static-'))
    root = path.join(dir, 'site')
    await mkdir(path.join(root, 'assets'), { recursive: true })
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Rapport</title>')
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(path.join(root, 'assets', 'app.css'), 'body{}')
    await writeFile(path.join(root, 'manifest.webmanifest'), '{"name":"Rapport"}')
    await writeFile(path.join(dir, 'secret.txt'), 'outside the root')
    server = await startStaticServer({ root, host: '127.0.0.1', port: 0 })
  })

  afterAll(async () => {
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('serves index.html at /', async () => {
    const res = await get(server.port, '/')
    expect(res.status).toBe(200)
    expect(res.type).toMatch(/^text\/html/)
    expect(res.body).toContain('<title>Rapport</title>')
  })

  it('falls back to index.html for app routes', async () => {
    const res = await get(server.port, '/contacts/123?tab=timeline')
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Rapport</title>')
  })

  it('answers 404 for a missing file with an extension', async () => {
    expect((await get(server.port, '/assets/missing.js')).status).toBe(404)
  })

  it('sends the right content types', async () => {
    expect((await get(server.port, '/assets/app.js')).type).toMatch(/^text\/javascript/)
    expect((await get(server.port, '/assets/app.css')).type).toMatch(/^text\/css/)
    expect((await get(server.port, '/manifest.webmanifest')).type).toMatch(/^application\/manifest\+json/)
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
  ])('refuses directory traversal: %s', async (rawPath) => {
    const res = await get(server.port, rawPath)
    expect(res.status).toBe(400)
    expect(res.body).not.toContain('outside the root')
  })
})
