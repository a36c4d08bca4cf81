import type { EnrollmentData } from '../model'

/** The parts of an enrollment `duplicateEnrollments` reads. */
export type EnrollmentKey = Pick<EnrollmentData, 'contactId' | 'planId' | 'startDay' | 'status'> & {
  id: string
  deleted?: unknown
}

/**
 * Of several active enrollments of one contact in one plan (made on two devices offline, on
 * different days), the one that stays is the earliest start, then the smallest id: every
 * device picks the same. Returns the ids of the others. A pure function.
 */
export function duplicateEnrollments(enrollments: readonly EnrollmentKey[]): Set<string> {
  const winners = new Map<string, EnrollmentKey>()
  const losers = new Set<string>()
  for (const e of enrollments) {
    if (e.status !== 'active' || e.deleted) continue
    const key = `${e.contactId}\u0000${e.planId}`
    const w = winners.get(key)
    if (!w) {
      winners.set(key, e)
      continue
    }
    const eWins = e.startDay < w.startDay || (e.startDay === w.startDay && e.id < w.id)
    losers.add(eWins ? w.id : e.id)
    if (eWins) winners.set(key, e)
  }
  return losers
}
