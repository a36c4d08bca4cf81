// A bare RTCDataChannel between two pages, the yardstick of the sync benchmarks: the same bytes
// in 64 KiB messages with the same flow control as rtc-transport.ts (1 MiB high-water mark,
// 256 KiB low), and nothing else (no encryption, framing or Yjs). Runs in the test page.

const MESSAGE_BYTES = 64 * 1024
const HIGH_WATER = 1024 * 1024
const LOW_WATER = 256 * 1024

/** A wall-clock instant in ms that two pages of one machine share (finer than `Date.now`). */
export const sharedNow = () => performance.timeOrigin + performance.now()

let connection: RTCPeerConnection | null = null
let channel: RTCDataChannel | null = null
let received = 0
let expected = 0
let doneAt: number | null = null

/** Waits until every ICE candidate is in the local description (no trickle: one round trip). */
async function gathered(pc: RTCPeerConnection): Promise<RTCSessionDescriptionInit> {
  if (pc.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) =>
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve()),
    )
  }
  return pc.localDescription!.toJSON() as RTCSessionDescriptionInit
}

function listen(c: RTCDataChannel) {
  c.binaryType = 'arraybuffer'
  c.onmessage = (e: MessageEvent<ArrayBuffer>) => {
    received += e.data.byteLength
    if (received >= expected && doneAt === null) doneAt = sharedNow()
  }
}

const opened = (c: RTCDataChannel) =>
  c.readyState === 'open' ? Promise.resolve() : new Promise<void>((resolve) => (c.onopen = () => resolve()))

/** The raw channel's side in the page, on `window.rapportTest.raw`. */
export const rawChannel = {
  /** The offering side: makes the connection and channel; returns the offer. */
  async offer(): Promise<RTCSessionDescriptionInit> {
    connection?.close()
    connection = new RTCPeerConnection({ iceServers: [] })
    channel = connection.createDataChannel('raw', { ordered: true })
    listen(channel)
    await connection.setLocalDescription(await connection.createOffer())
    return gathered(connection)
  },
  /** The answering side: returns the answer. */
  async answer(offer: RTCSessionDescriptionInit): Promise<RTCSessionDescriptionInit> {
    connection?.close()
    connection = new RTCPeerConnection({ iceServers: [] })
    connection.ondatachannel = (e) => listen((channel = e.channel))
    await connection.setRemoteDescription(offer)
    await connection.setLocalDescription(await connection.createAnswer())
    return gathered(connection)
  },
  async accept(answer: RTCSessionDescriptionInit): Promise<void> {
    await connection!.setRemoteDescription(answer)
    await opened(channel!)
  },
  /** The receiving side: expects `bytes` from now on. */
  expect(bytes: number) {
    received = 0
    expected = bytes
    doneAt = null
  },
  /** When the expected bytes were all in (`sharedNow`), or null. */
  doneAt: () => doneAt,
  /** Sends `bytes` in 64 KiB messages under flow control; resolves with the start (`sharedNow`). */
  async send(bytes: number): Promise<number> {
    const c = channel!
    await opened(c)
    c.bufferedAmountLowThreshold = LOW_WATER
    const message = new Uint8Array(MESSAGE_BYTES)
    crypto.getRandomValues(message.subarray(0, 65_536))
    const startAt = sharedNow()
    for (let sent = 0; sent < bytes;) {
      if (c.bufferedAmount > HIGH_WATER)
        await new Promise<void>((resolve) =>
          c.addEventListener('bufferedamountlow', () => resolve(), { once: true }),
        )
      const n = Math.min(MESSAGE_BYTES, bytes - sent)
      c.send(n === MESSAGE_BYTES ? message : message.subarray(0, n))
      sent += n
    }
    return startAt
  },
  close() {
    connection?.close()
    connection = null
    channel = null
  },
}
export type RawChannel = typeof rawChannel
