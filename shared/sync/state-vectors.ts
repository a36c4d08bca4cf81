import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { digest as sha256 } from 'lib0/hash/sha256'
import * as Y from 'yjs'
import { allDocs, type TeamDocs } from '../doc'
import { concatBytes, equalBytes, utf8 } from './bytes'
import { refuse, type Refusal } from './errors'
import { teamIdHash } from './team-secret'

const MAGIC = utf8('RPSV')
/** The version of the state vectors file. */
export const STATE_VECTORS_VERSION = 1
const CHECK_BYTES = 4

/** Why a state vectors file was refused. */
export type StateVectorsRefusal = 'not-state-vectors' | 'unsupported-version' | 'damaged' | 'different-team'
export type StateVectorsResult = { ok: true; value: Uint8Array[] } | Refusal<StateVectorsRefusal>

/**
 * What this device has, as a small file for the other device to answer with a bundle of just what
 * is missing: `RPSV`, version (1 byte), team id hash (8 bytes), `[docCount: varUint]`, one
 * `Y.encodeStateVector` per document (varUint8Array, `allDocs` order), then 4 bytes of SHA-256 of
 * everything before. Not encrypted: it holds only client ids and counters, no content.
 */
export function encodeStateVectors(docs: TeamDocs): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeUint8Array(encoder, MAGIC)
  encoding.writeUint8(encoder, STATE_VECTORS_VERSION)
  encoding.writeUint8Array(encoder, teamIdHash(docs.teamId))
  const list = allDocs(docs)
  encoding.writeVarUint(encoder, list.length)
  for (const doc of list) encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc))
  const body = encoding.toUint8Array(encoder)
  return concatBytes(body, sha256(body).subarray(0, CHECK_BYTES))
}

/**
 * Reads a state vectors file made by `encodeStateVectors` on another device of the team.
 * @returns one state vector per document, for `exportBundle`'s `since`; or a refusal naming why
 */
export function decodeStateVectors(docs: TeamDocs, bytes: Uint8Array): StateVectorsResult {
  if (bytes.length < MAGIC.length || !equalBytes(bytes.subarray(0, MAGIC.length), MAGIC)) {
    return refuse('not-state-vectors', 'this file is not a Rapport state vectors file')
  }
  const version = bytes[MAGIC.length]
  if (version !== undefined && version !== STATE_VECTORS_VERSION) {
    return refuse('unsupported-version', `this file is version ${version}; this Rapport reads version 1`)
  }
  const damaged = () => refuse('damaged', 'the state vectors file is damaged or truncated')
  const body = bytes.slice(0, -CHECK_BYTES)
  if (bytes.length < MAGIC.length + 10 + CHECK_BYTES) return damaged()
  if (!equalBytes(sha256(body).subarray(0, CHECK_BYTES), bytes.subarray(body.length))) return damaged()
  const decoder = decoding.createDecoder(body)
  decoder.pos = MAGIC.length + 1
  if (!equalBytes(decoding.readUint8Array(decoder, 8), teamIdHash(docs.teamId))) {
    return refuse('different-team', 'this file comes from another team')
  }
  try {
    if (decoding.readVarUint(decoder) !== allDocs(docs).length) return damaged()
    const vectors = allDocs(docs).map(() => decoding.readVarUint8Array(decoder).slice())
    if (decoding.hasContent(decoder)) return damaged()
    vectors.forEach((v) => Y.decodeStateVector(v))
    return { ok: true, value: vectors }
  } catch {
    return damaged()
  }
}
