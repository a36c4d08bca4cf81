import type { Repo } from '../doc'
import { fail, ok, type Result } from '../doc'
import type { RecordOf } from '../model'
import { isBlocked } from './blocks'
import { dayOf, isDay } from './days'
import { progressOf, touchesOf, type EnrollmentProgress } from './enrollment-state'
import { applyPlanRules, type RuleOutcome } from './rules'

type Touch = RecordOf<'touches'>

/** A closed touch and what the plan rules did next. */
export interface TouchOutcome extends RuleOutcome {
  touch: Touch
}

export interface CompleteOptions {
  /** Whether the contact answered (a reply, a call back); feeds the no-response rule. @default false */
  responded?: boolean
  note?: string
  /** The day, for a follow-on enrollment's start. @default the clock's UTC day */
  day?: string
}

export interface SkipOptions {
  reason?: string
  /** @default the clock's UTC day */
  day?: string
}

/** The pending touch `id`, or a problem naming why it cannot change. */
function pendingTouch(repo: Repo, id: string): Result<Touch> {
  const t = repo.get('touches', id)
  if (!t || t.deleted) return fail('touchId', `no touch ${id}`)
  if (t.status !== 'pending') return fail('status', `touch ${id} is already ${t.status}`)
  return ok(t)
}

function notBlocked(repo: Repo, t: Touch): Result<Touch> {
  if (!isBlocked(repo.optOutState(t.contactId).channels, t.channel)) return ok(t)
  return fail('contactId', `the contact opted out of ${t.channel}; this touch must not be made`)
}

const dayFor = (repo: Repo, day: string | undefined) => day ?? dayOf(repo.clock.now())

/**
 * Marks a pending touch done and appends it to the contact's timeline (kind = the channel,
 * with `touchId` and `responded`), then runs the plan rules (completion, 8x8 → 33 Touch,
 * no response) in the same batch. The timeline entry's id is `${touchId}:done`, so a touch
 * completed on two devices is recorded once. Refuses a touch that is not pending, and one
 * whose contact has opted out of its channel.
 */
export function completeTouch(
  repo: Repo,
  touchId: string,
  options: CompleteOptions = {},
): Result<TouchOutcome> {
  const found = pendingTouch(repo, touchId)
  if (!found.ok) return found
  const allowed = notBlocked(repo, found.value)
  if (!allowed.ok) return allowed
  const day = dayFor(repo, options.day)
  if (!isDay(day)) return fail('day', 'must be a date as YYYY-MM-DD')
  const t = found.value
  return repo.batch(() => {
    const at = repo.stamp().at
    const note = options.note?.trim() || undefined
    const touch = repo.update('touches', t.id, { status: 'done', doneAt: at, note })
    if (!touch.ok) return touch
    const entry = repo.timeline.append(
      {
        contactId: t.contactId,
        kind: t.channel,
        channel: t.channel,
        direction: 'out',
        at,
        summary: note ? `${t.title}: ${note}` : t.title,
        responded: options.responded === true,
        touchId: t.id,
      },
      { id: `${t.id}:done` },
    )
    if (!entry.ok) return entry
    return ok({ touch: touch.value, ...applyPlanRules(repo, t.contactId, t.enrollmentId, day) })
  })
}

/**
 * Marks a pending touch skipped and notes it on the timeline (kind `note`, not the channel:
 * nothing reached the contact, so it neither counts as a touch made nor as one unanswered).
 * The last open touch of an enrollment completes it, and the rules run as for a completion.
 */
export function skipTouch(repo: Repo, touchId: string, options: SkipOptions = {}): Result<TouchOutcome> {
  const found = pendingTouch(repo, touchId)
  if (!found.ok) return found
  const day = dayFor(repo, options.day)
  if (!isDay(day)) return fail('day', 'must be a date as YYYY-MM-DD')
  const t = found.value
  const reason = options.reason?.trim() || undefined
  return repo.batch(() => {
    const touch = repo.update('touches', t.id, { status: 'skipped', note: reason })
    if (!touch.ok) return touch
    const summary = `Skipped: ${t.title}${reason ? ` (${reason})` : ''}`
    const at = repo.stamp().at
    const entry = repo.timeline.append(
      { contactId: t.contactId, kind: 'note', at, summary, touchId: t.id },
      { id: `${t.id}:skipped` },
    )
    if (!entry.ok) return entry
    return ok({ touch: touch.value, ...applyPlanRules(repo, t.contactId, t.enrollmentId, day) })
  })
}

/**
 * Moves a pending touch to another day and notes the change on the timeline (kind `note`).
 * Refuses a malformed day, a touch that is not pending, and one whose contact opted out of
 * its channel. Moving to the same day changes nothing.
 */
export function rescheduleTouch(repo: Repo, touchId: string, newDay: string): Result<Touch> {
  if (!isDay(newDay)) return fail('due', 'must be a date as YYYY-MM-DD')
  const found = pendingTouch(repo, touchId)
  if (!found.ok) return found
  const allowed = notBlocked(repo, found.value)
  if (!allowed.ok) return allowed
  const t = found.value
  if (t.due === newDay) return ok(t)
  return repo.batch(() => {
    const touch = repo.update('touches', t.id, { due: newDay })
    if (!touch.ok) return touch
    const summary = `Rescheduled: ${t.title}, from ${t.due} to ${newDay}`
    const entry = repo.timeline.append({
      contactId: t.contactId,
      kind: 'note',
      at: repo.stamp().at,
      summary,
      touchId: t.id,
    })
    return entry.ok ? touch : entry
  })
}

/** Touch counts and percent done of an enrollment; a problem when there is no such enrollment. */
export function enrollmentProgress(repo: Repo, enrollmentId: string): Result<EnrollmentProgress> {
  if (!repo.get('enrollments', enrollmentId)) return fail('enrollmentId', `no enrollment ${enrollmentId}`)
  return ok(progressOf(touchesOf(repo, enrollmentId)))
}
