import { ownBuffer } from './bytes'

/** Bytes of an AES-GCM nonce: 96 bits, random per message. */
export const IV_BYTES = 12
/** Bytes AES-GCM adds to a message: its 128-bit tag. */
export const TAG_BYTES = 16

/** AES-GCM encryption of `plaintext`, authenticating `aad` with it; the tag is appended. */
export async function encrypt(
  subtle: SubtleCrypto,
  key: CryptoKey,
  iv: Uint8Array<ArrayBuffer>,
  plaintext: Uint8Array,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const params = { name: 'AES-GCM', iv, additionalData: aad }
  return new Uint8Array(await subtle.encrypt(params, key, ownBuffer(plaintext)))
}

/** AES-GCM decryption; `null` when the tag does not verify (another key, other `aad`, or damage). */
export async function decrypt(
  subtle: SubtleCrypto,
  key: CryptoKey,
  iv: Uint8Array<ArrayBuffer>,
  ciphertext: Uint8Array,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (ciphertext.length < TAG_BYTES) return null
  try {
    return new Uint8Array(
      await subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, ownBuffer(ciphertext)),
    )
  } catch {
    return null
  }
}
