import type { Repo } from '../doc'
import { check, fail, ok, type Result } from '../doc'
import { inputSchema, type InputOf, type PlanStep, type RecordOf } from '../model'
import { isBlocked } from './blocks'
import { isDay } from './days'
import { enrollmentIdFor, expandPlan, touchIdFor } from './schedule'

/** Who enrolls whom in which plan, from which day. */
export interface EnrollRequest {
  contactId: string
  planId: string
  /** The enrolling member: attributed on the enrollment, and the fallback assignee. */
  memberId: string
  /** The enrollment's day 0, `YYYY-MM-DD`. */
  startDay: string
  /** The enrollment this one continues (set by the rules). */
  previousId?: string
}

export interface EnrollOptions {
  /**
   * When the contact opted out of some channels (not all): `false` refuses the enrollment if
   * any step uses a blocked channel; `true` enrolls without those steps (refusing only when
   * no step is left). The rules use `true`, so an email opt-out does not drop a contact from
   * 33 Touch's cards and calls.
   * @default false
   */
  omitBlockedSteps?: boolean
}

export interface Enrollment {
  enrollment: RecordOf<'enrollments'>
  touches: RecordOf<'touches'>[]
  /** Steps left out because the contact opted out of their channel. */
  omittedSteps: string[]
}

type Member = RecordOf<'members'>

/**
 * The member a step's touches go to. `owner`: the contact's owner when an active member,
 * else the enrolling member. Another role: the enrolling member if they hold it, else the
 * active member with that role and the smallest id (the same on every device), else the
 * enrolling member.
 */
export function resolveAssignee(
  role: PlanStep['assigneeRole'],
  ctx: { contactOwner?: string; enrollingMemberId: string; members: readonly Member[] },
): string {
  const active = ctx.members.filter((m) => !m.deleted && m.active !== false)
  if (role === 'owner') {
    return active.some((m) => m.id === ctx.contactOwner) ? ctx.contactOwner! : ctx.enrollingMemberId
  }
  if (active.some((m) => m.id === ctx.enrollingMemberId && m.role === role)) return ctx.enrollingMemberId
  return (
    active.filter((m) => m.role === role).sort((a, b) => (a.id < b.id ? -1 : 1))[0]?.id ??
    ctx.enrollingMemberId
  )
}

/** A free deterministic enrollment id: the base, or `~2`, `~3`… when an ended one holds it. */
function freeEnrollmentId(repo: Repo, base: string): string {
  let id = base
  for (let k = 2; repo.get('enrollments', id); k++) id = `${base}~${k}`
  return id
}

/**
 * Enrolls a contact in a plan and schedules its touches, in one batch.
 * Refuses (a problem naming the field, nothing written) when: the day is malformed; the
 * contact, plan or member is missing or deleted; the plan is archived or empty; the contact
 * is already actively enrolled in the plan (the problem names that enrollment); the contact
 * opted out of everything, or of a channel the plan uses (see `omitBlockedSteps`).
 * Ids are deterministic (`enrollmentIdFor`, `touchIdFor`) so two devices enrolling the same
 * contact offline end with one enrollment and one set of touches once they sync. Scripts are
 * stored as templates; the Today list fills them with current names.
 */
export function enroll(repo: Repo, request: EnrollRequest, options: EnrollOptions = {}): Result<Enrollment> {
  return enrollWith(repo, request, options, (contactId, planId) =>
    repo
      .list('enrollments')
      .find((e) => e.contactId === contactId && e.planId === planId && e.status === 'active'),
  )
}

/**
 * `enroll`, with the lookup of the contact's active enrollment in the plan given: a bulk
 * enrollment reads the enrollments once for thousands of contacts instead of once each.
 */
export function enrollWith(
  repo: Repo,
  request: EnrollRequest,
  options: EnrollOptions,
  activeEnrollment: (contactId: string, planId: string) => RecordOf<'enrollments'> | undefined,
): Result<Enrollment> {
  const { contactId, planId, memberId, startDay, previousId } = request
  if (!isDay(startDay)) return fail('startDay', 'must be a date as YYYY-MM-DD')
  const contact = repo.get('contacts', contactId)
  if (!contact || contact.deleted) return fail('contactId', `no contact ${contactId}`)
  const plan = repo.get('plans', planId)
  if (!plan || plan.deleted) return fail('planId', `no plan ${planId}`)
  if (plan.archived) return fail('planId', `plan ${plan.name} is archived`)
  const member = repo.get('members', memberId)
  if (!member || member.deleted) return fail('memberId', `no member ${memberId}`)
  const name = contact.name.display

  const blocked = repo.optOutState(contactId).channels
  if (blocked.includes('all')) return fail('contactId', `${name} has opted out of all contact`)
  const blockedSteps = plan.steps.filter((s) => isBlocked(blocked, s.channel))
  if (blockedSteps.length > 0 && !options.omitBlockedSteps) {
    const channels = [...new Set(blockedSteps.map((s) => s.channel))].join(', ')
    return fail('contactId', `${name} has opted out of ${channels}, which plan ${plan.name} uses`)
  }
  const steps = plan.steps.filter((s) => !blockedSteps.includes(s))
  if (steps.length === 0)
    return fail('contactId', `${name} has opted out of every channel plan ${plan.name} uses`)

  const current = activeEnrollment(contactId, planId)
  if (current) {
    return fail(
      'planId',
      `${name} is already enrolled in ${plan.name} (enrollment ${current.id}, since ${current.startDay})`,
    )
  }

  const members = repo.list('members')
  const id = freeEnrollmentId(repo, enrollmentIdFor({ contactId, planId, startDay, previousId }))
  const enrollmentInput: InputOf<'enrollments'> = {
    contactId,
    planId,
    startDay,
    memberId,
    status: 'active',
    previousId,
  }
  const touchInputs = expandPlan({ steps }, startDay).map(({ step, n, due }) => ({
    id: touchIdFor(id, step.id, n),
    input: {
      contactId,
      enrollmentId: id,
      planId,
      stepId: step.id,
      due,
      channel: step.channel,
      title: step.recurrence ? `${step.title} (${n + 1}/${step.recurrence.count})` : step.title,
      script: step.script,
      assignee: resolveAssignee(step.assigneeRole, {
        contactOwner: contact.owner,
        enrollingMemberId: memberId,
        members,
      }),
      status: 'pending',
    } satisfies InputOf<'touches'>,
  }))
  // Validate everything before the first write, so a refusal leaves nothing half-written.
  const valid = check(inputSchema('enrollments'), enrollmentInput)
  if (!valid.ok) return valid
  for (const t of touchInputs) {
    const r = check(inputSchema('touches'), t.input, `touches.${t.id}`)
    if (!r.ok) return r
  }
  return repo.batch(() => {
    const enrollment = repo.create('enrollments', enrollmentInput, { id })
    if (!enrollment.ok) return enrollment
    const touches: RecordOf<'touches'>[] = []
    for (const t of touchInputs) {
      const r = repo.create('touches', t.input, { id: t.id })
      if (!r.ok) return r
      touches.push(r.value)
    }
    return ok({ enrollment: enrollment.value, touches, omittedSteps: blockedSteps.map((s) => s.id) })
  })
}
