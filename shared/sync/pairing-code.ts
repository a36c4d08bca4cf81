import { digest as sha256 } from 'lib0/hash/sha256'
import { decrypt, encrypt, IV_BYTES, TAG_BYTES } from './aes'
import { deflate, inflate } from './deflate'
import { concatBytes, equalBytes, fromBase64Url, toBase64Url, utf8 } from './bytes'
import { refuse, webRandomBytes, type RandomBytes, type Refusal } from './errors'
import type { CompressionStreams } from './webrtc-host'

/** The version of the pairing code format: the digit in `rapport-offer1.` and `rapport-answer1.`. */
export const PAIRING_CODE_VERSION = 1
/** Bytes of the id that ties an answer to its offer. */
export const PAIRING_ID_BYTES = 8
const CHECK_BYTES = 4
const DEFLATED = 1

/** An offer (shown by the first device) or an answer (shown by the second). */
export type PairingCodeKind = 'offer' | 'answer'

/** What a pairing code carries once opened. */
export interface PairingCode {
  kind: PairingCodeKind
  /** Ties the answer to its offer (random, per offer). */
  pairingId: Uint8Array
  /** The session description, ICE candidates included. */
  sdp: string
}

/** Why a pairing code was refused. */
export type PairingCodeRefusal =
  'not-a-pairing-code' | 'wrong-kind' | 'unsupported-version' | 'damaged' | 'other-team' | 'cannot-decompress'
export type PairingCodeResult = { ok: true; value: PairingCode } | Refusal<PairingCodeRefusal>

/** Options of `encodePairingCode` and `decodePairingCode`. */
export interface PairingCodeOptions {
  /** With both streams the SDP is deflated (`deflate-raw`): the code shrinks by about a third. */
  compression?: CompressionStreams
  /** @default globalThis.crypto.subtle */
  subtle?: SubtleCrypto
  /** @default WebCrypto's getRandomValues */
  random?: RandomBytes
}

const context = (kind: PairingCodeKind, flags: number, pairingId: Uint8Array) =>
  concatBytes(utf8(`rapport pairing v${PAIRING_CODE_VERSION} ${kind}`), Uint8Array.of(flags), pairingId)

/**
 * A pairing code as compact text for a QR code or a paste: `rapport-offer1.` or `rapport-answer1.`
 * and the base64url of `[flags][pairingId: 8][iv: 12][AES-GCM of the SDP (deflated when flags & 1)]
 * [check: 4]`, the check being the start of the SHA-256 of what precedes it. The SDP is encrypted
 * with the team's `updateKey` (the kind, flags and pairing id as additional data): a photo of the
 * code shows neither addresses nor ICE credentials, and only a device of the team can answer it.
 */
export async function encodePairingCode(
  code: PairingCode,
  key: CryptoKey,
  options: PairingCodeOptions = {},
): Promise<string> {
  const { compression, subtle = globalThis.crypto.subtle, random = webRandomBytes } = options
  const flags = compression ? DEFLATED : 0
  const plain = compression ? await deflate(utf8(code.sdp), compression) : utf8(code.sdp)
  const iv = random(IV_BYTES)
  const sealed = await encrypt(subtle, key, iv, plain, context(code.kind, flags, code.pairingId))
  const body = concatBytes(Uint8Array.of(flags), code.pairingId, iv, sealed)
  const check = sha256(body).subarray(0, CHECK_BYTES)
  return `rapport-${code.kind}${PAIRING_CODE_VERSION}.${toBase64Url(concatBytes(body, check))}`
}

/**
 * Opens a pairing code. Whitespace (a code wrapped over lines) is ignored, and the code may sit
 * inside other text.
 * @param kind - the kind expected here
 * @returns the code, or a refusal: `not-a-pairing-code`, `wrong-kind` (an offer where an answer is
 *   due, or the reverse), `unsupported-version`, `damaged` (a character missing or changed),
 *   `other-team` (made with another team secret) or `cannot-decompress` (no `DecompressionStream`)
 */
export async function decodePairingCode(
  kind: PairingCodeKind,
  text: string,
  key: CryptoKey,
  options: PairingCodeOptions = {},
): Promise<PairingCodeResult> {
  const { compression, subtle = globalThis.crypto.subtle } = options
  const m = /rapport-(offer|answer)(\d+)\.([A-Za-z0-9_-]*)/.exec(text.replace(/\s+/g, ''))
  if (!m) {
    return refuse(
      'not-a-pairing-code',
      'this is not a Rapport pairing code (it starts with "rapport-offer1.")',
    )
  }
  if (m[1] !== kind) {
    return m[1] === 'offer'
      ? refuse(
          'wrong-kind',
          'this is the pairing offer: paste it on the other device, then bring its answer here',
        )
      : refuse('wrong-kind', 'this is an answer: paste it on the device that showed the offer')
  }
  const version = Number(m[2])
  if (version !== PAIRING_CODE_VERSION) {
    return refuse(
      'unsupported-version',
      `this pairing code is from ${version > PAIRING_CODE_VERSION ? 'a newer' : 'an older'} Rapport; update the app`,
    )
  }
  const damaged = () =>
    refuse('damaged', 'the pairing code is damaged: a character is missing or wrong; copy or scan it again')
  const bytes = fromBase64Url(m[3]!)
  const head = 1 + PAIRING_ID_BYTES + IV_BYTES
  if (!bytes || bytes.length < head + TAG_BYTES + CHECK_BYTES) return damaged()
  const body = bytes.subarray(0, bytes.length - CHECK_BYTES)
  if (!equalBytes(sha256(body).subarray(0, CHECK_BYTES), bytes.subarray(body.length))) return damaged()
  const flags = body[0]!
  if (flags & ~DEFLATED) return damaged()
  const pairingId = body.slice(1, 1 + PAIRING_ID_BYTES)
  const iv = body.slice(1 + PAIRING_ID_BYTES, head)
  const opened = await decrypt(subtle, key, iv, body.subarray(head), context(kind, flags, pairingId))
  if (!opened) {
    return refuse(
      'other-team',
      'this pairing code comes from a device of another team, or from before the team secret changed',
    )
  }
  if (!(flags & DEFLATED))
    return { ok: true, value: { kind, pairingId, sdp: new TextDecoder().decode(opened) } }
  if (!compression) {
    return refuse(
      'cannot-decompress',
      'this pairing code is compressed and this browser cannot decompress it',
    )
  }
  try {
    const sdp = new TextDecoder().decode(await inflate(opened, compression))
    return { ok: true, value: { kind, pairingId, sdp } }
  } catch {
    return damaged()
  }
}
