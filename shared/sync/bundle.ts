import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { allDocs, applyRemoteUpdate, type TeamDocs } from '../doc'
import { decrypt, encrypt, IV_BYTES, TAG_BYTES } from './aes'
import { concatBytes, equalBytes, ownBuffer, utf8 } from './bytes'
import { deflate, inflate } from './deflate'
import { refuse, SyncError, webRandomBytes, type RandomBytes, type Refusal } from './errors'
import { teamIdHash } from './team-secret'
import type { CompressionStreams } from './webrtc-host'

const MAGIC = utf8('RPBN')
/**
 * The versions of the bundle format: 1 plain, 2 the same contents deflated (about a sixth of the
 * size). Another version is refused, never guessed at.
 */
export const BUNDLE_VERSION = { plain: 1, deflated: 2 } as const
/** A deflated bundle's contents may not inflate beyond this (a 50k-contact team is ~260 MB). */
const MAX_PLAINTEXT_BYTES = 1024 * 1024 * 1024
/** magic 4, version 1, team id hash 8, iv 12, ciphertext length 4 (big-endian). */
const HEADER_BYTES = 4 + 1 + 8 + IV_BYTES + 4
const CHECK_BYTES = 16
const IS_PARTIAL = 1

/** Options of `exportBundle`. */
export interface ExportBundleOptions {
  /** The other device's state vectors (`decodeStateVectors`): only what it lacks goes in. Everything by default. */
  since?: Uint8Array[]
  /** @default globalThis.crypto.subtle */
  subtle?: SubtleCrypto
  /** @default WebCrypto's getRandomValues */
  random?: RandomBytes
  /** The host's compression streams: the bundle is deflated (version 2), else plain (version 1). */
  compression?: CompressionStreams
}

/** Options of `importBundle`. */
export interface ImportBundleOptions {
  /** @default globalThis.crypto.subtle */
  subtle?: SubtleCrypto
  /** The host's compression streams, to open deflated bundles (version 2). */
  compression?: CompressionStreams
}

/** Why a bundle was refused. */
export type BundleRefusal =
  'not-a-bundle' | 'unsupported-version' | 'truncated' | 'damaged' | 'different-team' | 'wrong-secret'

/** What importing a bundle did. */
export interface ImportedBundle {
  /** Documents that gained something. */
  docsChanged: number
  /** The bundle was made "since" this device's state vectors, not with everything. */
  isPartial: boolean
  /** Documents whose updates wait for history this device lacks (the bundle was made for a newer state). */
  missingHistory: string[]
}
export type ImportBundleResult = { ok: true; value: ImportedBundle } | Refusal<BundleRefusal>

/**
 * A sync bundle: an encrypted file of the updates another device lacks (or of everything).
 * Layout: header `RPBN`, version (1 byte), team id hash (8), iv (12), ciphertext length (4, big-endian);
 * the AES-GCM ciphertext (the header as additional data) of the contents,
 * `[flags: varUint][docCount: varUint]` and per document `[guid: varString][update: varUint8Array]`
 * (`Y.encodeStateAsUpdate(doc, since[i])`), deflated (`deflate-raw`) in version 2; then 16 bytes
 * of SHA-256 of all before, so damage is told apart from a wrong secret.
 * @param key - `updateKey` of `deriveKeys`
 * @throws SyncError when `since` does not hold one state vector per document
 */
export async function exportBundle(
  docs: TeamDocs,
  key: CryptoKey,
  options: ExportBundleOptions = {},
): Promise<Uint8Array> {
  const { since, subtle = globalThis.crypto.subtle, random = webRandomBytes, compression } = options
  const list = allDocs(docs)
  if (since && since.length !== list.length)
    throw new SyncError(`since needs ${list.length} state vectors, not ${since.length}`)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, since ? IS_PARTIAL : 0)
  encoding.writeVarUint(encoder, list.length)
  list.forEach((doc, i) => {
    encoding.writeVarString(encoder, doc.guid)
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, since?.[i]))
  })
  const contents = encoding.toUint8Array(encoder)
  const plaintext = compression ? await deflate(contents, compression) : contents
  const iv = random(IV_BYTES)
  const header = new Uint8Array(HEADER_BYTES)
  header.set(MAGIC, 0)
  header[4] = compression ? BUNDLE_VERSION.deflated : BUNDLE_VERSION.plain
  header.set(teamIdHash(docs.teamId), 5)
  header.set(iv, 13)
  new DataView(header.buffer).setUint32(13 + IV_BYTES, plaintext.length + TAG_BYTES)
  const body = concatBytes(header, await encrypt(subtle, key, iv, plaintext, header))
  return concatBytes(body, new Uint8Array(await subtle.digest('SHA-256', body)).subarray(0, CHECK_BYTES))
}

