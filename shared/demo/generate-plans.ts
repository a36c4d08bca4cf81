import type { Channel, InputOf, PlanStep } from '../model'
import type { ContactInfo, GenContext } from './context'
import { DAY_MS, dayOf, dayStart } from './days'

type StepInput = InputOf<'plans'>['steps'][number]
const TITLES: Record<Channel, string> = {
  email: 'Market newsletter email',
  call: 'Personal check-in call',
  mail: 'Mailed market report',
  card: 'Occasion card',
  gift: 'Home-anniversary gift',
  text: 'Quick text check-in',
  visit: 'Drop-by visit',
  event: 'Client event invitation',
}

const step = (n: number, offsetDays: number, channel: Channel, title = TITLES[channel]): StepInput => ({
  id: `s${n}`,
  offsetDays,
  channel,
  title,
  assigneeRole: channel === 'mail' || channel === 'email' ? 'assistant' : 'owner',
})

const CHANNELS_33: Channel[] = [
  'email',
  'call',
  'mail',
  'email',
  'card',
  'call',
  'email',
  'mail',
  'event',
  'text',
  'email',
]
const CHANNELS_8X8: Channel[] = ['email', 'call', 'mail', 'text', 'gift', 'call', 'mail', 'call']

/** Touch-plan templates in the spirit of 002/003; stand-ins until the team edits them. */
const PLANS: (InputOf<'plans'> & { builtin: NonNullable<InputOf<'plans'>['builtin']> })[] = [
  {
    name: '8x8 — new Met contacts',
    builtin: '8x8',
    description: 'Eight meaningful touches in eight weeks, to become their first choice.',
    steps: CHANNELS_8X8.map((c, i) => step(i + 1, i * 7, c, `8x8 week ${i + 1}: ${TITLES[c].toLowerCase()}`)),
  },
  {
    name: '33 Touch — Met database',
    builtin: '33-touch',
    description: 'Thirty-three touches a year: newsletters, mail, cards, calls and events.',
    steps: Array.from({ length: 33 }, (_, i) =>
      step(i + 1, Math.round((i * 365) / 33), CHANNELS_33[i % CHANNELS_33.length]!),
    ),
  },
  {
    name: '12 Direct — farm and Haven’t Met',
    builtin: '12-direct',
    description: 'A direct-mail piece every month.',
    steps: Array.from({ length: 12 }, (_, i) =>
      step(i + 1, i * 30, 'mail', `Direct mail piece ${i + 1} of 12`),
    ),
  },
]

/** Writes the three plan templates. */
export function addPlans(ctx: GenContext): void {
  ctx.repo.batch(() => {
    for (const p of PLANS) {
      const id = ctx.put('plans', p)
      if (id) ctx.plans.set(p.builtin, id)
    }
  })
}

/** Days either side of `start` for which touches are materialised as tasks. */
const WINDOW_DAYS = 7

/**
 * Opts a few people out (every plan of theirs stops), enrolls most contacts in a plan (8x8
 * for the newly met, 33 Touch for the Met database, 12 Direct for the rest) and writes the
 * touches due in the fortnight around `start`: the past week's mostly done, the next week's pending.
 */
export function addEnrollments(ctx: GenContext): void {
  const { rng } = ctx
  ctx.chunked(ctx.contacts.length, ctx.batchSize, (i) => {
    const c = ctx.contacts[i]!
    if (!c.met && rng.chance(0.012)) {
      const r = ctx.repo.optOut(c.id, {
        channel: rng.chance(0.8) ? 'all' : 'mail',
        reason: 'Asked to stop the mailings',
      })
      if (r.ok) {
        c.optedOut = true
        ctx.summary.optOuts++
        ctx.summary.interactions++
      }
    }
    if (!rng.chance(0.85)) return
    const fresh = c.met && ctx.start - c.since < 56 * DAY_MS
    const key = fresh ? '8x8' : c.met ? '33-touch' : '12-direct'
    const plan = PLANS.find((p) => p.builtin === key)!
    const planId = ctx.plans.get(key)
    if (!planId) return
    const startAt = fresh ? dayStart(dayOf(c.since)) : ctx.start - rng.int(0, 364) * DAY_MS
    const enrollmentId = ctx.put('enrollments', {
      contactId: c.id,
      planId,
      startDay: dayOf(startAt),
      memberId: c.owner,
      ...(c.optedOut ? { status: 'stopped', stoppedReason: 'Opted out' } : {}),
    })
    if (enrollmentId && !c.optedOut) addTouches(ctx, c, plan.steps, startAt, planId, enrollmentId)
  })
}

function addTouches(
  ctx: GenContext,
  c: ContactInfo,
  steps: StepInput[],
  startAt: number,
  planId: string,
  enrollmentId: string,
): void {
  const { rng } = ctx
  const assistant = ctx.members.find((m) => m.role === 'assistant')?.id ?? c.owner
  for (const s of steps) {
    const due = startAt + (s.offsetDays ?? 0) * DAY_MS
    if (Math.abs(due - ctx.start) > WINDOW_DAYS * DAY_MS) continue
    const past = due < ctx.start
    const outcome = past ? rng.weighted({ done: 75, skipped: 10, pending: 15 }) : 'pending'
    const doneAt = due + rng.int(9, 17) * 3_600_000
    const touchId = ctx.put('touches', {
      contactId: c.id,
      enrollmentId,
      planId,
      stepId: s.id,
      due: dayOf(due),
      channel: s.channel,
      title: s.title,
      assignee: (s.assigneeRole as PlanStep['assigneeRole']) === 'assistant' ? assistant : c.owner,
      status: outcome,
      ...(outcome === 'done' ? { doneAt } : {}),
    })
    if (touchId && outcome === 'done') {
      ctx.note({
        contactId: c.id,
        kind: s.channel,
        channel: s.channel,
        at: doneAt,
        summary: s.title,
        direction: 'out',
        touchId,
      })
    }
  }
}
