import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { digest as sha256 } from 'lib0/hash/sha256'
import { concatBytes, equalBytes, fromBase64Url, ownBuffer, toBase64Url, toHex, utf8 } from './bytes'
import { refuse, SyncError, webRandomBytes, type RandomBytes, type Refusal } from './errors'

/** The version of the join code format; it is the digit in the `rapport1.` prefix. */
export const JOIN_CODE_VERSION = 1
/** Bytes of a team secret (256 bits). */
export const SECRET_BYTES = 32
const CHECK_BYTES = 4

/** What a device needs to join a team: the team id and its secret, plus hints for the UI and the network. */
export interface JoinCode {
  teamId: string
  /** 32 random bytes, base64url. */
  secret: string
  /** The team's display name, shown before joining. */
  name?: string
  /** Signaling servers (y-webrtc `ws(s)://` URLs) the team uses. */
  signaling?: string[]
}

/** Why a join code was refused. */
export type JoinCodeRefusal = 'not-a-join-code' | 'damaged' | 'unsupported-version'
export type JoinCodeResult = { ok: true; value: JoinCode } | Refusal<JoinCodeRefusal>

/** Keys derived from a team secret (see README.md): the same on every device of the team. */
export interface TeamKeys {
  /** The rendezvous room (y-webrtc room name): 32 hex digits, unrelated to the team id. */
  roomId: string
  /** The y-webrtc `password` that encrypts signaling messages: 43 base64url characters. */
  roomPassword: string
  /** AES-GCM-256 key for sync traffic and bundles; not extractable. */
  updateKey: CryptoKey
}

/**
 * A new team: a random 128-bit id and a random 256-bit secret, both base64url.
 * @param random - the random source @default WebCrypto's getRandomValues
 */
export function createTeam(random: RandomBytes = webRandomBytes): { teamId: string; secret: string } {
  return { teamId: toBase64Url(random(16)), secret: toBase64Url(random(SECRET_BYTES)) }
}

/** The 32 secret bytes, or a `SyncError` when `secret` is not a team secret. */
function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64Url(secret)
  if (!bytes || bytes.length !== SECRET_BYTES)
    throw new SyncError(`a team secret is ${SECRET_BYTES} bytes of base64url`)
  return bytes
}

/**
 * The join code as compact text: `rapport1.` and the base64url of
 * `[secret: 32 bytes][teamId, name: varString][signaling count: varUint][url: varString]…[check: 4 bytes]`,
 * where check is the start of the SHA-256 of what precedes it. A team with a name and one server
 * makes about 150 characters, a small QR code.
 * @throws SyncError when the secret is not 32 bytes of base64url or the team id is empty
 */
export function encodeJoinCode(code: JoinCode): string {
  if (!code.teamId) throw new SyncError('a join code needs a team id')
  const encoder = encoding.createEncoder()
  encoding.writeUint8Array(encoder, secretBytes(code.secret))
  encoding.writeVarString(encoder, code.teamId)
  encoding.writeVarString(encoder, code.name ?? '')
  const signaling = code.signaling ?? []
  encoding.writeVarUint(encoder, signaling.length)
  for (const url of signaling) encoding.writeVarString(encoder, url)
  const body = encoding.toUint8Array(encoder)
  return `rapport${JOIN_CODE_VERSION}.${toBase64Url(concatBytes(body, sha256(body).subarray(0, CHECK_BYTES)))}`
}

/**
 * Reads a join code. Whitespace (a code wrapped over lines) is ignored, and the code may sit
 * inside other text such as a link.
 * @returns the code, or a refusal: `not-a-join-code`, `damaged` (a character missing or
 *   changed: the checksum catches it) or `unsupported-version` (made by another Rapport version)
 */
export function decodeJoinCode(text: string): JoinCodeResult {
  const m = /(?:^|[^A-Za-z0-9])rapport(\d+)\.([A-Za-z0-9_-]*)/.exec(text.replace(/\s+/g, ''))
  if (!m) return refuse('not-a-join-code', 'this is not a Rapport join code (it starts with "rapport1.")')
  const version = Number(m[1])
  if (version !== JOIN_CODE_VERSION) {
    const which = version > JOIN_CODE_VERSION ? 'a newer' : 'an older'
    return refuse(
      'unsupported-version',
      `this join code is from ${which} Rapport (version ${version}); update the app`,
    )
  }
  const damaged = () =>
    refuse('damaged', 'the join code is damaged: a character is missing or wrong; copy it again')
  const bytes = fromBase64Url(m[2]!)
  if (!bytes || bytes.length < SECRET_BYTES + 3 + CHECK_BYTES) return damaged()
  const body = bytes.subarray(0, bytes.length - CHECK_BYTES)
  if (!equalBytes(sha256(body).subarray(0, CHECK_BYTES), bytes.subarray(body.length))) return damaged()
  try {
    const decoder = decoding.createDecoder(body.slice()) // a copy: reads cannot run on into the check
    const secret = toBase64Url(decoding.readUint8Array(decoder, SECRET_BYTES))
    const teamId = decoding.readVarString(decoder)
    const name = decoding.readVarString(decoder)
    const signaling = Array.from({ length: decoding.readVarUint(decoder) }, () =>
      decoding.readVarString(decoder),
    )
    if (!teamId || decoding.hasContent(decoder)) return damaged()
    return {
      ok: true,
      value: { teamId, secret, ...(name ? { name } : {}), ...(signaling.length ? { signaling } : {}) },
    }
  } catch {
    return damaged()
  }
}

/**
 * Derives the team's keys from its secret with HKDF-SHA-256 (empty salt, the secret's 32 bytes as
 * input key material), one `info` label per key, so any client can reproduce them (README.md).
 * @param secret - the team secret (base64url, 32 bytes)
 * @param subtle - WebCrypto @default globalThis.crypto.subtle
 * @throws SyncError when `secret` is not a team secret
 */
export async function deriveKeys(
  secret: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<TeamKeys> {
  const ikm = await subtle.importKey('raw', secretBytes(secret), 'HKDF', false, ['deriveBits', 'deriveKey'])
  const params = (info: string): HkdfParams => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: utf8(info),
  })
  const bits = async (info: string, bytes: number) =>
    new Uint8Array(await subtle.deriveBits(params(info), ikm, bytes * 8))
  const [room, password, updateKey] = await Promise.all([
    bits('rapport room v1', 16),
    bits('rapport signaling v1', 32),
    subtle.deriveKey(params('rapport updates v1'), ikm, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
  ])
  return { roomId: toHex(room), roomPassword: toBase64Url(password), updateKey }
}

/** The first 8 bytes of SHA-256(`rapport team v1` NUL teamId): names a team in files without a lookup. */
export function teamIdHash(teamId: string): Uint8Array<ArrayBuffer> {
  return ownBuffer(sha256(utf8(`rapport team v1\0${teamId}`)).slice(0, 8))
}
