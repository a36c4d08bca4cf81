import { describe, expect, it } from 'vitest'
import { readSignalMessage } from '../../../shared/sync/signal-message'

const from = 'peer-a'
const to = 'peer-b'

describe('readSignalMessage', () => {
  it('reads announces, offers, answers and candidates in y-webrtc and simple-peer shapes', () => {
    expect(readSignalMessage({ type: 'announce', from })).toEqual({ type: 'announce', from })
    expect(readSignalMessage({ type: 'announce', from, to })).toEqual({ type: 'announce', from, to })
    const offer = { type: 'signal', from, to, token: 12.5, signal: { type: 'offer', sdp: 'v=0' } }
    expect(readSignalMessage(offer)).toEqual(offer)
    const answer = { type: 'signal', from, to, signal: { type: 'answer', sdp: 'v=0' } }
    expect(readSignalMessage(answer)).toEqual(answer)
    const candidate = {
      type: 'signal',
      from,
      to,
      signal: {
        type: 'candidate',
        candidate: { candidate: 'candidate:1 1 udp 1 1.2.3.4 5 typ host', sdpMLineIndex: 0, sdpMid: '0' },
      },
    }
    expect(readSignalMessage(candidate)).toEqual(candidate)
  })

  it('drops what is not a message it can act on', () => {
    for (const value of [
      null,
      'announce',
      [],
      new Uint8Array(2),
      { type: 'announce' },
      { type: 'announce', from: '' },
      { type: 'announce', from, to: 3 },
      { type: 'signal', from, signal: { type: 'offer', sdp: 'v=0' } },
      { type: 'signal', from, to, signal: { type: 'offer' } },
      { type: 'signal', from, to, signal: { type: 'renegotiate', renegotiate: true } },
      { type: 'signal', from, to, signal: { type: 'candidate', candidate: 'x' } },
      { type: 'subscribe', from, topics: ['x'] },
    ]) {
      expect(readSignalMessage(value as never)).toBeNull()
    }
  })
})