interface Decoded {
  isPartial: boolean
  updates: Uint8Array[]
}

/** Decodes the plaintext and checks every update on a scratch document; `null` when anything is off. */
function decodePlaintext(docs: TeamDocs, plaintext: Uint8Array): Decoded | null {
  try {
    const list = allDocs(docs)
    const decoder = decoding.createDecoder(plaintext)
    const flags = decoding.readVarUint(decoder)
    if (decoding.readVarUint(decoder) !== list.length) return null
    const updates = list.map((doc) => {
      if (decoding.readVarString(decoder) !== doc.guid) throw new Error('another document')
      const update = decoding.readVarUint8Array(decoder)
      Y.applyUpdate(new Y.Doc({ guid: doc.guid }), update) // throws on malformed updates
      return update
    })
    return decoding.hasContent(decoder) ? null : { isPartial: (flags & IS_PARTIAL) !== 0, updates }
  } catch {
    return null
  }
}

/**
 * Merges a bundle into the team's documents. The whole file is checked, decrypted, decoded and
 * tried on scratch documents first; a refused bundle changes nothing. Importing twice is harmless.
 * @param key - `updateKey` of `deriveKeys`
 * @param options.subtle - @default globalThis.crypto.subtle
 * @returns what changed, or a refusal: `not-a-bundle`, `unsupported-version`, `truncated`,
 *   `damaged`, `different-team` or `wrong-secret`
 */
export async function importBundle(
  docs: TeamDocs,
  key: CryptoKey,
  bytes: Uint8Array,
  options: ImportBundleOptions = {},
): Promise<ImportBundleResult> {
  const { subtle = globalThis.crypto.subtle, compression } = options
  if (bytes.length < MAGIC.length || !equalBytes(bytes.subarray(0, MAGIC.length), MAGIC)) {
    return refuse('not-a-bundle', 'this file is not a Rapport sync bundle')
  }
  const version = bytes[4]
  const isDeflated = version === BUNDLE_VERSION.deflated
  if (bytes.length > 4 && version !== BUNDLE_VERSION.plain && !isDeflated) {
    return refuse(
      'unsupported-version',
      `this bundle is version ${version}; this Rapport reads versions ${BUNDLE_VERSION.plain} and ${BUNDLE_VERSION.deflated}`,
    )
  }
  if (isDeflated && !compression) {
    return refuse('unsupported-version', 'this bundle is compressed and this browser cannot decompress it')
  }
  const truncated = () => refuse('truncated', 'the bundle is truncated: it was not copied completely')
  if (bytes.length < HEADER_BYTES) return truncated()
  const header = bytes.slice(0, HEADER_BYTES)
  const length = new DataView(header.buffer).getUint32(13 + IV_BYTES)
  const total = HEADER_BYTES + length + CHECK_BYTES
  if (bytes.length < total) return truncated()
  const damaged = () => refuse('damaged', 'the bundle is damaged: its contents do not match its checksum')
  if (bytes.length > total) return damaged()
  const body = bytes.subarray(0, HEADER_BYTES + length)
  const check = new Uint8Array(await subtle.digest('SHA-256', ownBuffer(body.slice()))).subarray(
    0,
    CHECK_BYTES,
  )
  if (!equalBytes(check, bytes.subarray(body.length))) return damaged()
  if (!equalBytes(header.subarray(5, 13), teamIdHash(docs.teamId))) {
    return refuse('different-team', 'this bundle is from another team')
  }
  const opened = await decrypt(
    subtle,
    key,
    header.slice(13, 13 + IV_BYTES),
    body.subarray(HEADER_BYTES),
    header,
  )
  if (!opened) {
    return refuse(
      'wrong-secret',
      'this bundle was made with another secret of the team (an old or a new one)',
    )
  }
  let plaintext = opened
  if (isDeflated && compression) {
    try {
      plaintext = await inflate(opened, compression, MAX_PLAINTEXT_BYTES)
    } catch {
      return damaged()
    }
  }
  const decoded = decodePlaintext(docs, plaintext)
  if (!decoded) return damaged()
  let docsChanged = 0
  const missingHistory: string[] = []
  allDocs(docs).forEach((doc, i) => {
    if (applyRemoteUpdate(doc, decoded.updates[i]!, 'bundle')) docsChanged++
    if (doc.store.pendingStructs || doc.store.pendingDs) missingHistory.push(doc.guid)
  })
  return { ok: true, value: { docsChanged, isPartial: decoded.isPartial, missingHistory } }
}
