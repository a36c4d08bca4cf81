import type { Repo } from '../doc'
import { fail, ok, type Result } from '../doc'
import { isDay } from './days'
import { enrollWith, type EnrollOptions } from './enroll'
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

/**
 * Enrolls many contacts in one plan, in one batch, skipping (and counting) the contacts already
 * actively enrolled in it and those whose opt-outs block every step of it. Other contacts are
 * enrolled with `enroll` (partly opted-out ones without their blocked steps, as the rules do).
 * Refuses, writing nothing, when the day, plan or member is bad or a contact is missing or
 * deleted. Active enrollments are read once, so a chunk of thousands costs one pass over them.
 */
export function enrollMany(
  repo: Repo,
  request: EnrollManyRequest,
  options: EnrollOptions = { omitBlockedSteps: true },
): Result<EnrollManyReport> {
  const { contactIds, planId, memberId, startDay } = request
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
  const active = new Map(
    repo
      .list('enrollments')
      .filter((e) => e.planId === planId && e.status === 'active')
      .map((e) => [e.contactId, e] as const),
  )
  const report: EnrollManyReport = { enrolled: [], alreadyEnrolled: [], optedOut: [] }
  return repo.batch(() => {
    for (const contactId of new Set(contactIds)) {
      if (active.has(contactId)) {
        report.alreadyEnrolled.push(contactId)
        continue
      }
      const blocked = repo.optOutState(contactId).channels
      const stepsLeft = plan.steps.filter((s) => !isBlocked(blocked, s.channel))
      if (
        blocked.includes('all') ||
        stepsLeft.length === 0 ||
        (!options.omitBlockedSteps && stepsLeft.length < plan.steps.length)
      ) {
        report.optedOut.push(contactId)
        continue
      }
      const r = enrollWith(repo, { contactId, planId, memberId, startDay }, options, (id) => active.get(id))
      if (!r.ok) return r
      active.set(contactId, r.value.enrollment)
      report.enrolled.push(contactId)
    }
    return ok(report)
  })
}
