import type { Pinia } from 'pinia'
import { watch } from 'vue'
import { startSyncSession, type SyncSession } from '../../shared/sync'
import {
  createPageBridgeTransport,
  onBridgeAnnounce,
  type BridgeWindow,
} from '../../shared/sync/bridge-transport'
import { useTeamStore } from '../stores/team'
import { reconcileOnSync, type AfterSyncReport } from './after-sync'
import type { TeamSession } from './team-session'

/** What `startExtensionBridge` takes besides the store. */
export interface ExtensionBridgeOptions {
  /** The page's window. @default window */
  win?: BridgeWindow
  onError?: (error: unknown) => void
  /** Told after each reconciliation that followed a sync from the extension. */
  onReconciled?: (report: AfterSyncReport) => void
}

/**
 * Syncs the open team with the Rapport extension, when it is installed: its content script on
 * this origin announces itself, and the page answers with a sync session over the page bridge
 * (see shared/sync/bridge-transport.ts). The session's hello names the team, so the extension
 * opens that team's replica; closing or switching the team stops the session, and the next
 * team's session makes the extension follow. Updates from the extension are followed by
 * `reconcileAfterSync`. Without the extension, the page's one ping goes unanswered and nothing
 * else happens.
 * @returns the function that stops the bridge
 */
export function startExtensionBridge(pinia: Pinia, options: ExtensionBridgeOptions = {}): () => void {
  const team = useTeamStore(pinia)
  const win = options.win ?? window
  const onError = options.onError ?? ((e: unknown) => console.warn('Rapport: extension bridge:', e))
  let stopTeam: (() => void) | undefined
  const stopWatch = watch(
    () => team.session,
    (session) => {
      stopTeam?.()
      stopTeam = session ? bridgeTeam(session) : undefined
    },
    // At once: a closed team's documents are destroyed, its session must not touch them.
    { immediate: true, flush: 'sync' },
  )

  function bridgeTeam(session: TeamSession): () => void {
    let isStopped = false
    let stopAnnounce: (() => void) | undefined
    let sync: { session: SyncSession; close(): void } | undefined

    // The whole team is loaded first, so the extension gets it in one exchange and the
    // reconciliation sees every document.
    session.loaded.then(() => {
      if (isStopped) return
      stopAnnounce = onBridgeAnnounce(win, () => {
        // A later announce is a fresh content script (the extension was reloaded): it learns the
        // team from the packets of a new exchange.
        if (sync) return sync.session.resync()
        const transport = createPageBridgeTransport(win)
        const s = startSyncSession(session.docs, transport, { onError, via: 'bridge' })
        const stopReconcile = reconcileOnSync(s.origin, {
          repo: session.repo,
          docs: session.docs,
          day: () => team.today(),
          onError,
          onReconciled: options.onReconciled,
        })
        sync = {
          session: s,
          close() {
            stopReconcile()
            s.stop()
            transport.close()
          },
        }
      })
    }, onError)

    return () => {
      isStopped = true
      stopAnnounce?.()
      sync?.close()
    }
  }

  return () => {
    stopWatch()
    stopTeam?.()
    stopTeam = undefined
  }
}
