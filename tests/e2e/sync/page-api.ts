import type { PeerStatus } from '../../../shared/sync/peer-link'
import type { RawChannel } from './raw-channel'

/** A contact as the sync tests compare it. */
export interface TestContact {
  id: string
  name: string
  isOptedOut: boolean
}

/** The outcome of a pairing step, as plain data (it crosses `page.evaluate`). */
export type PairingStep = { ok: true; code: string } | { ok: false; reason: string; message: string }

/** How a test device joins its team's room. */
export interface JoinOptions {
  /** Swaps in another secret's sync key (a device that has the room but not the team key). */
  updateKeyFrom?: string
  /** Joins without compression streams: the peers exchange plain frames. */
  plain?: boolean
  /** What each data channel may buffer before sends wait (the app's default is 8 MiB). */
  sendBufferBytes?: number
}

/** What the sync test page exposes on `window.rapportTest` (see page.ts). */
export interface RapportTest {
  /** Creates this device's team documents and repository. */
  init(teamId: string, actor: string): void
  /** Joins the team's room on a signaling server. */
  join(secret: string, signalingUrl: string, options?: JoinOptions): Promise<string>
  /** Stops the WebRTC sync (the documents stay). */
  leave(): void
  /** Opens the team's open rooms (`openStockRooms` of pwa/services/open-rooms.ts) for stock Yjs clients. */
  openRooms(secret: string, signalingUrl: string): Promise<void>
  closeRooms(): void
  /** Stock peers connected in the open rooms. */
  stockPeers(): number
  peers(): PeerStatus[]
  /** Device A: makes an offer code (`secret` null to try pairing without one). */
  pairOffer(secret: string | null): Promise<PairingStep>
  /** Device B: answers an offer code. */
  pairAccept(secret: string | null, offerCode: string): Promise<PairingStep>
  /** Device A: completes the pairing with B's answer. */
  pairComplete(answerCode: string): Promise<PairingStep>
  pairStatus(): PeerStatus | null
  /** Closes the paired connection. */
  unpair(): void
  createContact(name: string): string
  renameContact(id: string, name: string): void
  optOut(id: string): void
  contacts(): TestContact[]
  /** Creates `n` contacts in batches of 500; resolves with the count. */
  seed(n: number): Promise<number>
  count(): number
  /** SHA-256 of a canonical JSON of every contact and the opt-out ledger. */
  digest(): Promise<string>
  /** Errors the sync reported through `onError`. */
  errors(): string[]
  /** Applies encoded team documents served at `url` (`encodeTeamFile`); resolves with the contact count. */
  loadTeam(url: string): Promise<number>
  /** Each document's state vector (client → clock). */
  stateVectors(): Record<number, number>[]
  /** Starts watching for the documents to reach these state vectors (see `firstSyncTimes`). */
  watchFirstSync(expected: Record<number, number>[]): void
  /** `sharedNow` instants of the last `join`, its first open channel, and the documents reaching the watched state. */
  firstSyncTimes(): { joinAt: number | null; openAt: number | null; syncedAt: number | null }
  /** The ids of the first `n` contacts. */
  contactIds(n: number): string[]
  /** Watches for contact `id` to be named `name` (see `seenAt`). */
  expectName(id: string, name: string): void
  /** When the expected name arrived (`sharedNow`), or null. */
  seenAt(): number | null
  /** Renames a contact; returns the `sharedNow` instant just before. */
  renameAt(id: string, name: string): number
  /** A bare data channel to another page (benchmark yardstick). */
  raw: RawChannel
}

declare global {
  interface Window {
    rapportTest: RapportTest
  }
}
