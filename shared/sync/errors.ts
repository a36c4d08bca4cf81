import type { Problem } from '../doc'

/** A broken invariant in sync code (a bad argument from the caller, not bad input from a peer or a file). */
export class SyncError extends Error {
  override name = 'SyncError'
}

/** A refused input: why (a stable `reason` for the UI) and the problems, as everywhere in `shared/`. */
export interface Refusal<R extends string> {
  ok: false
  reason: R
  problems: Problem[]
}

/** The refusal value for `reason`, with one problem about the whole input. */
export function refuse<R extends string>(reason: R, message: string, path = ''): Refusal<R> {
  return { ok: false, reason, problems: [{ path, message }] }
}

/** Random bytes; the default draws from WebCrypto's `getRandomValues`. */
export type RandomBytes = (length: number) => Uint8Array<ArrayBuffer>

/** WebCrypto's random source (`globalThis.crypto`, present in browsers and Node 20). */
export const webRandomBytes: RandomBytes = (length) =>
  globalThis.crypto.getRandomValues(new Uint8Array(length))

/** A packet or frame from a peer that does not decode: it is dropped and counted, never applied. */
export class FrameError extends Error {
  override name = 'FrameError'
}
