import type * as Y from 'yjs'

/** The state of a sync session, as `session.status` and `onStatus` give it. */
export interface SyncStatus {
  /** Whether the peer's hello matched (same team, same protocol); nothing is exchanged before. */
  isConnected: boolean
  /** Per document, team doc first: synced once the peer's answer (sync step 2) was applied. */
  docs: { guid: string; isSynced: boolean }[]
  /** Every document synced. */
  isSynced: boolean
  /** Packet bytes, as the transport carried them. */
  bytesSent: number
  bytesReceived: number
  /** When the last packet arrived (the session's clock), `null` before the first. */
  lastMessageAt: number | null
  /** Packets and frames dropped: malformed, before a matching hello, or failing to apply. */
  rejected: number
  /** Why the peer was refused (another team or protocol version), `null` while it is not. */
  problem: string | null
  /**
   * Work in hand: the peer's step 1s not yet answered, and frames being deflated or inflated or
   * waiting behind one that is (order is kept both ways). 0 when the session is idle.
   */
  framesWaiting: number
}

/**
 * Progress of the first sync. `bytesExpected` is known as far as the peer's answers have begun
 * (each large one announces its size in its first chunk): show it with `docsSynced / docCount`.
 */
export interface SyncProgress {
  bytesReceived: number
  bytesExpected: number
  docsSynced: number
  docCount: number
}

/**
 * The bookkeeping of one session: counters, flags, and the status and progress callbacks.
 * @param framesWaiting - the session's work in hand, read for each status
 */
export function createSessionStatus(
  docs: Y.Doc[],
  callbacks: { onStatus?: (s: SyncStatus) => void; onProgress?: (p: SyncProgress) => void },
  framesWaiting: () => number,
) {
  const s: Omit<SyncStatus, 'framesWaiting'> = {
    isConnected: false,
    docs: docs.map((d) => ({ guid: d.guid, isSynced: false })),
    isSynced: false,
    bytesSent: 0,
    bytesReceived: 0,
    lastMessageAt: null,
    rejected: 0,
    problem: null,
  }
  let frameBytes = 0
  let isFirstSyncDone = false
  const synced = () => s.docs.filter((d) => d.isSynced).length

  const current = (): SyncStatus => ({
    ...s,
    docs: s.docs.map((d) => ({ ...d })),
    framesWaiting: framesWaiting(),
  })

  return {
    current,
    isConnected: () => s.isConnected,
    connect: () => void (s.isConnected = true),
    refusePeer: (problem: string) => void (s.problem = problem),
    sent: (bytes: number) => void (s.bytesSent += bytes),
    received(bytes: number, at: number) {
      s.bytesReceived += bytes
      s.lastMessageAt = at
    },
    frameReceived: (bytes: number) => void (frameBytes += bytes),
    rejected: () => void s.rejected++,
    docSynced(index: number, isSynced: boolean) {
      s.docs[index]!.isSynced = isSynced
      s.isSynced = s.docs.every((d) => d.isSynced)
    },
    /** Reports progress until the first sync is complete, then once more with everything in. */
    progress(pending: { received: number; expected: number }) {
      if (isFirstSyncDone || !s.isConnected) return
      isFirstSyncDone = s.isSynced
      callbacks.onProgress?.({
        bytesReceived: frameBytes + pending.received,
        bytesExpected: frameBytes + pending.expected,
        docsSynced: synced(),
        docCount: s.docs.length,
      })
    },
    changed: () => callbacks.onStatus?.(current()),
  }
}
