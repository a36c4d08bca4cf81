import { attachPersistence, createRepo, createTeamDocs, type TeamPersistence } from '../../shared/doc'
import { createIdSource } from '../../shared/model'
import { joinTeamSync, type JoinCode, type TeamSync } from '../../shared/sync'
import type { AppHost } from './host'

/** A member of the team being joined, as the join form lists it. */
export interface JoinMember {
  id: string
  name: string
}

/** A team seen before joining it: its members as they arrive from the team's devices. */
export interface JoinPreview {
  readonly members: JoinMember[]
  /** Other devices syncing with this one now. */
  readonly peersSynced: number
  /** Called when members or peers change; returns the function that unsubscribes. */
  onChange(listener: () => void): () => void
  /** Leaves the room and closes the documents (what arrived is kept: joining starts from it). */
  stop(): void
}

/**
 * Starts syncing a team's documents before this device is a member, so the user can pick who
 * they are once the team document arrives. What arrives is stored as it comes, so joining (and
 * the first sync after it) begins from there. Without WebRTC or a signaling server nothing
 * arrives, and the user joins as a new member.
 */
export async function openJoinPreview(
  host: AppHost,
  code: JoinCode,
  signalingUrls: string[],
  webrtc?: Pick<typeof globalThis, 'RTCPeerConnection' | 'WebSocket'>,
): Promise<JoinPreview> {
  const docs = createTeamDocs(code.teamId)
  const persistence: TeamPersistence = attachPersistence(docs, host.persistence)
  await persistence.all()
  const repo = createRepo(docs, { clock: host.clock, ids: createIdSource(host.clock), actor: 'join' })
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((l) => l())
  docs.team.on('update', notify)
  let sync: TeamSync | undefined
  if (webrtc && signalingUrls.length) {
    sync = await joinTeamSync({
      docs,
      secret: code.secret,
      signalingUrls,
      ...webrtc,
      onError: (e) => console.warn('Rapport sync:', e.message),
    })
    sync.onChange(notify)
  }
  return {
    get members() {
      return repo
        .list('members')
        .map((m) => ({ id: m.id, name: m.name }))
        .sort((a, b) => a.name.localeCompare(b.name))
    },
    get peersSynced() {
      return sync?.peers.filter((p) => p.isSynced).length ?? 0
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      sync?.stop()
      docs.team.off('update', notify)
      listeners.clear()
      persistence.destroy()
      for (const d of [docs.team, ...docs.shards]) d.destroy()
    },
  }
}
