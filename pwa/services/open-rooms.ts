import { WebrtcProvider } from 'y-webrtc'
import { allDocs, type TeamDocs } from '../../shared/doc'
import { deriveOpenRooms } from '../../shared/sync'

/** Options of `openStockRooms`. */
export interface OpenStockRoomsOptions {
  /**
   * STUN/TURN servers. None (the default, as for the team's own sync) reaches devices on the same
   * LAN only; y-webrtc would otherwise use public STUN servers.
   * @default []
   */
  iceServers?: RTCIceServer[]
  /** Told every 2 s how many stock peers are connected (`peers()`), until `close()`. */
  onPeers?: (count: number) => void
}

/** The open rooms of one team on this device. */
export interface StockRooms {
  /** Leaves every room and closes its connections (the documents stay). */
  close(): void
  /**
   * Stock peers connected now: the most connections any one room has (a stock client of the whole
   * team is in all 17 rooms, under another peer id in each, so rooms cannot be added up).
   */
  peers(): number
  /** Whether a transaction origin is one of these rooms (y-webrtc applies updates as its room). */
  isOrigin(origin: unknown): boolean
}

/**
 * Lets other Yjs apps join the team: runs a stock y-webrtc `WebrtcProvider` for each of the team's
 * 17 documents, in the room and with the password `deriveOpenRooms` derives from the secret
 * (shared/sync/README.md, "Open rooms"). Any Yjs client with the secret then syncs with the
 * standard protocol, one document per room; what it writes reaches the team's other devices
 * through this one, and theirs reach it.
 *
 * An opt-in device setting ("Let other Yjs apps join: one room per document, no chunking, for small
 * teams"), off by default: each peer costs one WebRTC connection per document, and y-webrtc sends a
 * document's whole state as one data-channel message, which Chromium refuses over 256 KiB, so
 * documents past that size stop syncing with stock peers (about 800 contacts, see the README).
 * Only one set of rooms per team may be open in a page (y-webrtc refuses a second provider for a
 * room): close the previous one first.
 * @param docs - the team's documents
 * @param secret - the team secret (base64url)
 * @param signalingUrls - y-webrtc signaling servers (`ws://` or `wss://`), the team's
 * @throws SyncError when `secret` is not a team secret
 */
export async function openStockRooms(
  docs: TeamDocs,
  secret: string,
  signalingUrls: string[],
  options: OpenStockRoomsOptions = {},
): Promise<StockRooms> {
  const rooms = await deriveOpenRooms(secret)
  const peerOpts = { config: { iceServers: options.iceServers ?? [] } }
  const providers = allDocs(docs).map(
    (doc, i) =>
      new WebrtcProvider(rooms[i]!.room, doc, {
        signaling: signalingUrls,
        password: rooms[i]!.password,
        peerOpts,
      }),
  )
  let isClosed = false
  const onPeers = options.onPeers
  const timer = onPeers ? setInterval(() => onPeers(stock.peers()), 2000) : undefined
  const stock: StockRooms = {
    close() {
      if (isClosed) return
      isClosed = true
      clearInterval(timer)
      for (const provider of providers) {
        provider.destroy()
        provider.awareness.destroy() // its own, made by the provider: stops its timer
      }
    },
    peers() {
      if (isClosed) return 0
      let most = 0
      for (const provider of providers) {
        const conns = provider.room?.webrtcConns
        if (!conns) continue
        let connected = 0
        for (const conn of conns.values()) if (conn.connected) connected++
        most = Math.max(most, connected)
      }
      return most
    },
    isOrigin: (origin) => origin !== null && providers.some((p) => p.room === origin),
  }
  return stock
}
