import * as buffer from 'lib0/buffer'
import { describe, expect, it } from 'vitest'
import { createTeam, deriveKeys } from '../../../shared/sync'
import {
  decryptSignal,
  deriveSignalingKey,
  encryptSignal,
  fromBase64,
  toBase64,
} from '../../../shared/sync/signaling-crypto'
import { loadYWebrtcCrypto } from './y-webrtc-crypto'

const offer = {
  type: 'signal',
  from: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  to: '6fa459ea-ee8a-4ca4-894e-db77e160355e',
  token: 1767603600000.25,
  signal: { type: 'offer', sdp: 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n' },
}

describe('signaling encryption (y-webrtc crypto.js)', async () => {
  const yc = await loadYWebrtcCrypto()
  const { roomId, roomPassword } = await deriveKeys(createTeam().secret)

  it('y-webrtc decrypts what we publish', async () => {
    const ours = await deriveSignalingKey(roomPassword, roomId)
    const data = await encryptSignal(offer, ours)
    const theirs = await yc.deriveKey(roomPassword, roomId)
    expect(await yc.decryptJson(buffer.fromBase64(data), theirs)).toEqual(offer)
    expect(await yc.decryptJson(buffer.fromBase64(data), theirs)).toEqual(await decryptSignal(data, ours))
  })

  it('we decrypt what y-webrtc publishes', async () => {
    const theirs = await yc.deriveKey(roomPassword, roomId)
    const announce = { type: 'announce', from: offer.from }
    for (const message of [announce, offer]) {
      const data = buffer.toBase64(await yc.encryptJson(message, theirs))
      expect(await decryptSignal(data, await deriveSignalingKey(roomPassword, roomId))).toEqual(message)
    }
  })

  it('the text on the wire names neither the peers nor the SDP, and differs each time', async () => {
    const key = await deriveSignalingKey(roomPassword, roomId)
    const [a, b] = [await encryptSignal(offer, key), await encryptSignal(offer, key)]
    expect(a).not.toBe(b)
    for (const data of [a, b]) {
      const bytes = Buffer.from(fromBase64(data)!)
      for (const text of [offer.from, offer.to, 'v=0', 'offer', '127.0.0.1']) {
        expect(data.includes(text) || bytes.includes(Buffer.from(text))).toBe(false)
      }
    }
  })

  it('a message for another room, another password or damaged does not open', async () => {
    const key = await deriveSignalingKey(roomPassword, roomId)
    const data = await encryptSignal(offer, key)
    const other = await deriveKeys(createTeam().secret)
    expect(await decryptSignal(data, await deriveSignalingKey(other.roomPassword, roomId))).toBeNull()
    expect(await decryptSignal(data, await deriveSignalingKey(roomPassword, other.roomId))).toBeNull()
    const bytes = fromBase64(data)!
    bytes[bytes.length - 3]! ^= 1
    expect(await decryptSignal(toBase64(bytes), key)).toBeNull()
    expect(await decryptSignal('not base64 at all!', key)).toBeNull()
    expect(await decryptSignal(toBase64(new Uint8Array([3, 1, 2])), key)).toBeNull()
  })

  it('base64 matches lib0', () => {
    const bytes = Uint8Array.from({ length: 40_000 }, (_, i) => (i * 7919) % 256)
    for (const n of [0, 1, 2, 3, 4, 40_000]) {
      expect(toBase64(bytes.subarray(0, n))).toBe(buffer.toBase64(bytes.subarray(0, n)))
      expect(fromBase64(buffer.toBase64(bytes.subarray(0, n)))).toEqual(bytes.subarray(0, n))
    }
  })
})
