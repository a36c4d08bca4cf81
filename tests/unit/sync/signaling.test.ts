import * as buffer from 'lib0/buffer'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startSignalServer } from '../../../scripts/signal-server.mjs'
import { createTeam, deriveKeys, type TeamKeys } from '../../../shared/sync'
import type { SignalMessage } from '../../../shared/sync/signal-message'
import { connectSignaling, type SignalingClient } from '../../../shared/sync/signaling'
import { until } from './memory-transport'
import { loadYWebrtcCrypto } from './y-webrtc-crypto'

type Server = Awaited<ReturnType<typeof startSignalServer>>
const servers: Server[] = []
const clients: SignalingClient[] = []
const sockets: WebSocket[] = []

afterEach(async () => {
  for (const c of clients.splice(0)) c.close()
  for (const s of sockets.splice(0)) s.close()
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function server(port = 0) {
  const s = await startSignalServer({ host: '127.0.0.1', port })
  servers.push(s)
  return { server: s, url: `ws://127.0.0.1:${s.port}` }
}

function client(urls: string[], keys: Pick<TeamKeys, 'roomId' | 'roomPassword'>) {
  const inbox: SignalMessage[] = []
  const connects: string[] = []
  const c = connectSignaling({
    urls,
    WebSocket,
    roomId: keys.roomId,
    roomPassword: keys.roomPassword,
    onMessage: (m) => inbox.push(m),
    onConnect: (url) => connects.push(url),
    minRetryMs: 20,
    maxRetryMs: 200,
  })
  clients.push(c)
  return { c, inbox, connects }
}

/** A bare WebSocket subscribed to the topic: what the server, or a stock y-webrtc client, sees. */
async function observer(url: string, topic: string) {
  const ws = new WebSocket(url)
  sockets.push(ws)
  const seen: { type: string; topic?: string; data?: unknown }[] = []
  ws.on('message', (data) => seen.push(JSON.parse(data.toString())))
  await new Promise((resolve) => ws.once('open', resolve))
  ws.send(JSON.stringify({ type: 'subscribe', topics: [topic] }))
  ws.send(JSON.stringify({ type: 'ping' }))
  await until(() => seen.some((m) => m.type === 'pong'), 'the subscription')
  return { ws, seen }
}

describe('signaling client', async () => {
  const yc = await loadYWebrtcCrypto()
  const keys = await deriveKeys(createTeam().secret)

  it('meets another client through a y-webrtc server, which sees ciphertext a stock client can read', async () => {
    const { url } = await server()
    const watch = await observer(url, keys.roomId)
    const [a, b] = [client([url], keys), client([url], keys)]
    await until(() => a.connects.length === 1 && b.connects.length === 1, 'both connected')
    a.c.publish({ type: 'announce', from: 'peer-a' })
    b.c.publish({
      type: 'signal',
      from: 'peer-b',
      to: 'peer-a',
      signal: { type: 'offer', sdp: 'v=0 secret-sdp' },
    })
    await until(() => a.inbox.length === 1 && b.inbox.length === 1, 'both messages')
    expect(b.inbox).toEqual([{ type: 'announce', from: 'peer-a' }])
    expect(a.inbox[0]).toMatchObject({ type: 'signal', from: 'peer-b', signal: { sdp: 'v=0 secret-sdp' } })

    await until(() => watch.seen.filter((m) => m.type === 'publish').length === 2, 'the observer')
    const published = watch.seen.filter((m) => m.type === 'publish')
    const stockKey = await yc.deriveKey(keys.roomPassword, keys.roomId)
    for (const m of published) {
      expect(m.topic).toBe(keys.roomId)
      expect(typeof m.data).toBe('string')
      expect(JSON.stringify(m)).not.toMatch(/peer-a|peer-b|secret-sdp|announce/)
    }
    const opened = await Promise.all(
      published.map((m) => yc.decryptJson(buffer.fromBase64(m.data as string), stockKey)),
    )
    expect(opened).toContainEqual({ type: 'announce', from: 'peer-a' })
  })

  it('reads what a stock y-webrtc client publishes', async () => {
    const { url } = await server()
    const a = client([url], keys)
    await until(() => a.connects.length === 1, 'connected')
    const stock = await observer(url, keys.roomId)
    const stockKey = await yc.deriveKey(keys.roomPassword, keys.roomId)
    const data = buffer.toBase64(await yc.encryptJson({ type: 'announce', from: 'stock-peer' }, stockKey))
    stock.ws.send(JSON.stringify({ type: 'publish', topic: keys.roomId, data }))
    // And an unencrypted one, as a y-webrtc client without a password sends: ignored.
    stock.ws.send(
      JSON.stringify({ type: 'publish', topic: keys.roomId, data: { type: 'announce', from: 'x' } }),
    )
    await until(() => a.inbox.length === 1, 'the stock announce')
    expect(a.inbox).toEqual([{ type: 'announce', from: 'stock-peer' }])
  })

  it('publishes on every server and delivers a message that came through two of them once', async () => {
    const [s1, s2] = [await server(), await server()]
    const a = client([s1.url, s2.url], keys)
    const b = client([s1.url, s2.url], keys)
    await until(
      () => a.c.servers.every((s) => s.isConnected) && b.c.servers.every((s) => s.isConnected),
      'all up',
    )
    a.c.publish({ type: 'announce', from: 'peer-a' })
    await until(() => b.inbox.length === 1, 'the announce')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(b.inbox.length).toBe(1)
    expect(a.inbox.length).toBe(0) // the server's echo of our own message
  })

  it('drops messages from a client with another password in the same room', async () => {
    const { url } = await server()
    const other = await deriveKeys(createTeam().secret)
    const a = client([url], keys)
    const intruder = client([url], { roomId: keys.roomId, roomPassword: other.roomPassword })
    await until(() => a.connects.length === 1 && intruder.connects.length === 1, 'connected')
    intruder.c.publish({ type: 'announce', from: 'intruder' })
    await until(() => a.c.rejected === 1, 'the rejection')
    expect(a.inbox).toEqual([])
  })

  it('reconnects with backoff when the server goes away and comes back, and re-subscribes', async () => {
    const first = await server()
    const port = first.server.port
    const a = client([first.url], keys)
    await until(() => a.connects.length === 1, 'connected')
    await first.server.close()
    servers.splice(servers.indexOf(first.server), 1)
    await until(() => !a.c.servers[0]!.isConnected, 'the loss noticed')
    await new Promise((resolve) => setTimeout(resolve, 150)) // a few failed attempts
    expect(a.c.servers[0]!.failures).toBeGreaterThan(0)
    await server(port)
    await until(() => a.connects.length === 2, 'reconnected', 5000)
    expect(a.c.servers[0]).toEqual({ url: first.url, isConnected: true, failures: 0 })
    const b = client([first.url], keys)
    await until(() => b.connects.length === 1, 'b connected')
    b.c.publish({ type: 'announce', from: 'peer-b' })
    await until(() => a.inbox.length === 1, 'a message after the reconnection')
  })

  it('stops for good on close: unsubscribed, no retry', async () => {
    const { url } = await server()
    const watch = await observer(url, keys.roomId)
    const a = client([url], keys)
    await until(() => a.connects.length === 1, 'connected')
    a.c.close()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(a.c.servers[0]!.isConnected).toBe(false)
    expect(a.connects.length).toBe(1)
    a.c.publish({ type: 'announce', from: 'late' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(watch.seen.filter((m) => m.type === 'publish')).toEqual([])
  })
})
