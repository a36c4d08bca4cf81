import type { Transport } from '../host'
import { decrypt, encrypt, IV_BYTES } from './aes'
import { concatBytes, utf8 } from './bytes'
import { webRandomBytes, type RandomBytes } from './errors'

/** Bound into every message's tag, so a transport message can never pass for anything else. */
const CONTEXT = utf8('rapport transport v1')

/** A transport whose messages are encrypted; it counts what it had to drop. */
export interface EncryptedTransport extends Transport {
  /** Messages dropped because they did not decrypt: another key, or damaged on the way. */
  readonly rejected: number
}

/** Options of `encryptedTransport`. */
export interface EncryptedTransportOptions {
  /** @default globalThis.crypto.subtle */
  subtle?: SubtleCrypto
  /** The source of the nonces. @default WebCrypto's getRandomValues */
  random?: RandomBytes
  /** Called with the new count each time a message is dropped. */
  onReject?: (rejected: number) => void
  /** Told when the inner transport refuses a message or a handler throws. */
  onError?: (error: Error) => void
}

/**
 * Wraps a transport so that everything on it is AES-GCM encrypted: each message travels as
 * `[iv: 12 random bytes][ciphertext and 16-byte tag]`, with `rapport transport v1` as additional
 * data. A relay (signaling server, bridge) sees only ciphertext. A message that fails to decrypt
 * is dropped and counted in `rejected`, never delivered. Order is kept both ways, although
 * WebCrypto is asynchronous: messages are delivered and sent in the order they came.
 * @param key - `updateKey` of `deriveKeys`
 */
export function encryptedTransport(
  inner: Transport,
  key: CryptoKey,
  options: EncryptedTransportOptions = {},
): EncryptedTransport {
  const { subtle = globalThis.crypto.subtle, random = webRandomBytes, onReject, onError } = options
  const handlers = new Set<(message: Uint8Array) => void>()
  const fail = (error: unknown) => onError?.(error instanceof Error ? error : new Error(String(error)))
  let sending: Promise<void> = Promise.resolve()
  let receiving: Promise<void> = Promise.resolve()
  let isClosed = false
  let rejected = 0

  const unsubscribe = inner.onMessage((packet) => {
    const iv = packet.slice(0, IV_BYTES)
    // Decryption starts at once; only the delivery waits for the messages before.
    const opened =
      iv.length === IV_BYTES ? decrypt(subtle, key, iv, packet.subarray(IV_BYTES), CONTEXT) : null
    receiving = receiving
      .then(() => opened)
      .then((message) => {
        if (isClosed) return
        if (!message) {
          rejected++
          onReject?.(rejected)
          return
        }
        for (const handler of [...handlers]) handler(message)
      })
      .catch(fail)
  })

  return {
    get rejected() {
      return rejected
    },
    send(message) {
      if (isClosed) return
      const iv = random(IV_BYTES)
      const sealed = encrypt(subtle, key, iv, message, CONTEXT)
      sending = sending
        .then(() => sealed)
        .then((ciphertext) => {
          if (!isClosed) inner.send(concatBytes(iv, ciphertext))
        })
        .catch(fail)
    },
    async ready() {
      await sending
      if (!isClosed) await inner.ready?.()
    },
    onMessage(handler) {
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    close() {
      if (isClosed) return
      isClosed = true
      handlers.clear()
      unsubscribe()
      inner.close()
    },
  }
}
