import { concatBytes } from './bytes'
import type { CompressionStreams } from './webrtc-host'

/** Raised when inflated bytes would exceed the limit given to `inflate`. */
export class InflateLimitError extends RangeError {
  override name = 'InflateLimitError'
}

/**
 * Runs `bytes` through a transform stream and joins what comes out.
 * @throws InflateLimitError past `maxBytes` of output (the stream is cancelled)
 * @throws what the stream throws (a `TypeError` for data that does not inflate)
 */
async function pipe(
  bytes: Uint8Array,
  stream: GenericTransformStream,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter()
  // Not awaited yet: the stream only takes more input as its output is read.
  const written = writer.write(bytes).then(() => writer.close())
  written.catch(() => {}) // a failure surfaces through the reader below
  const reader = stream.readable.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    const chunk = r.value as Uint8Array
    total += chunk.length
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      throw new InflateLimitError(`inflates to more than ${maxBytes} bytes`)
    }
    chunks.push(chunk)
  }
  await written
  return concatBytes(...chunks)
}

/** `deflate-raw` (RFC 1951) of `bytes`, with the host's `CompressionStream`. */
export const deflate = (bytes: Uint8Array, streams: CompressionStreams) =>
  pipe(bytes, new streams.CompressionStream('deflate-raw'))

/**
 * Inflates `deflate-raw` bytes with the host's `DecompressionStream`.
 * @param maxBytes - refuses to inflate beyond this (a small packet may claim gigabytes)
 */
export const inflate = (bytes: Uint8Array, streams: CompressionStreams, maxBytes?: number) =>
  pipe(bytes, new streams.DecompressionStream('deflate-raw'), maxBytes)
