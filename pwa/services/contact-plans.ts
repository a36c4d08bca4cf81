import type { ReadModel } from '../../shared/db'
import { progressOf, type EnrollmentProgress } from '../../shared/plans'
import type { BuiltinKey } from '../../shared/plans'

/** One of a contact's enrollments as the Contact screen lists it. */
export interface ContactPlanItem {
  id: string
  planName: string
  builtin?: BuiltinKey
  status: 'active' | 'completed' | 'stopped'
  startDay: string
  progress: EnrollmentProgress
  /** The earliest pending touch's day. */
  nextDue?: string
}

/** A contact's enrollments with their plan names and progress, newest first. Dexie calls only. */
export async function readContactPlans(db: ReadModel, contactId: string): Promise<ContactPlanItem[]> {
  const enrollments = await db.enrollments.where('contactId').equals(contactId).toArray()
  const touches = await db.touches.where('contactId').equals(contactId).toArray()
  const plans = new Map((await db.plans.toArray()).map((p) => [p.id, p]))
  return enrollments
    .filter((e) => !e.deleted)
    .map((e) => {
      const own = touches.filter((t) => t.enrollmentId === e.id && !t.deleted)
      const plan = plans.get(e.planId)
      return {
        id: e.id,
        planName: plan?.name ?? e.planId,
        builtin: plan?.builtin,
        status: e.status,
        startDay: e.startDay,
        progress: progressOf(own),
        nextDue: own
          .filter((t) => t.status === 'pending')
          .map((t) => t.due)
          .sort()[0],
      }
    })
    .sort((a, b) => (a.startDay < b.startDay ? 1 : a.startDay > b.startDay ? -1 : 0))
}
