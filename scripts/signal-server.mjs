// A y-webrtc compatible signaling server: a rendezvous that relays JSON messages between the
// subscribers of a topic. It sees only what y-webrtc publishes (encrypted when a team secret is
// set) and keeps no state beyond the open connections.
//
// Protocol (the same as y-webrtc's bin/server.js):
//   { type: 'subscribe', topics: string[] }    join topics
//   { type: 'unsubscribe', topics: string[] }  leave topics
//   { type: 'publish', topic: string, ... }    relayed to every subscriber of topic
//                                              (the sender included), with `clients: n` added
//   { type: 'ping' }                           answered with { type: 'pong' }
import http from 'node:http'
import { pathToFileURL } from 'node:url'
import { WebSocketServer, WebSocket } from 'ws'

/** Connections that answer no ping within this many milliseconds are closed. */
const HEARTBEAT_MS = 30_000
/** Signaling messages are SDP offers and answers; anything larger is not ours. */
const MAX_PAYLOAD_BYTES = 1024 * 1024

/**
 * @typedef {object} SignalServerOptions
 * @property {string} [host] interface to bind (default 127.0.0.1)
 * @property {number} [port] port to listen on, 0 for any free one (default 4444)
 */

/**
 * @typedef {object} SignalServer
 * @property {string} host the interface it listens on
 * @property {number} port the port it listens on (the real one when 0 was asked for)
 * @property {() => Promise<void>} close disconnects every client and stops listening
 */

/**
 * Starts a signaling server.
 * @param {SignalServerOptions} [options]
 * @returns {Promise<SignalServer>} resolves once it listens; rejects if the port is taken
 */
export async function startSignalServer({ host = '127.0.0.1', port = 4444 } = {}) {
  /** @type {Map<string, Set<WebSocket>>} */
  const topics = new Map()

  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('okay')
  })
  const wss = new WebSocketServer({ server, maxPayload: MAX_PAYLOAD_BYTES })

  /**
   * @param {WebSocket} conn
   * @param {unknown} message
   */
  const send = (conn, message) => {
    if (conn.readyState !== WebSocket.OPEN) return
    try {
      conn.send(JSON.stringify(message))
    } catch {
      conn.close()
    }
  }

  wss.on('connection', (conn) => {
    /** @type {Set<string>} */
    const subscribed = new Set()
    let isAlive = true
    const heartbeat = setInterval(() => {
      if (!isAlive) {
        conn.terminate()
        return
      }
      isAlive = false
      try {
        conn.ping()
      } catch {
        conn.terminate()
      }
    }, HEARTBEAT_MS)
    heartbeat.unref()

    const leave = (/** @type {string} */ topic) => {
      const subscribers = topics.get(topic)
      if (subscribers) {
        subscribers.delete(conn)
        if (subscribers.size === 0) topics.delete(topic)
      }
      subscribed.delete(topic)
    }

    conn.on('pong', () => {
      isAlive = true
    })
    conn.on('error', () => conn.terminate())
    conn.on('close', () => {
      clearInterval(heartbeat)
      for (const topic of [...subscribed]) leave(topic)
    })
    conn.on('message', (data, isBinary) => {
      if (isBinary) return
      let message
      try {
        message = JSON.parse(data.toString())
      } catch {
        return
      }
      if (!message || typeof message !== 'object' || typeof message.type !== 'string') return
      switch (message.type) {
        case 'subscribe':
          for (const topic of Array.isArray(message.topics) ? message.topics : []) {
            if (typeof topic !== 'string') continue
            let subscribers = topics.get(topic)
            if (!subscribers) topics.set(topic, (subscribers = new Set()))
            subscribers.add(conn)
            subscribed.add(topic)
          }
          break
        case 'unsubscribe':
          for (const topic of Array.isArray(message.topics) ? message.topics : []) {
            if (typeof topic === 'string') leave(topic)
          }
          break
        case 'publish': {
          if (typeof message.topic !== 'string') break
          const receivers = topics.get(message.topic)
          if (!receivers) break
          message.clients = receivers.size
          for (const receiver of receivers) send(receiver, message)
          break
        }
        case 'ping':
          send(conn, { type: 'pong' })
          break
      }
    })
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

  return {
    host,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const host = process.env.HOST || '127.0.0.1'
  const port = Number(process.env.PORT || 4444)
  const signal = await startSignalServer({ host, port })
  console.log(`Signaling server on ws://${signal.host}:${signal.port}`)
  const stop = () => void signal.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
