import type { Channel, PlanData } from '../model'
import { expandPlan, occurrenceOf } from './schedule'

/** The order channels are shown in on the Today list: the personal ones first. */
export const CHANNEL_ORDER: readonly Channel[] = [
  'call',
  'text',
  'visit',
  'email',
  'card',
  'gift',
  'mail',
  'event',
]

const VERBS: Record<Channel, string> = {
  call: 'Call',
  text: 'Text',
  email: 'Email',
  mail: 'Mail',
  card: 'Send a card to',
  gift: 'Bring a gift to',
  visit: 'Visit',
  event: 'Invite',
}

/** The verb that starts a touch's summary: "Call", "Send a card to"… */
export function channelVerb(channel: Channel): string {
  return VERBS[channel] ?? 'Contact'
}

type PlanLike = Pick<PlanData, 'name' | 'steps'>
const spans = new WeakMap<object, number>()

/** The last day offset of a plan (memoised per plan object). */
function spanOf(plan: PlanLike): number {
  let span = spans.get(plan)
  if (span === undefined) {
    span = Math.max(0, ...expandPlan(plan, '2000-01-01').map((o) => o.offsetDays))
    spans.set(plan, span)
  }
  return span
}

/**
 * Where a touch falls in its plan: `day 1`…`day 7`, then `week n` in plans of ten weeks or
 * less (8x8), `month n` in longer ones (33 Touch, 12 Direct).
 */
export function periodLabel(offsetDays: number, planSpanDays: number): string {
  if (planSpanDays > 70) return `month ${Math.floor(offsetDays / 30) + 1}`
  return offsetDays < 7 ? `day ${offsetDays + 1}` : `week ${Math.floor(offsetDays / 7)}`
}

/**
 * A touch's place in its plan, e.g. `8x8 week 2`, from its step and repetition (read from the
 * deterministic touch id). Just the plan's name when the step is gone from an edited plan.
 */
export function touchPlanLabel(touch: { id: string; stepId?: string }, plan: PlanLike): string {
  const step = plan.steps.find((s) => s.id === touch.stepId)
  const n = occurrenceOf(touch.id) ?? 0
  if (!step) return plan.name
  const offset = step.recurrence ? n * step.recurrence.everyDays : (step.offsetDays ?? 0)
  return `${plan.name} ${periodLabel(offset, spanOf(plan))}`
}

/** A one-line summary: `Call Dana Whitfield — 8x8 week 2`, or `… — <title>` for a touch with no plan. */
export function touchSummary(
  touch: { id: string; stepId?: string; channel: Channel; title: string },
  contactName: string,
  plan?: PlanLike,
): string {
  return `${channelVerb(touch.channel)} ${contactName} — ${plan ? touchPlanLabel(touch, plan) : touch.title}`
}
