import {
  decodeStateVectors,
  deriveKeys,
  encodeStateVectors,
  exportBundle,
  importBundle,
  type ImportBundleResult,
  type StateVectorsRefusal,
  type TeamKeys,
} from '../../shared/sync'
import type { Refusal } from '../../shared/sync/errors'
import { compressionStreams } from './sync-browser'
import { teamLocal, type TeamSession } from './team-session'

/** The keys of a team from the secret this device keeps for it. */
export async function keysOf(s: TeamSession): Promise<TeamKeys> {
  const secret = await teamLocal(s.db, 'secret')
  if (!secret) throw new Error('this device has no secret for the team')
  return deriveKeys(secret)
}

/** This device's state vectors, for another device to answer with only what this one lacks. */
export const stateVectorsOf = (s: TeamSession) => encodeStateVectors(s.docs) as Uint8Array<ArrayBuffer>

/**
 * A bundle of everything, or of what the device whose state vectors file is given lacks.
 * @returns the bundle, or the refusal of that file
 */
export async function makeBundle(
  s: TeamSession,
  since?: Uint8Array,
): Promise<{ ok: true; value: Uint8Array<ArrayBuffer> } | Refusal<StateVectorsRefusal>> {
  const keys = await keysOf(s)
  let vectors: Uint8Array[] | undefined
  if (since) {
    const read = decodeStateVectors(s.docs, since)
    if (!read.ok) return read
    vectors = read.value
  }
  const bytes = await exportBundle(s.docs, keys.updateKey, {
    since: vectors,
    compression: compressionStreams(),
  })
  return { ok: true, value: bytes as Uint8Array<ArrayBuffer> }
}

/** Merges a bundle after checking all of it: a refused file changes nothing. */
export async function applyBundle(s: TeamSession, bytes: Uint8Array): Promise<ImportBundleResult> {
  return importBundle(s.docs, (await keysOf(s)).updateKey, bytes, { compression: compressionStreams() })
}
