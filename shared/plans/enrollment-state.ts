import type { Repo } from '../doc'
import type { RecordOf } from '../model'

type Touch = RecordOf<'touches'>
type EnrollmentRecord = RecordOf<'enrollments'>

/** Touch counts of one enrollment and how far it got. */
export interface EnrollmentProgress {
  total: number
  done: number
  skipped: number
  pending: number
  cancelled: number
  /** Done and skipped touches over the touches not cancelled, 0–100, rounded; 0 when none. */
  percent: number
}

/** Counts touches by status (a pure function, for the repository or a read model). */
export function progressOf(touches: readonly Pick<Touch, 'status'>[]): EnrollmentProgress {
  const p = { total: touches.length, done: 0, skipped: 0, pending: 0, cancelled: 0, percent: 0 }
  for (const t of touches) p[t.status ?? 'pending']++
  const live = p.total - p.cancelled
  p.percent = live === 0 ? 0 : Math.round(((p.done + p.skipped) / live) * 100)
  return p
}

/**
 * The touches of an enrollment. A scan of the touch collection: the Dexie read model will
 * index touches by enrollment; the repository has no secondary index.
 */
export function touchesOf(repo: Repo, enrollmentId: string): Touch[] {
  return repo.list('touches').filter((t) => t.enrollmentId === enrollmentId)
}

/** Cancels the pending touches among `touches`, noting why; returns the ids it cancelled. */
export function cancelPending(repo: Repo, touches: readonly Touch[], why: string): string[] {
  const out: string[] = []
  for (const t of touches) {
    if (t.status !== 'pending' || t.deleted) continue
    if (repo.update('touches', t.id, { status: 'cancelled', note: why }).ok) out.push(t.id)
  }
  return out
}

/** Stops an active enrollment with a reason and cancels its pending touches (never deletes). */
export function stopEnrollment(
  repo: Repo,
  e: EnrollmentRecord,
  reason: string,
  touches = touchesOf(repo, e.id),
) {
  if (e.status === 'active') repo.update('enrollments', e.id, { status: 'stopped', stoppedReason: reason })
  return cancelPending(repo, touches, `Cancelled: ${reason}`)
}
