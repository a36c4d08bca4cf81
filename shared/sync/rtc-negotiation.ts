import type { PeerSignal } from './signal-message'
import type { RTCPeerConnectionConstructor } from './webrtc-host'

/** The label of Rapport's one data channel per peer connection. */
export const CHANNEL_LABEL = 'rapport-sync'

/** Options of `negotiate`. */
export interface NegotiationOptions {
  RTCPeerConnection: RTCPeerConnectionConstructor
  /** STUN/TURN servers; none keeps to host (and mDNS) candidates, enough on one LAN. */
  iceServers: RTCIceServer[]
  /** The initiator creates the data channel and the offer; the other side answers. */
  isInitiator: boolean
  /** Sends a negotiation step to the peer (through signaling). */
  sendSignal: (signal: PeerSignal) => void
  /** Called once with the data channel: at once for the initiator, on `datachannel` for the other. */
  onChannel: (channel: RTCDataChannel, connection: RTCPeerConnection) => void
  /** Told when a step fails (a malformed SDP, a refused candidate). */
  onError?: (error: Error) => void
}

/** One RTCPeerConnection being negotiated through signaling, with trickled ICE candidates. */
export interface Negotiation {
  readonly connection: RTCPeerConnection
  /** Applies the peer's offer, answer or candidate (in the order they come). */
  handleSignal(signal: PeerSignal): void
}

/**
 * Creates the connection to one peer and runs the offer/answer exchange in simple-peer's message
 * shapes (what y-webrtc sends). Candidates that arrive before the description they belong to wait.
 */
export function negotiate(options: NegotiationOptions): Negotiation {
  const { isInitiator, sendSignal, onChannel, onError } = options
  const connection = new options.RTCPeerConnection({ iceServers: options.iceServers })
  const fail = (error: unknown) => onError?.(error instanceof Error ? error : new Error(String(error)))
  const early: RTCIceCandidateInit[] = []
  let steps: Promise<unknown> = Promise.resolve()
  const step = (fn: () => Promise<unknown>) => void (steps = steps.then(fn).catch(fail))

  connection.addEventListener('icecandidate', (event) => {
    const c = event.candidate
    if (c?.candidate) {
      sendSignal({
        type: 'candidate',
        candidate: { candidate: c.candidate, sdpMLineIndex: c.sdpMLineIndex, sdpMid: c.sdpMid },
      })
    }
  })

  if (isInitiator) {
    onChannel(connection.createDataChannel(CHANNEL_LABEL, { ordered: true }), connection)
    step(async () => {
      await connection.setLocalDescription(await connection.createOffer())
      sendSignal({ type: 'offer', sdp: connection.localDescription!.sdp })
    })
  } else {
    connection.addEventListener('datachannel', (event) => onChannel(event.channel, connection), {
      once: true,
    })
  }

  async function addCandidates() {
    for (const c of early.splice(0)) await connection.addIceCandidate(c)
  }

  return {
    connection,
    handleSignal(signal) {
      if (signal.type === 'candidate') {
        early.push(signal.candidate)
        if (connection.remoteDescription) step(addCandidates)
      } else if (signal.type === 'offer' && !isInitiator) {
        step(async () => {
          await connection.setRemoteDescription({ type: 'offer', sdp: signal.sdp })
          await connection.setLocalDescription(await connection.createAnswer())
          sendSignal({ type: 'answer', sdp: connection.localDescription!.sdp })
          await addCandidates()
        })
      } else if (signal.type === 'answer' && isInitiator) {
        step(async () => {
          if (connection.signalingState !== 'have-local-offer') return
          await connection.setRemoteDescription({ type: 'answer', sdp: signal.sdp })
          await addCandidates()
        })
      }
    },
  }
}
