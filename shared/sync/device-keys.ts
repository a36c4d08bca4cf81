import * as encoding from 'lib0/encoding'
import { decrypt, encrypt, IV_BYTES } from './aes'
import { concatBytes, fromBase64Url, ownBuffer, toBase64Url, utf8 } from './bytes'
import { SyncError, webRandomBytes, type RandomBytes } from './errors'
import { SECRET_BYTES } from './team-secret'

/**
 * A device's own keys for one team: ECDH P-256 to receive wrapped team secrets, ECDSA P-256 to
 * sign what it writes about keys. Private keys are not extractable; the host stores the whole
 * object as is (CryptoKeys survive IndexedDB's structured clone).
 */
export interface DeviceKeys {
  /** base64url of the first 16 bytes of SHA-256 over both public keys (`deviceIdOf`). */
  deviceId: string
  agreement: CryptoKeyPair
  signing: CryptoKeyPair
  /** Raw (uncompressed point) ECDH public key, base64url. */
  agreementKey: string
  /** Raw ECDSA public key, base64url. */
  signingKey: string
}

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const
/** Bytes of a raw uncompressed P-256 public key. */
const RAW_KEY_BYTES = 65

/** The device id that two public keys make: nobody can claim another device's id with keys of its own. */
export async function deviceIdOf(
  agreementKey: string,
  signingKey: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  const bytes = concatBytes(utf8('rapport device v1\0'), rawKey(agreementKey), rawKey(signingKey))
  return toBase64Url(new Uint8Array(await subtle.digest('SHA-256', bytes)).subarray(0, 16))
}

/** The 65 bytes of a raw P-256 public key, or a `SyncError`. */
function rawKey(text: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64Url(text)
  if (!bytes || bytes.length !== RAW_KEY_BYTES || bytes[0] !== 4)
    throw new SyncError('a device public key is a raw P-256 point (65 bytes of base64url)')
  return bytes
}

/**
 * A new device key pair set; the private halves cannot be exported.
 * @param subtle - WebCrypto @default globalThis.crypto.subtle
 */
export async function createDeviceKeys(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<DeviceKeys> {
  const [agreement, signing] = await Promise.all([
    subtle.generateKey(ECDH, false, ['deriveBits']),
    subtle.generateKey(ECDSA, false, ['sign', 'verify']),
  ])
  const [a, s] = await Promise.all([
    subtle.exportKey('raw', agreement.publicKey),
    subtle.exportKey('raw', signing.publicKey),
  ])
  const agreementKey = toBase64Url(new Uint8Array(a))
  const signingKey = toBase64Url(new Uint8Array(s))
  return {
    deviceId: await deviceIdOf(agreementKey, signingKey, subtle),
    agreement,
    signing,
    agreementKey,
    signingKey,
  }
}

/** Signs `bytes` with the device's signing key (ECDSA P-256, SHA-256), base64url. */
export async function signBytes(subtle: SubtleCrypto, keys: DeviceKeys, bytes: Uint8Array): Promise<string> {
  return toBase64Url(new Uint8Array(await subtle.sign(SIGN, keys.signing.privateKey, ownBuffer(bytes))))
}

/** Whether `signature` is `signingKey`'s over `bytes`; false for malformed keys or signatures. */
export async function verifyBytes(
  subtle: SubtleCrypto,
  signingKey: string,
  signature: string,
  bytes: Uint8Array,
): Promise<boolean> {
  const sig = fromBase64Url(signature)
  if (!sig) return false
  try {
    const key = await subtle.importKey('raw', rawKey(signingKey), ECDSA, false, ['verify'])
    return await subtle.verify(SIGN, key, sig, ownBuffer(bytes))
  } catch {
    return false
  }
}

/** What a wrap is bound to: a wrap copied to another team, epoch or device does not open. */
export interface WrapContext {
  teamId: string
  /** The key epoch's record id. */
  epochId: string
  deviceId: string
}

/** A team secret encrypted for one device. */
export interface WrappedSecret {
  /** 12-byte AES-GCM IV, base64url. */
  iv: string
  /** AES-GCM ciphertext and tag of the 32 secret bytes, base64url. */
  data: string
}

/** `rapport key wrap v1` NUL teamId NUL epochId NUL deviceId: the HKDF info and the AES-GCM additional data. */
function wrapLabel(c: WrapContext): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, 'rapport key wrap v1')
  encoding.writeVarString(encoder, c.teamId)
  encoding.writeVarString(encoder, c.epochId)
  encoding.writeVarString(encoder, c.deviceId)
  return ownBuffer(encoding.toUint8Array(encoder))
}

/** AES-GCM key from ECDH(`privateKey`, `publicKey`) through HKDF-SHA-256 (salt: the ephemeral key, info: the context). */
async function wrapKey(
  subtle: SubtleCrypto,
  privateKey: CryptoKey,
  publicKey: string,
  ephemeralKey: string,
  context: WrapContext,
): Promise<CryptoKey> {
  const peer = await subtle.importKey('raw', rawKey(publicKey), ECDH, false, [])
  const shared = await subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, 256)
  const ikm = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey'])
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: rawKey(ephemeralKey), info: wrapLabel(context) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** An ephemeral ECDH key pair for one rotation: its public half goes in the record, the private half is dropped after wrapping. */
export async function createEphemeralKey(
  subtle: SubtleCrypto,
): Promise<{ pair: CryptoKeyPair; publicKey: string }> {
  const pair = await subtle.generateKey(ECDH, false, ['deriveBits'])
  return { pair, publicKey: toBase64Url(new Uint8Array(await subtle.exportKey('raw', pair.publicKey))) }
}

/**
 * Encrypts a team secret for one device: ECDH between the rotation's ephemeral key and the
 * device's agreement key, HKDF-SHA-256, AES-256-GCM with the context as additional data.
 */
export async function wrapSecret(
  subtle: SubtleCrypto,
  secret: Uint8Array,
  ephemeral: { pair: CryptoKeyPair; publicKey: string },
  deviceAgreementKey: string,
  context: WrapContext,
  random: RandomBytes = webRandomBytes,
): Promise<WrappedSecret> {
  if (secret.length !== SECRET_BYTES) throw new SyncError(`a team secret is ${SECRET_BYTES} bytes`)
  const key = await wrapKey(
    subtle,
    ephemeral.pair.privateKey,
    deviceAgreementKey,
    ephemeral.publicKey,
    context,
  )
  const iv = random(IV_BYTES)
  const data = await encrypt(subtle, key, iv, secret, wrapLabel(context))
  return { iv: toBase64Url(iv), data: toBase64Url(data) }
}

/** The 32 secret bytes of a wrap, or `null` when it does not open for this device and context (tampered, copied, not ours). */
export async function unwrapSecret(
  subtle: SubtleCrypto,
  keys: DeviceKeys,
  ephemeralKey: string,
  wrapped: WrappedSecret,
  context: WrapContext,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const iv = fromBase64Url(wrapped.iv)
  const data = fromBase64Url(wrapped.data)
  if (!iv || iv.length !== IV_BYTES || !data) return null
  try {
    const key = await wrapKey(subtle, keys.agreement.privateKey, ephemeralKey, ephemeralKey, context)
    const secret = await decrypt(subtle, key, iv, data, wrapLabel(context))
    return secret && secret.length === SECRET_BYTES ? secret : null
  } catch {
    return null
  }
}
