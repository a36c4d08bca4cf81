/**
 * What the WebRTC sync needs from its host, as constructors passed in (`shared/` reaches for no
 * global): a browser passes its own `RTCPeerConnection` and `WebSocket`, a Node test `ws`.
 */

/** The host's `RTCPeerConnection` constructor. */
export type RTCPeerConnectionConstructor = new (configuration?: RTCConfiguration) => RTCPeerConnection

/** The part of a WebSocket the signaling client uses: a browser's `WebSocket` and Node's `ws` both fit. */
export interface SignalingSocket {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: string, listener: (event: { type: string; data?: unknown }) => void): void
}

/** The host's `WebSocket` constructor. */
export type WebSocketConstructor = new (url: string) => SignalingSocket

/** `readyState` of an open WebSocket. */
export const SOCKET_OPEN = 1

/** The `CompressionStream`/`DecompressionStream` pair (pairing codes are deflated when both are given). */
export interface CompressionStreams {
  CompressionStream: new (format: CompressionFormat) => GenericTransformStream
  DecompressionStream: new (format: CompressionFormat) => GenericTransformStream
}
