import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { FrameError } from './errors'

/**
 * The largest packet a session sends. Chrome drops data-channel messages over 256 KiB and
 * Firefox's limit used to be lower; 64 KiB passes everywhere and keeps the send buffer moving.
 */
export const MAX_PACKET_BYTES = 64 * 1024
/** Room left in a packet for the chunk header (five varUints at most 5 bytes each, and the tag). */
const HEADER_ROOM = 32
/** The largest frame a peer may send (chunked, or once inflated): larger ones are refused. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024
const WHOLE = 0
const CHUNK = 1

/**
 * Splits a frame into packets of at most `maxPacket` bytes. A frame that fits travels whole as
 * `[0][frame]`; a larger one as chunks `[1][messageId][index][count][totalBytes][bytes]` (varUints).
 * @param messageId - distinguishes the chunks of messages that are in flight together
 * @param maxPacket - @default MAX_PACKET_BYTES
 */
export function splitFrame(frame: Uint8Array, messageId: number, maxPacket = MAX_PACKET_BYTES): Uint8Array[] {
  if (frame.length + 1 <= maxPacket) {
    const packet = new Uint8Array(frame.length + 1)
    packet[0] = WHOLE
    packet.set(frame, 1)
    return [packet]
  }
  const size = maxPacket - HEADER_ROOM
  const count = Math.ceil(frame.length / size)
  return Array.from({ length: count }, (_, index) => {
    const encoder = encoding.createEncoder()
    encoding.writeUint8(encoder, CHUNK)
    encoding.writeVarUint(encoder, messageId)
    encoding.writeVarUint(encoder, index)
    encoding.writeVarUint(encoder, count)
    encoding.writeVarUint(encoder, frame.length)
    encoding.writeUint8Array(encoder, frame.subarray(index * size, (index + 1) * size))
    return encoding.toUint8Array(encoder)
  })
}

interface Partial {
  count: number
  total: number
  parts: (Uint8Array | undefined)[]
  received: number
  bytes: number
}

/** Options of `createReassembler`. */
export interface ReassemblerOptions {
  /** A larger declared message is refused. @default MAX_MESSAGE_BYTES (256 MiB) */
  maxMessageBytes?: number
  /** Messages reassembled at once; the oldest is dropped beyond. @default 16 */
  maxPending?: number
}

/** Joins packets back into frames. */
export interface Reassembler {
  /**
   * Takes one packet; returns the frame it completes, or `null` while chunks are missing.
   * @throws FrameError on a malformed packet or one that contradicts earlier chunks
   */
  push(packet: Uint8Array): Uint8Array | null
  /** Bytes of frames in progress: received so far, and declared in total. */
  pending(): { received: number; expected: number }
}

/** A reassembler for the packets of one peer (see `splitFrame` for the format). */
export function createReassembler(options: ReassemblerOptions = {}): Reassembler {
  const { maxMessageBytes = MAX_MESSAGE_BYTES, maxPending = 16 } = options
  const partials = new Map<number, Partial>()

  function push(packet: Uint8Array): Uint8Array | null {
    if (packet[0] === WHOLE) return packet.subarray(1)
    if (packet[0] !== CHUNK) throw new FrameError(`unknown packet tag ${packet[0]}`)
    const decoder = decoding.createDecoder(packet)
    decoding.readUint8(decoder)
    const [id, index, count, total] = [0, 0, 0, 0].map(() => decoding.readVarUint(decoder)) as [
      number,
      number,
      number,
      number,
    ]
    const bytes = packet.subarray(decoder.pos)
    if (count < 2 || index >= count || total > maxMessageBytes || total < count || bytes.length === 0) {
      throw new FrameError(`malformed chunk ${index}/${count} of ${total} bytes`)
    }
    let p = partials.get(id)
    if (!p) {
      if (partials.size >= maxPending) partials.delete(partials.keys().next().value!)
      partials.set(id, (p = { count, total, parts: new Array(count), received: 0, bytes: 0 }))
    }
    if (p.count !== count || p.total !== total || p.parts[index] || p.bytes + bytes.length > total) {
      partials.delete(id)
      throw new FrameError(`chunk ${index} of message ${id} contradicts the earlier chunks`)
    }
    p.parts[index] = bytes.slice()
    p.received++
    p.bytes += bytes.length
    if (p.received < count) return null
    partials.delete(id)
    if (p.bytes !== total) throw new FrameError(`message ${id} has ${p.bytes} bytes, not ${total}`)
    const frame = new Uint8Array(total)
    let at = 0
    for (const part of p.parts) {
      frame.set(part!, at)
      at += part!.length
    }
    return frame
  }

  function pending() {
    let received = 0
    let expected = 0
    for (const p of partials.values()) {
      received += p.bytes
      expected += p.total
    }
    return { received, expected }
  }

  return { push, pending }
}
