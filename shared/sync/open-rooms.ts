import { SHARD_COUNT } from '../doc'
import { fromBase64Url, toBase64Url, toHex, utf8 } from './bytes'
import { SyncError } from './errors'
import { SECRET_BYTES } from './team-secret'

/**
 * Open rooms: one plain y-webrtc room per team document, for Yjs clients that know nothing of
 * Rapport's multiplexed, chunked session (a stock `WebrtcProvider` syncs one Y.Doc per room).
 * Room names and passwords are HKDF-SHA-256 of the team secret (empty salt), like `deriveKeys`,
 * with the document's index in the `info` label (README.md, "Open rooms"):
 * - room: `rapport doc room v1 <index>`, 16 bytes as lower-case hex;
 * - password: `rapport doc password v1 <index>`, 32 bytes as unpadded base64url.
 * The index is the one of the sync frames: 0 the team document, 1 + n shard n. Traffic in these
 * rooms is protected by y-webrtc only (signaling encrypted with the password, WebRTC's DTLS).
 */

/** One document's y-webrtc room: what a stock `WebrtcProvider` needs besides the signaling URLs. */
export interface OpenRoom {
  /** 0 for the team document, 1 + n for shard n (the order of `allDocs`). */
  index: number
  /** The y-webrtc room name (also the signaling topic): 32 hex digits. */
  room: string
  /** The y-webrtc `password` option: 43 base64url characters. */
  password: string
}

/** How many open rooms a team has: the team document and every shard. */
export const OPEN_ROOM_COUNT = 1 + SHARD_COUNT

/** The `info` labels of a document's room name and password. */
export const openRoomInfo = (index: number) => ({
  room: `rapport doc room v1 ${index}`,
  password: `rapport doc password v1 ${index}`,
})

/**
 * The open room of every team document, team document first.
 * @param secret - the team secret (base64url, 32 bytes), from the join code
 * @param subtle - WebCrypto @default globalThis.crypto.subtle
 * @throws SyncError when `secret` is not a team secret
 */
export async function deriveOpenRooms(
  secret: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<OpenRoom[]> {
  const bytes = fromBase64Url(secret)
  if (!bytes || bytes.length !== SECRET_BYTES)
    throw new SyncError(`a team secret is ${SECRET_BYTES} bytes of base64url`)
  const ikm = await subtle.importKey('raw', bytes, 'HKDF', false, ['deriveBits'])
  const bits = async (info: string, length: number) =>
    new Uint8Array(
      await subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(info) },
        ikm,
        length * 8,
      ),
    )
  return Promise.all(
    Array.from({ length: OPEN_ROOM_COUNT }, async (_, index) => {
      const info = openRoomInfo(index)
      const [room, password] = await Promise.all([bits(info.room, 16), bits(info.password, 32)])
      return { index, room: toHex(room), password: toBase64Url(password) }
    }),
  )
}
