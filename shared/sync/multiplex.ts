import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { FrameError } from './errors'

/**
 * Frames: how the messages of every document of a team share one transport. A frame is
 * `[kind: varUint]` and then:
 * - hello (0): `[varString 'rapport-sync'][version: varUint][teamId: varString][docCount: varUint][isReply: varUint]
 *   [features: varUint]`, sent first by each side and answered once (isReply 1), so one lost hello
 *   does not stall the pair; nothing else is sent or accepted before the peer's hello matches.
 *   `features` is a bit set (1: takes deflated frames); a hello that ends before it has none.
 * - sync (1): `[doc: varUint][y-protocols sync message]`, doc being the index in `allDocs` order
 *   (0 the team doc, 1 + n shard n), the message exactly what `y-protocols/sync` writes.
 * - awareness (2): `[y-protocols awareness update: varUint8Array]`, for the team as a whole.
 * - deflated (3): `[deflate-raw of a sync or awareness frame]`, sent only to a peer whose hello has
 *   feature 1. A first sync's answers deflate to about a sixth.
 * Frames of any size are cut into packets by `splitFrame`.
 */
export const SYNC_PROTOCOL_VERSION = 1
const PROTOCOL_NAME = 'rapport-sync'
const HELLO = 0
const SYNC = 1
const AWARENESS = 2
const DEFLATED = 3
const FEATURE_DEFLATE = 1

/** What each side says first: which protocol version it speaks and which team's documents it has. */
export interface Hello {
  version: number
  teamId: string
  docCount: number
  /** An answer to the peer's hello, which is not answered again. */
  isReply: boolean
  /** The sender takes deflated frames. */
  takesDeflated: boolean
}

/** A decoded frame; a sync frame's decoder stands at the start of the y-protocols message. */
export type Frame =
  | { kind: 'hello'; hello: Hello }
  | { kind: 'sync'; doc: number; decoder: decoding.Decoder }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'deflated'; bytes: Uint8Array }

/** The hello frame. */
export function helloFrame(hello: Hello): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, HELLO)
  encoding.writeVarString(encoder, PROTOCOL_NAME)
  encoding.writeVarUint(encoder, hello.version)
  encoding.writeVarString(encoder, hello.teamId)
  encoding.writeVarUint(encoder, hello.docCount)
  encoding.writeVarUint(encoder, hello.isReply ? 1 : 0)
  encoding.writeVarUint(encoder, hello.takesDeflated ? FEATURE_DEFLATE : 0)
  return encoding.toUint8Array(encoder)
}

/**
 * A sync frame for document `doc`; `write` writes the y-protocols message into the encoder
 * (e.g. `(e) => writeSyncStep1(e, ydoc)`), so the message is not copied.
 */
export function syncFrame(doc: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, SYNC)
  encoding.writeVarUint(encoder, doc)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** An awareness frame around an `encodeAwarenessUpdate` result. */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, AWARENESS)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A deflated frame around `deflate-raw` bytes of another frame. */
export function deflatedFrame(deflated: Uint8Array): Uint8Array {
  const frame = new Uint8Array(deflated.length + 1)
  frame[0] = DEFLATED
  frame.set(deflated, 1)
  return frame
}

/**
 * Decodes a frame's header.
 * @throws FrameError when the frame is empty, of an unknown kind, or not a Rapport hello
 */
export function readFrame(frame: Uint8Array): Frame {
  try {
    const decoder = decoding.createDecoder(frame)
    const kind = decoding.readVarUint(decoder)
    if (kind === SYNC) return { kind: 'sync', doc: decoding.readVarUint(decoder), decoder }
    if (kind === AWARENESS) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
    if (kind === DEFLATED) return { kind: 'deflated', bytes: frame.subarray(decoder.pos) }
    if (kind === HELLO && decoding.readVarString(decoder) === PROTOCOL_NAME) {
      const version = decoding.readVarUint(decoder)
      const teamId = decoding.readVarString(decoder)
      const docCount = decoding.readVarUint(decoder)
      const isReply = decoding.readVarUint(decoder) === 1
      const features = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : 0
      return {
        kind: 'hello',
        hello: { version, teamId, docCount, isReply, takesDeflated: (features & FEATURE_DEFLATE) !== 0 },
      }
    }
  } catch (cause) {
    throw new FrameError('a frame does not decode', { cause })
  }
  throw new FrameError('not a Rapport sync frame')
}
