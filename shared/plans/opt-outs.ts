import type { Repo } from '../doc'
import { isBlocked } from './blocks'
import { cancelPending } from './enrollment-state'

/** What `applyOptOuts` changed. */
export interface OptOutSweep {
  /** Enrollments stopped because their contact opted out of everything. */
  stoppedEnrollments: string[]
  /** Pending touches cancelled because their contact opted out of their channel (or of all). */
  cancelledTouches: string[]
}

/**
 * Makes the plans obey the opt-out ledger (003 §4.3), in one batch: for a contact opted out of
 * `all`, every active enrollment stops (reason `opt-out`) and every pending touch is
 * cancelled; for a contact opted out of some channels, the pending touches on those channels
 * are cancelled and the enrollments go on. Idempotent and safe to run on several devices at
 * once: each writes the same values. Touches generated concurrently by an offline device are
 * caught by the next run; until then the Today list hides them (it reads the ledger too).
 * Nothing is deleted.
 */
export function applyOptOuts(repo: Repo): OptOutSweep {
  const out: OptOutSweep = { stoppedEnrollments: [], cancelledTouches: [] }
  const states = repo.optOutStates()
  if (states.size === 0) return out
  const touches = repo
    .list('touches')
    .filter((t) => t.status === 'pending' && isBlocked(states.get(t.contactId)?.channels, t.channel))
  const enrollments = repo
    .list('enrollments')
    .filter((e) => e.status === 'active' && states.get(e.contactId)?.channels.includes('all'))
  if (touches.length === 0 && enrollments.length === 0) return out
  repo.batch(() => {
    for (const e of enrollments) {
      if (repo.update('enrollments', e.id, { status: 'stopped', stoppedReason: 'opt-out' }).ok) {
        out.stoppedEnrollments.push(e.id)
      }
    }
    out.cancelledTouches = cancelPending(repo, touches, 'Cancelled: the contact opted out')
  })
  return out
}
