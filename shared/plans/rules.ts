import type { Problem, Repo } from '../doc'
import type { Interaction, RecordOf } from '../model'
import { findBuiltinPlan, LIGHT_PLANS, type BuiltinKey } from './builtin-plans'
import { enroll } from './enroll'
import { stopEnrollment, touchesOf } from './enrollment-state'

type EnrollmentRecord = RecordOf<'enrollments'>

/** What the plan rules did after a touch closed (or during `reconcilePlans`). */
export interface RuleOutcome {
  /** The enrollment that just completed (its last touch done or skipped). */
  completed?: EnrollmentRecord
  /** Which rule moved the contact on, if any. */
  rule?: 'met-8x8-to-33-touch' | 'no-response'
  /** Enrollments stopped by the no-response rule. */
  stopped: EnrollmentRecord[]
  /** The enrollment the contact moved into. */
  next?: EnrollmentRecord
  /** Why a follow-on enrollment was refused (an opt-out, a missing plan…); nothing is deleted. */
  problems: Problem[]
}

/** The timeline note that marks a move to a lighter plan; the no-response count restarts there. */
export const NO_RESPONSE_MARK = ':no-response'

/**
 * Touches in a row with no response, newest first, on a contact's timeline (in timeline
 * order). A completed touch counts (an entry with a `touchId` whose kind is its channel) unless
 * it belongs to a light plan; the count stops at a response (`responded` or an inbound entry)
 * or at the note of an earlier move to a lighter plan. Skipped touches do not count.
 */
export function noResponseStreak(
  timeline: readonly Interaction[],
  isLightTouch: (touchId: string) => boolean,
): number {
  let n = 0
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i]!
    if (e.responded === true || e.direction === 'in' || e.id.endsWith(NO_RESPONSE_MARK)) break
    if (e.touchId && e.kind === e.channel && !isLightTouch(e.touchId)) n++
  }
  return n
}

/** Context the rules read once per run. */
function ruleContext(repo: Repo) {
  const plans = repo.list('plans', { includeDeleted: true })
  const byId = new Map(plans.map((p) => [p.id, p]))
  const isLightPlan = (planId: string | undefined) => {
    const key = planId ? byId.get(planId)?.builtin : undefined
    return key !== undefined && LIGHT_PLANS.includes(key)
  }
  const isLightTouch = (touchId: string) => isLightPlan(repo.get('touches', touchId)?.planId)
  return { plans, byId, isLightPlan, isLightTouch }
}

/** The member a follow-on enrollment is made by: the previous one's, if still a member. */
function followOnMember(repo: Repo, previous: EnrollmentRecord): string {
  const m = repo.get('members', previous.memberId)
  return m && !m.deleted ? previous.memberId : repo.actor
}

function followOn(
  repo: Repo,
  key: BuiltinKey,
  previous: EnrollmentRecord,
  day: string,
  out: RuleOutcome,
): boolean {
  const plan = findBuiltinPlan(repo.list('plans'), key)
  if (!plan) {
    out.problems.push({ path: 'planId', message: `no live ${key} plan; install the built-in plans` })
    return false
  }
  const memberId = followOnMember(repo, previous)
  const r = enroll(
    repo,
    { contactId: previous.contactId, planId: plan.id, memberId, startDay: day, previousId: previous.id },
    { omitBlockedSteps: true },
  )
  if (r.ok) out.next = r.value.enrollment
  else out.problems.push(...r.problems)
  return r.ok
}

/**
 * Runs the plan rules for a contact after one of its touches closed, inside the caller's batch:
 * 1. an active enrollment with no pending touch left completes;
 * 2. no response: after `noResponseLimit` touches in a row with no response (team setting),
 *    the contact's active enrollments in other than light plans stop (reason `no-response`,
 *    pending touches cancelled) and the contact is enrolled in `noResponsePlan` (else the other
 *    light plan, if an opt-out refuses the first) — never deleted;
 * 3. otherwise, a Met contact whose 8x8 just completed is enrolled in 33 Touch.
 * Follow-on enrollments have `previousId` set and start on `day`.
 */
export function applyPlanRules(
  repo: Repo,
  contactId: string,
  enrollmentId: string | undefined,
  day: string,
): RuleOutcome {
  const out: RuleOutcome = { stopped: [], problems: [] }
  const ctx = ruleContext(repo)
  const e = enrollmentId ? repo.get('enrollments', enrollmentId) : undefined
  if (
    e &&
    !e.deleted &&
    e.status === 'active' &&
    !touchesOf(repo, e.id).some((t) => t.status === 'pending')
  ) {
    const r = repo.update('enrollments', e.id, { status: 'completed' })
    if (r.ok) out.completed = r.value
  }

  const settings = repo.settings.get()
  const mine = repo.list('enrollments').filter((x) => x.contactId === contactId)
  const heavy = mine.filter((x) => x.status === 'active' && !ctx.isLightPlan(x.planId))
  const completedHeavy = out.completed && !ctx.isLightPlan(out.completed.planId) ? out.completed : undefined
  const streak =
    heavy.length > 0 || completedHeavy ? noResponseStreak(repo.timeline.list(contactId), ctx.isLightTouch) : 0

  if (streak >= settings.noResponseLimit) {
    out.rule = 'no-response'
    for (const x of heavy) {
      stopEnrollment(repo, x, 'no-response')
      out.stopped.push(repo.get('enrollments', x.id)!)
    }
    const previous = completedHeavy ?? heavy.find((x) => x.id === enrollmentId) ?? heavy[0]!
    const light = mine.find((x) => x.status === 'active' && ctx.isLightPlan(x.planId))
    if (!light) {
      const order: BuiltinKey[] =
        settings.noResponsePlan === 'email-only' ? ['email-only', '12-direct'] : ['12-direct', 'email-only']
      for (const key of order) if (followOn(repo, key, previous, day, out)) break
      if (out.next) out.problems = []
    }
    const into = out.next ?? light
    const summary = into
      ? `Moved to ${ctx.byId.get(into.planId)?.name ?? 'a lighter plan'} after ${streak} touches with no response`
      : `Plans stopped after ${streak} touches with no response; no lighter plan could start`
    // A millisecond after the touch that triggered it, so the note sorts after it on the timeline.
    repo.timeline.append(
      {
        contactId,
        kind: 'note',
        at: repo.stamp().at + 1,
        summary,
      },
      { id: `${previous.id}${NO_RESPONSE_MARK}` },
    )
    return out
  }

  const contact = repo.get('contacts', contactId)
  if (out.completed && ctx.byId.get(out.completed.planId)?.builtin === '8x8' && contact?.class.met) {
    out.rule = 'met-8x8-to-33-touch'
    followOn(repo, '33-touch', out.completed, day, out)
  }
  return out
}
