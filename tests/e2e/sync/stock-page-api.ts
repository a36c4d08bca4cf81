/** A y-webrtc room and its password, as `deriveOpenRooms` gives them. */
export interface StockRoom {
  room: string
  password: string
}

/** What the stock y-webrtc page exposes on `window.stockYWebrtc` (see stock-page.ts). */
export interface StockYWebrtc {
  /** One Y.Doc in one room (the team session's room, which it cannot read). */
  join(roomId: string, password: string, signalingUrl: string): void
  /** One Y.Doc per room: the team document first, then the 16 shards. */
  joinTeam(rooms: StockRoom[], signalingUrl: string): void
  /** Ids of the peers connected in any room. */
  connectedPeers(): string[]
  /** The single document of `join`, as JSON. */
  content(): string
  /** Display names of every contact in the shards, sorted. */
  names(): string[]
  /** Sets a contact's display name where the record is; false when no shard holds it. */
  rename(id: string, name: string): boolean
  /** Writes a contact record of its own into the first shard; returns its id. */
  addContact(name: string): string
  leave(): void
}

declare global {
  interface Window {
    stockYWebrtc: StockYWebrtc
  }
}
