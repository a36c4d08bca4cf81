import { describe, expect, it } from 'vitest'
import { createReassembler, MAX_PACKET_BYTES, splitFrame } from '../../../shared/sync/chunking'
import { FrameError } from '../../../shared/sync'
import { helloFrame, readFrame, syncFrame } from '../../../shared/sync/multiplex'

const frameOf = (length: number) => {
  const frame = new Uint8Array(length)
  for (let i = 0; i < length; i++) frame[i] = (i * 31 + 7) & 0xff
  return frame
}
/** Byte equality without vitest's element-by-element diffing, which crawls over megabytes. */
const hex = (bytes: Uint8Array | null | undefined) =>
  bytes ? Buffer.from(bytes).toString('hex') : String(bytes)

describe('chunking', () => {
  it('sends a small frame whole, with one byte of header', () => {
    const packets = splitFrame(frameOf(100), 0)
    expect(packets).toHaveLength(1)
    expect(packets[0]).toHaveLength(101)
    expect(createReassembler().push(packets[0]!)).toEqual(frameOf(100))
  })

  it('cuts a large frame into packets of at most 64 KiB and joins them back', () => {
    const frame = frameOf(1_000_000)
    const packets = splitFrame(frame, 42)
    expect(packets.length).toBe(16)
    for (const p of packets) expect(p.length).toBeLessThanOrEqual(MAX_PACKET_BYTES)
    const r = createReassembler()
    const results = packets.map((p) => r.push(p))
    expect(results.slice(0, -1).every((x) => x === null)).toBe(true)
    expect(hex(results.at(-1))).toBe(hex(frame))
    expect(r.pending()).toEqual({ received: 0, expected: 0 })
  })

  it('joins interleaved messages and reports what is pending', () => {
    const [f1, f2] = [frameOf(200_000), frameOf(150_000).reverse()]
    const [p1, p2] = [splitFrame(f1, 1), splitFrame(f2, 2)]
    const r = createReassembler()
    r.push(p1[0]!)
    r.push(p2[0]!)
    expect(r.pending().expected).toBe(350_000)
    expect(r.pending().received).toBeGreaterThan(0)
    const done: Uint8Array[] = []
    for (let i = 1; i < Math.max(p1.length, p2.length); i++) {
      for (const p of [p1[i], p2[i]]) {
        const f = p && r.push(p)
        if (f) done.push(f)
      }
    }
    expect(done.map(hex)).toEqual([f2, f1].map(hex))
  })

  it('throws a FrameError for malformed or contradicting chunks', () => {
    const r = createReassembler({ maxMessageBytes: 1_000_000 })
    const packets = splitFrame(frameOf(300_000), 9)
    expect(() => r.push(new Uint8Array([5, 1, 2]))).toThrow(FrameError)
    expect(() => r.push(splitFrame(frameOf(2_000_000), 3)[0]!)).toThrow(/malformed/)
    r.push(packets[0]!)
    expect(() => r.push(packets[0]!)).toThrow(/contradicts/)
    expect(r.pending()).toEqual({ received: 0, expected: 0 })
  })

  it('keeps a bounded number of unfinished messages', () => {
    const r = createReassembler({ maxPending: 2 })
    for (const id of [1, 2, 3]) r.push(splitFrame(frameOf(100_000), id)[0]!)
    expect(r.pending().expected).toBe(200_000)
  })
})

describe('frames', () => {
  it('round-trips a hello and tells a sync frame’s document', () => {
    const hello = { version: 1, teamId: 'team-1', docCount: 17, isReply: true, takesDeflated: true }
    expect(readFrame(helloFrame(hello))).toEqual({ kind: 'hello', hello })
    const f = readFrame(syncFrame(16, () => {}))
    expect(f).toMatchObject({ kind: 'sync', doc: 16 })
  })

  it('reads a hello that ends before its features (an older peer) as taking no deflated frames', () => {
    const hello = { version: 1, teamId: 'team-1', docCount: 17, isReply: false, takesDeflated: true }
    const older = helloFrame(hello).slice(0, -1)
    expect(readFrame(older)).toEqual({ kind: 'hello', hello: { ...hello, takesDeflated: false } })
  })

  it('throws a FrameError for what is not a frame', () => {
    expect(() => readFrame(new Uint8Array([]))).toThrow(FrameError)
    expect(() => readFrame(new Uint8Array([9]))).toThrow(FrameError)
    expect(() => readFrame(new Uint8Array([0, 3, 65, 66, 67]))).toThrow(FrameError)
  })
})
