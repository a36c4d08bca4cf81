import type { PlanData, PlanStep } from '../model'
import { addDays } from './days'

/** One touch a plan schedules: which step, which repetition, and when. */
export interface Occurrence {
  step: PlanStep
  /** The repetition, 0-based (always 0 for a step without recurrence). */
  n: number
  /** Days after the enrollment's start. */
  offsetDays: number
  due: string
}

/**
 * Expands a plan's steps into its dated touches, in due order (then step order).
 * A step with `recurrence` repeats `count` times every `everyDays` days from the start
 * (day 0, as the model says `offsetDays` is then ignored); any other step falls on
 * `offsetDays`.
 * @param plan - the plan's steps
 * @param startDay - the enrollment's first day, `YYYY-MM-DD`
 */
export function expandPlan(plan: Pick<PlanData, 'steps'>, startDay: string): Occurrence[] {
  const out: (Occurrence & { order: number })[] = []
  plan.steps.forEach((step, order) => {
    const offsets = step.recurrence
      ? Array.from({ length: step.recurrence.count }, (_, n) => n * step.recurrence!.everyDays)
      : [step.offsetDays ?? 0]
    offsets.forEach((offsetDays, n) =>
      out.push({ step, n, offsetDays, due: addDays(startDay, offsetDays), order }),
    )
  })
  out.sort((a, b) => a.offsetDays - b.offsetDays || a.order - b.order || a.n - b.n)
  return out.map(({ order: _order, ...o }) => o)
}

/** The deterministic id of a scheduled touch: `${enrollmentId}:${stepId}:${n}`. */
export function touchIdFor(enrollmentId: string, stepId: string, n: number): string {
  return `${enrollmentId}:${stepId}:${n}`
}

/** The repetition number of a touch from its deterministic id, or undefined for other ids. */
export function occurrenceOf(touchId: string): number | undefined {
  const tail = touchId.slice(touchId.lastIndexOf(':') + 1)
  return /^\d+$/.test(tail) ? Number(tail) : undefined
}

/** cyrb53: a 53-bit string hash, stable on every platform; short ids for follow-on enrollments. */
function hash(s: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/**
 * The deterministic id of an enrollment, so two offline devices enrolling the same contact
 * end with one record after they sync:
 * - `enr:${contactId}:${planId}:${startDay}` for an enrollment made by hand;
 * - `enr:${contactId}:${planId}:after-${hash(previousId)}` for one a rule makes to follow
 *   another (8x8 → 33 Touch, no response → 12 Direct): whatever day each device picks, the
 *   enrollment that follows E into plan P is one record.
 */
export function enrollmentIdFor(e: {
  contactId: string
  planId: string
  startDay: string
  previousId?: string
}) {
  const tail = e.previousId ? `after-${hash(e.previousId)}` : e.startDay
  return `enr:${e.contactId}:${e.planId}:${tail}`
}
