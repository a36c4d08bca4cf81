/** The browser's compression streams, if it has them (smaller pairing codes, deflated sync). */
export const compressionStreams = () =>
  typeof CompressionStream === 'function' && typeof DecompressionStream === 'function'
    ? { CompressionStream, DecompressionStream }
    : undefined

/** The browser's WebRTC and WebSocket, if it has them, and its compression streams. */
export function webrtcHost() {
  const g = globalThis as Partial<Pick<typeof globalThis, 'RTCPeerConnection' | 'WebSocket'>>
  return g.RTCPeerConnection && g.WebSocket
    ? { RTCPeerConnection: g.RTCPeerConnection, WebSocket: g.WebSocket, compression: compressionStreams() }
    : undefined
}
