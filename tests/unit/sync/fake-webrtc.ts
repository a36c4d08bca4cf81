import type { RTCPeerConnectionConstructor } from '../../../shared/sync/webrtc-host'
import { FakeDataChannel } from './fake-data-channel'

/** A data channel joined to another: what one end sends, the other receives (on a later turn). */
class LinkedChannel extends FakeDataChannel {
  other: LinkedChannel | null = null

  override send(data: Uint8Array) {
    super.send(data)
    const copy = data.slice().buffer
    setTimeout(() => {
      this.drain()
      if (this.other?.readyState === 'open') this.other.receive(copy)
    }, 0)
  }

  override close() {
    if (this.readyState === 'closed') return
    super.close()
    this.other?.close()
  }
}

const event = <T extends object>(type: string, fields: T) => Object.assign(new Event(type), fields)

/**
 * An in-memory stand-in for WebRTC in Node: peer connections "connect" once the offerer applies
 * the answer (the SDP only names the connection), then their data channels carry messages.
 * Counts what was created, to check who offered.
 */
export function fakeWebRTC() {
  const connections = new Map<string, FakePeerConnection>()
  const stats = { connections: 0, offers: 0 }

  class FakePeerConnection extends EventTarget {
    readonly id = `pc-${++stats.connections}`
    localDescription: RTCSessionDescriptionInit | null = null
    remoteDescription: RTCSessionDescriptionInit | null = null
    signalingState: RTCSignalingState = 'stable'
    connectionState: RTCPeerConnectionState = 'new'
    iceGatheringState: RTCIceGatheringState = 'new'
    channel: LinkedChannel | null = null

    constructor(readonly configuration?: RTCConfiguration) {
      super()
      connections.set(this.id, this)
    }
    createDataChannel() {
      return (this.channel = new LinkedChannel())
    }
    async createOffer() {
      stats.offers++
      return { type: 'offer' as const, sdp: `fake ${this.id}` }
    }
    async createAnswer() {
      return { type: 'answer' as const, sdp: `fake ${this.id}` }
    }
    async setLocalDescription(d: RTCSessionDescriptionInit) {
      this.localDescription = d
      this.signalingState = d.type === 'offer' ? 'have-local-offer' : 'stable'
      setTimeout(() => {
        const candidate = {
          candidate: `candidate:1 1 udp 1 10.0.0.1 9 typ host`,
          sdpMLineIndex: 0,
          sdpMid: '0',
        }
        this.dispatchEvent(event('icecandidate', { candidate }))
        this.iceGatheringState = 'complete'
        this.dispatchEvent(new Event('icegatheringstatechange'))
        this.dispatchEvent(event('icecandidate', { candidate: null }))
      }, 0)
    }
    async setRemoteDescription(d: RTCSessionDescriptionInit) {
      const other = connections.get(d.sdp?.split(' ')[1] ?? '')
      if (!other) throw new DOMException('not a fake SDP', 'OperationError')
      this.remoteDescription = d
      this.signalingState = d.type === 'offer' ? 'have-remote-offer' : 'stable'
      if (d.type === 'answer') setTimeout(() => connect(this, other), 0)
    }
    async addIceCandidate() {}
    close() {
      if (this.connectionState === 'closed') return
      this.connectionState = 'closed'
      this.channel?.close()
    }
  }

  function connect(offerer: FakePeerConnection, answerer: FakePeerConnection) {
    if (offerer.connectionState === 'closed' || answerer.connectionState === 'closed') return
    const a = offerer.channel!
    let b = answerer.channel // a negotiated channel exists on both sides already
    if (!b) {
      b = answerer.channel = new LinkedChannel()
      answerer.dispatchEvent(event('datachannel', { channel: b }))
    }
    a.other = b
    b.other = a
    for (const pc of [offerer, answerer]) {
      pc.connectionState = 'connected'
      pc.dispatchEvent(new Event('connectionstatechange'))
    }
    a.open()
    b.open()
  }

  return {
    RTCPeerConnection: FakePeerConnection as unknown as RTCPeerConnectionConstructor,
    stats,
  }
}
