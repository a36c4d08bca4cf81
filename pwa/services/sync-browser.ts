/** The browser's WebRTC and WebSocket, if it has them. */
export function webrtcHost() {
  const g = globalThis as Partial<Pick<typeof globalThis, 'RTCPeerConnection' | 'WebSocket'>>
  return g.RTCPeerConnection && g.WebSocket
    ? { RTCPeerConnection: g.RTCPeerConnection, WebSocket: g.WebSocket }
    : undefined
}

/** The browser's compression streams, if it has them (pairing codes are smaller with them). */
export const compressionStreams = () =>
  typeof CompressionStream === 'function' && typeof DecompressionStream === 'function'
    ? { CompressionStream, DecompressionStream }
    : undefined
