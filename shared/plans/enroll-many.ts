import type { Repo } from '../doc'
import { fail, ok, type Result } from '../doc'
import { isDay } from './days'
import type { RecordOf } from '../model'
import { enrollWith, type EnrollOptions } from './enroll'
import { enrollmentIdFor } from './schedule'
import { isBlocked } from './blocks'

/** Many contacts enrolled in one plan by one member, from one day. */
export interface EnrollManyRequest {
  contactIds: readonly string[]
  planId: string
  memberId: string
  /** The enrollments' day 0, `YYYY-MM-DD`. */
  startDay: string
}

/** What a bulk enrollment did; every contact asked for is counted exactly once. */
export interface EnrollManyReport {
  enrolled: string[]
  /** Contacts already actively enrolled in the plan: never enrolled twice. */
  alreadyEnrolled: string[]
  /** Contacts whose opt-outs leave no step of the plan to send. */
  optedOut: string[]
}

/** Enrolls one chunk of contacts; see `bulkEnroller`. */
export type Enroller = (contactIds: readonly string[]) => Result<EnrollManyReport>

/**
 * Enrolls many contacts in one plan, chunk by chunk (one batch per call), skipping and counting
 * the contacts already actively enrolled in it and those whose opt-outs block every step of it.
 * Other contacts are enrolled with `enroll` (partly opted-out ones without their blocked steps,
 * as the rules do). A chunk is refused, writing nothing, when the day, plan or member is bad or
 * one of its contacts is missing or deleted. The plan's active enrollments are read once for all
 * chunks (10k contacts in 250 chunks read them once, not 250 times); an enrollment synced in
 * between under the same id is still seen, and other duplicates are left to `reconcilePlans`.
 */
export function bulkEnroller(
  repo: Repo,
  request: Omit<EnrollManyRequest, 'contactIds'>,
  options: EnrollOptions = { omitBlockedSteps: true },
): Enroller {
  const { planId, memberId, startDay } = request
  let active: Map<string, RecordOf<'enrollments'>> | undefined
  return (contactIds) => {
    if (!isDay(startDay)) return fail('startDay', 'must be a date as YYYY-MM-DD')
    const plan = repo.get('plans', planId)
    if (!plan || plan.deleted) return fail('planId', `no plan ${planId}`)
    if (plan.archived) return fail('planId', `plan ${plan.name} is archived`)
    const member = repo.get('members', memberId)
    if (!member || member.deleted) return fail('memberId', `no member ${memberId}`)
    for (const id of contactIds) {
      const c = repo.get('contacts', id)
      if (!c || c.deleted) return fail('contactIds', `no contact ${id}`)
    }
    const known = (active ??= new Map(
      repo
        .list('enrollments')
        .filter((e) => e.planId === planId && e.status === 'active')
        .map((e) => [e.contactId, e] as const),
    ))
    const current = (contactId: string) => {
      const same = repo.get('enrollments', enrollmentIdFor({ contactId, planId, startDay }))
      return known.get(contactId) ?? (same && !same.deleted && same.status === 'active' ? same : undefined)
    }
    const report: EnrollManyReport = { enrolled: [], alreadyEnrolled: [], optedOut: [] }
    return repo.batch(() => {
      for (const contactId of new Set(contactIds)) {
        if (current(contactId)) {
          report.alreadyEnrolled.push(contactId)
          continue
        }
        const blocked = repo.optOutState(contactId).channels
        const left = plan.steps.filter((s) => !isBlocked(blocked, s.channel))
        if (left.length === 0 || (!options.omitBlockedSteps && left.length < plan.steps.length)) {
          report.optedOut.push(contactId)
          continue
        }
        const r = enrollWith(repo, { contactId, planId, memberId, startDay }, options, current)
        if (!r.ok) return r
        known.set(contactId, r.value.enrollment)
        report.enrolled.push(contactId)
      }
      return ok(report)
    })
  }
}

/** Enrolls many contacts in one plan in one batch: `bulkEnroller` with a single chunk. */
export function enrollMany(
  repo: Repo,
  request: EnrollManyRequest,
  options: EnrollOptions = { omitBlockedSteps: true },
): Result<EnrollManyReport> {
  return bulkEnroller(repo, request, options)(request.contactIds)
}
