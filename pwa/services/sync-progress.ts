import type { PeerStatus } from '../../shared/sync'

/** A first sync under way, summed over the devices it is with. */
export interface FirstSyncProgress {
  bytesReceived: number
  /** Documents whose answer is in, of `docCount` (a determinate progress bar). */
  docsSynced: number
  docCount: number
}

/** Devices connected but not yet through their first full exchange; `null` when there are none. */
export function firstSyncOf(peers: readonly PeerStatus[]): FirstSyncProgress | null {
  const pending = peers.filter((p) => p.state === 'connected' && !p.isSynced)
  if (!pending.length) return null
  const sum = (f: (p: PeerStatus) => number) => pending.reduce((n, p) => n + f(p), 0)
  return {
    bytesReceived: sum((p) => p.bytesReceived),
    docsSynced: sum((p) => p.docsSynced),
    docCount: sum((p) => p.docCount),
  }
}
