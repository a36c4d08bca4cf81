import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { IV_BYTES } from './aes'
import { ownBuffer, utf8 } from './bytes'
import { webRandomBytes, type RandomBytes } from './errors'

/**
 * Signaling messages encrypted exactly as y-webrtc's `crypto.js` encrypts them, so a stock
 * y-webrtc signaling server relays them and a stock y-webrtc client with the same room name and
 * password reads them:
 * - the key is PBKDF2-SHA-256 (100 000 iterations) of the password, salted with the room name,
 *   an AES-GCM-256 key;
 * - a message is lib0 `writeAny` of the JSON-like object, AES-GCM encrypted with a random 12-byte
 *   IV and no additional data, framed as `varString 'AES-GCM' | varUint8Array iv | varUint8Array
 *   ciphertext`, and published as standard base64 (with padding) in the `data` field.
 */
const ALGORITHM = 'AES-GCM'
const PBKDF2_ITERATIONS = 100_000

/**
 * The key y-webrtc derives from its `password` option for a room.
 * @param password - `roomPassword` of `deriveKeys`
 * @param roomName - `roomId` of `deriveKeys` (y-webrtc's room name, the signaling topic)
 * @param subtle - @default globalThis.crypto.subtle
 */
export async function deriveSignalingKey(
  password: string,
  roomName: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<CryptoKey> {
  const material = await subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveKey'])
  return subtle.deriveKey(
    { name: 'PBKDF2', salt: utf8(roomName), iterations: PBKDF2_ITERATIONS, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** A value lib0's `writeAny` can carry (what y-webrtc's signaling messages are made of). */
export type SignalValue =
  string | number | boolean | null | undefined | Uint8Array | SignalValue[] | { [key: string]: SignalValue }

/** Options of `encryptSignal`. */
export interface EncryptSignalOptions {
  /** @default globalThis.crypto.subtle */
  subtle?: SubtleCrypto
  /** The IV source. @default WebCrypto's getRandomValues */
  random?: RandomBytes
}

/**
 * Encrypts one signaling message as y-webrtc's `encryptJson` does, as the base64 text that goes in
 * `{ type: 'publish', topic, data }`.
 * @param key - `deriveSignalingKey(roomPassword, roomId)`
 */
export async function encryptSignal(
  message: SignalValue,
  key: CryptoKey,
  options: EncryptSignalOptions = {},
): Promise<string> {
  const { subtle = globalThis.crypto.subtle, random = webRandomBytes } = options
  const plain = encoding.createEncoder()
  encoding.writeAny(plain, message)
  const iv = random(IV_BYTES)
  const params = { name: ALGORITHM, iv }
  const cipher = await subtle.encrypt(params, key, ownBuffer(encoding.toUint8Array(plain)))
  const framed = encoding.createEncoder()
  encoding.writeVarString(framed, ALGORITHM)
  encoding.writeVarUint8Array(framed, iv)
  encoding.writeVarUint8Array(framed, new Uint8Array(cipher))
  return toBase64(encoding.toUint8Array(framed))
}

/**
 * Decrypts the `data` of a published signaling message (y-webrtc's `decryptJson`).
 * @returns the message, or `null` when it is not base64, not framed as y-webrtc frames it, or does
 *   not decrypt with `key` (another room password, or damaged)
 */
export async function decryptSignal(
  data: string,
  key: CryptoKey,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<SignalValue | null> {
  try {
    const bytes = fromBase64(data)
    if (!bytes) return null
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readVarString(decoder) !== ALGORITHM) return null
    const iv = decoding.readVarUint8Array(decoder).slice()
    const cipher = decoding.readVarUint8Array(decoder).slice()
    const plain = await subtle.decrypt({ name: ALGORITHM, iv }, key, cipher)
    return decoding.readAny(decoding.createDecoder(new Uint8Array(plain))) as SignalValue
  } catch {
    return null
  }
}

/** Standard base64 with padding, as lib0's `toBase64` writes it. */
export function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/** Reads standard base64; `null` for anything else. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}
