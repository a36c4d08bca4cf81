import type { SignalValue } from './signaling-crypto'

/**
 * The messages peers exchange through a signaling server, in y-webrtc's shapes (inside the
 * encrypted `data` of a `publish`), so stock y-webrtc clients and ours understand each other:
 * - `announce`: "I am in the room" (with `to`: "…and I am answering your announce");
 * - `signal`: one WebRTC negotiation step for peer `to`, in simple-peer's format (y-webrtc's).
 */

/** An ICE candidate as simple-peer sends it. */
export interface CandidateInit {
  candidate: string
  sdpMLineIndex: number | null
  sdpMid: string | null
}

/** One negotiation step: an SDP offer or answer, or a trickled ICE candidate. */
export type PeerSignal =
  | { type: 'offer'; sdp: string }
  | { type: 'answer'; sdp: string }
  | { type: 'candidate'; candidate: CandidateInit }

/** A decrypted signaling message. */
export type SignalMessage =
  | { type: 'announce'; from: string; to?: string }
  | { type: 'signal'; from: string; to: string; signal: PeerSignal; token?: number }

type Fields = { [key: string]: SignalValue }

const isFields = (v: SignalValue | undefined): v is Fields =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array)

function readSignal(v: SignalValue | undefined): PeerSignal | null {
  if (!isFields(v)) return null
  if ((v.type === 'offer' || v.type === 'answer') && typeof v.sdp === 'string') {
    return { type: v.type, sdp: v.sdp }
  }
  const c = v.candidate
  if (v.type === 'candidate' && isFields(c) && typeof c.candidate === 'string') {
    return {
      type: 'candidate',
      candidate: {
        candidate: c.candidate,
        sdpMLineIndex: typeof c.sdpMLineIndex === 'number' ? c.sdpMLineIndex : null,
        sdpMid: typeof c.sdpMid === 'string' ? c.sdpMid : null,
      },
    }
  }
  return null
}

/**
 * Reads a decrypted signaling value as a message.
 * @returns the message, or `null` for anything else (unknown types, missing fields, simple-peer's
 *   renegotiation requests, which this client never needs)
 */
export function readSignalMessage(value: SignalValue | null): SignalMessage | null {
  if (!isFields(value) || typeof value.from !== 'string' || !value.from) return null
  const { from, to } = value
  if (to !== undefined && typeof to !== 'string') return null
  if (value.type === 'announce')
    return to === undefined ? { type: 'announce', from } : { type: 'announce', from, to }
  if (value.type !== 'signal' || typeof to !== 'string') return null
  const signal = readSignal(value.signal)
  if (!signal) return null
  return typeof value.token === 'number'
    ? { type: 'signal', from, to, signal, token: value.token }
    : { type: 'signal', from, to, signal }
}
