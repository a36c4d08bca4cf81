/** What the stock y-webrtc page exposes on `window.stockYWebrtc` (see stock-page.ts). */
export interface StockYWebrtc {
  join(roomId: string, password: string, signalingUrl: string): void
  connectedPeers(): string[]
  content(): string
  leave(): void
}

declare global {
  interface Window {
    stockYWebrtc: StockYWebrtc
  }
}
