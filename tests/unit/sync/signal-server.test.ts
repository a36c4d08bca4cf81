import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startSignalServer } from '../../../scripts/signal-server.mjs'

type Message = Record<string, unknown> & { type: string }

/** A test client that queues every JSON message it receives. */
async function connect(url: string) {
  const ws = new WebSocket(url)
  const inbox: Message[] = []
  const waiters: Array<(message: Message) => void> = []
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Message
    const waiter = waiters.shift()
    if (waiter) waiter(message)
    else inbox.push(message)
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return {
    ws,
    send: (message: Message) => ws.send(JSON.stringify(message)),
    next: () =>
      new Promise<Message>((resolve, reject) => {
        const queued = inbox.shift()
        if (queued) return resolve(queued)
        const timer = setTimeout(() => reject(new Error('no message within 2 s')), 2000)
        waiters.push((message) => {
          clearTimeout(timer)
          resolve(message)
        })
      }),
    /** Resolves once the server has handled everything sent before (replies are in order). */
    flush: async function () {
      this.send({ type: 'ping' })
      const reply = await this.next()
      expect(reply).toEqual({ type: 'pong' })
    },
    inbox,
  }
}

describe('signaling server', () => {
  let server: Awaited<ReturnType<typeof startSignalServer>>
  let url: string
  const sockets: WebSocket[] = []

  beforeEach(async () => {
    server = await startSignalServer({ host: '127.0.0.1', port: 0 })
    url = `ws://127.0.0.1:${server.port}`
  })

  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.close()
    await server.close()
  })

  async function client() {
    const c = await connect(url)
    sockets.push(c.ws)
    return c
  }

  it('listens on an ephemeral port when asked for port 0', () => {
    expect(server.port).toBeGreaterThan(0)
  })

  it('answers ping with pong', async () => {
    const a = await client()
    a.send({ type: 'ping' })
    expect(await a.next()).toEqual({ type: 'pong' })
  })

  it('relays a publish to every subscriber of the topic with the subscriber count', async () => {
    const a = await client()
    const b = await client()
    a.send({ type: 'subscribe', topics: ['team-1'] })
    b.send({ type: 'subscribe', topics: ['team-1'] })
    await a.flush()
    await b.flush()

    a.send({ type: 'publish', topic: 'team-1', data: { hello: 'b' } })
    expect(await b.next()).toEqual({ type: 'publish', topic: 'team-1', data: { hello: 'b' }, clients: 2 })
    // y-webrtc's server echoes to the sender too; y-webrtc ignores its own messages.
    expect(await a.next()).toMatchObject({ type: 'publish', topic: 'team-1', clients: 2 })
  })

  it('does not relay to subscribers of other topics', async () => {
    const a = await client()
    const b = await client()
    a.send({ type: 'subscribe', topics: ['team-1'] })
    b.send({ type: 'subscribe', topics: ['team-2'] })
    await a.flush()
    await b.flush()

    a.send({ type: 'publish', topic: 'team-1', data: 'secret' })
    expect(await a.next()).toMatchObject({ topic: 'team-1', clients: 1 })
    await b.flush()
    expect(b.inbox).toEqual([])
  })

  it('stops relaying after unsubscribe', async () => {
    const a = await client()
    const b = await client()
    a.send({ type: 'subscribe', topics: ['team-1'] })
    b.send({ type: 'subscribe', topics: ['team-1'] })
    await a.flush()
    b.send({ type: 'unsubscribe', topics: ['team-1'] })
    await b.flush()

    a.send({ type: 'publish', topic: 'team-1', data: 1 })
    expect(await a.next()).toMatchObject({ clients: 1 })
    await b.flush()
    expect(b.inbox).toEqual([])
  })

  it('ignores malformed messages and keeps the connection open', async () => {
    const a = await client()
    a.ws.send('not json')
    a.send({ type: 'publish' } as Message)
    a.send({ type: 'subscribe', topics: [42, null] } as Message)
    await a.flush()
    expect(a.ws.readyState).toBe(WebSocket.OPEN)
  })
})
