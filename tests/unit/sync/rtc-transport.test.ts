import { describe, expect, it, vi } from 'vitest'
import { SyncError } from '../../../shared/sync'
import { rtcTransport } from '../../../shared/sync/rtc-transport'
import { FakeDataChannel } from './fake-data-channel'

const KiB = 1024
const packet = (n: number, fill = 1) => new Uint8Array(n * KiB).fill(fill)

describe('rtcTransport', () => {
  it('queues what is sent before the channel opens and sends it in order on open', () => {
    const channel = new FakeDataChannel()
    const t = rtcTransport(channel.asChannel())
    expect(channel.binaryType).toBe('arraybuffer')
    expect(t.state).toBe('connecting')
    t.send(Uint8Array.of(1))
    t.send(Uint8Array.of(2))
    expect(channel.sent).toEqual([])
    const opened = vi.fn()
    t.onOpen(opened)
    channel.open()
    expect(opened).toHaveBeenCalledOnce()
    expect(t.state).toBe('open')
    expect(channel.sent).toEqual([Uint8Array.of(1), Uint8Array.of(2)])
    expect(t.stats).toMatchObject({
      bytesSent: 2,
      messagesSent: 2,
      queuedBytes: 0,
      peakQueuedBytes: 2,
      throttled: 0,
    })
  })

  it('holds messages back above the high-water mark and drains them on bufferedamountlow', () => {
    const channel = new FakeDataChannel()
    channel.limit = 2 * 1024 * KiB // what a channel could take before it would give up
    channel.open()
    const t = rtcTransport(channel.asChannel(), { highWaterMark: 1024 * KiB, lowWaterMark: 256 * KiB })
    expect(channel.bufferedAmountLowThreshold).toBe(256 * KiB)
    for (let i = 0; i < 100; i++) t.send(packet(64, i)) // 6.25 MiB at once
    expect(channel.sent.length).toBe(17) // sent while the buffer was at or under 1 MiB
    expect(t.stats.queuedBytes).toBe(83 * 64 * KiB)
    let rounds = 0
    while (channel.sent.length < 100 && rounds++ < 100) channel.drain(512 * KiB)
    expect(channel.sent.map((m) => m[0])).toEqual(Array.from({ length: 100 }, (_, i) => i))
    expect(channel.overflowed).toBe(false)
    expect(t.stats).toMatchObject({ queuedBytes: 0, messagesSent: 100, bytesSent: 100 * 64 * KiB })
    expect(t.stats.peakQueuedBytes).toBe(83 * 64 * KiB)
    expect(t.stats.throttled).toBe(83)
    // A message sent while others wait goes behind them, never ahead.
    channel.drain()
    t.send(packet(1, 200))
    expect(channel.sent.at(-1)![0]).toBe(200)
  })

  it('is ready once its own queue is empty, whatever the channel still buffers', async () => {
    const channel = new FakeDataChannel()
    channel.open()
    const t = rtcTransport(channel.asChannel(), { highWaterMark: 1024 * KiB, lowWaterMark: 256 * KiB })
    for (let i = 0; i < 16; i++) t.send(packet(64, i)) // 1 MiB: taken by the channel at once
    let isReady = false
    await t.ready().then(() => (isReady = true))
    expect(isReady).toBe(true)
    for (let i = 0; i < 40; i++) t.send(packet(64, i)) // now some wait in the queue
    isReady = false
    const ready = t.ready().then(() => (isReady = true))
    await Promise.resolve()
    expect(isReady).toBe(false)
    channel.drain(512 * KiB) // the buffer dips under the low-water mark: the queue moves, not empties
    await Promise.resolve()
    expect(t.stats.queuedBytes).toBeGreaterThan(0)
    expect(isReady).toBe(false)
    while (t.stats.queuedBytes > 0) channel.drain(512 * KiB)
    await ready
    expect(isReady).toBe(true)
    // A close lets waiters go too: nothing will leave any more.
    for (let i = 0; i < 40; i++) t.send(packet(64, i))
    const closing = t.ready()
    channel.close()
    await expect(closing).resolves.toBeUndefined()
  })

  it('keeps draining with a buffer smaller than the default low-water mark', () => {
    const channel = new FakeDataChannel()
    channel.open()
    const t = rtcTransport(channel.asChannel(), { highWaterMark: 128 * KiB })
    expect(channel.bufferedAmountLowThreshold).toBe(64 * KiB)
    for (let i = 0; i < 10; i++) t.send(packet(64, i))
    expect(channel.sent.length).toBe(3) // 0, 64 and 128 KiB buffered when each went
    let rounds = 0
    while (channel.sent.length < 10 && rounds++ < 20) channel.drain(96 * KiB)
    expect(channel.sent.map((m) => m[0])).toEqual(Array.from({ length: 10 }, (_, i) => i))
  })

  it('refuses a message over 64 KiB: the session must have chunked it', () => {
    const channel = new FakeDataChannel()
    channel.open()
    const t = rtcTransport(channel.asChannel())
    t.send(packet(64))
    expect(() => t.send(new Uint8Array(64 * KiB + 1))).toThrow(SyncError)
  })

  it('delivers binary messages, counts them, and ignores text', () => {
    const channel = new FakeDataChannel()
    channel.open()
    const t = rtcTransport(channel.asChannel())
    const got: number[][] = []
    const off = t.onMessage((m) => got.push([...m]))
    channel.receive(Uint8Array.of(1, 2, 3).buffer)
    channel.receive('{"type":"hello"}')
    off()
    channel.receive(Uint8Array.of(4).buffer)
    expect(got).toEqual([[1, 2, 3]])
    expect(t.stats).toMatchObject({ bytesReceived: 4, messagesReceived: 2 })
  })

  it('closes once, from either side, dropping what still waits and what comes after', async () => {
    const channel = new FakeDataChannel()
    const t = rtcTransport(channel.asChannel())
    t.send(packet(1))
    const closed = vi.fn()
    t.onClose(closed)
    channel.close() // the peer went away
    await Promise.resolve()
    expect(t.state).toBe('closed')
    expect(closed).toHaveBeenCalledOnce()
    t.send(packet(1))
    expect(t.stats.dropped).toBe(2)
    t.close()
    expect(closed).toHaveBeenCalledOnce()
    const late = vi.fn()
    t.onClose(late)
    expect(late).toHaveBeenCalledOnce()

    const other = new FakeDataChannel()
    other.open()
    const u = rtcTransport(other.asChannel())
    const closedToo = vi.fn()
    u.onClose(closedToo)
    u.close()
    expect(other.readyState).toBe('closed')
    expect(closedToo).toHaveBeenCalledOnce()
  })
})
