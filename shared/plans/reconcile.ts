import type { Repo } from '../doc'
import type { Interaction } from '../model'
import { LIGHT_PLANS } from './builtin-plans'
import { dayOf } from './days'
import { duplicateEnrollments } from './duplicates'
import { stopEnrollment } from './enrollment-state'
import { applyOptOuts, type OptOutSweep } from './opt-outs'
import { applyPlanRules, noResponseStreak, type RuleOutcome } from './rules'

/** What `reconcilePlans` changed. */
export interface ReconcileReport {
  optOuts: OptOutSweep
  /** Pending touches whose completion or skip, recorded on the timeline, a merge had lost. */
  restoredTouches: string[]
  /** Duplicate active enrollments of one contact in one plan that were stopped. */
  duplicatesStopped: string[]
  /** What the rules did for enrollments left with nothing pending and for non-responsive contacts. */
  outcomes: RuleOutcome[]
}

function groupBy<T>(items: readonly T[], key: (x: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const x of items) {
    const k = key(x)
    if (k === undefined) continue
    const list = out.get(k)
    if (list) list.push(x)
    else out.set(k, [x])
  }
  return out
}

/**
 * Restores rules a merge of concurrent offline work can leave unmet, in one batch. Safe to run
 * on any device at any time, and on several at once (they write the same values):
 * 1. `applyOptOuts`;
 * 2. a touch recorded done or skipped on the timeline but pending in its record (two devices
 *    created the same deterministic touch and one copy won) gets its status back;
 * 3. duplicate active enrollments in one plan stop (reason `duplicate`), keeping one;
 * 4. an active enrollment whose touches are all closed completes, with the 8x8 → 33 Touch rule;
 * 5. a contact over the no-response limit moves to the lighter plan.
 * @param options.day - the start day of follow-on enrollments @default the clock's UTC day
 */
export function reconcilePlans(repo: Repo, options: { day?: string } = {}): ReconcileReport {
  const day = options.day ?? dayOf(repo.clock.now())
  return repo.batch(() => {
    const report: ReconcileReport = {
      optOuts: applyOptOuts(repo),
      restoredTouches: [],
      duplicatesStopped: [],
      outcomes: [],
    }
    const timeline = repo.timeline.list()
    const closedOn = new Map<string, Interaction>()
    for (const e of timeline)
      if (e.touchId && (e.id === `${e.touchId}:done` || e.id === `${e.touchId}:skipped`))
        closedOn.set(e.touchId, e)
    let touches = repo.list('touches')
    for (const t of touches) {
      const e = closedOn.get(t.id)
      if (t.status !== 'pending' || !e) continue
      const done = e.id.endsWith(':done')
      const r = repo.update('touches', t.id, done ? { status: 'done', doneAt: e.at } : { status: 'skipped' })
      if (r.ok) report.restoredTouches.push(t.id)
    }

    touches = repo.list('touches')
    const byEnrollment = groupBy(touches, (t) => t.enrollmentId)
    const losers = duplicateEnrollments(repo.list('enrollments'))
    for (const id of losers) {
      stopEnrollment(repo, repo.get('enrollments', id)!, 'duplicate', byEnrollment.get(id) ?? [])
      report.duplicatesStopped.push(id)
    }

    for (const e of repo.list('enrollments')) {
      const mine = byEnrollment.get(e.id) ?? []
      // An enrollment with no touch yet may be one whose touches have not synced: leave it.
      if (
        e.status !== 'active' ||
        mine.length === 0 ||
        mine.some((t) => repo.get('touches', t.id)?.status === 'pending')
      )
        continue
      report.outcomes.push(applyPlanRules(repo, e.contactId, e.id, day))
    }

    const limit = repo.settings.get().noResponseLimit
    const plans = new Map(repo.list('plans', { includeDeleted: true }).map((p) => [p.id, p]))
    const isLight = (planId?: string) =>
      LIGHT_PLANS.some((k) => planId !== undefined && plans.get(planId)?.builtin === k)
    const touchPlan = new Map(touches.map((t) => [t.id, t.planId]))
    const byContact = groupBy(timeline, (e) => e.contactId)
    const heavy = new Set(
      repo
        .list('enrollments')
        .filter((e) => e.status === 'active' && !isLight(e.planId))
        .map((e) => e.contactId),
    )
    for (const contactId of heavy) {
      const streak = noResponseStreak(byContact.get(contactId) ?? [], (id) => isLight(touchPlan.get(id)))
      if (streak >= limit) report.outcomes.push(applyPlanRules(repo, contactId, undefined, day))
    }
    return report
  })
}
