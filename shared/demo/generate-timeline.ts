import type { Channel, InteractionInput } from '../model'
import type { ContactInfo, GenContext } from './context'
import { DAY_MS } from './days'
import { EMAIL_SUBJECTS, TOPICS, summaryFor } from './phrases'

type Kind = InteractionInput['kind']

const MET_KINDS = { call: 28, email: 28, text: 12, meeting: 10, note: 12, card: 5, event: 5 }
const UNMET_KINDS = { mail: 50, email: 30, call: 8, note: 12 }
/** Mean interactions in a full year: people we have met get far more attention. */
const MEAN_MET = 14
const MEAN_UNMET = 7
const CHANNEL_OF: Partial<Record<Kind, Channel>> = {
  call: 'call',
  email: 'email',
  text: 'text',
  mail: 'mail',
  card: 'card',
  event: 'event',
  meeting: 'visit',
}
const STAGE_NEWS: Record<string, string> = {
  contacted: 'we are in touch with',
  appointment: 'we met with',
  agreement: 'we are now working with',
  'under-contract': 'we are under contract for',
  closed: 'we closed for',
  lost: 'the timing is not right yet for',
}

/**
 * A year of interactions before `start`: calls, emails, texts, notes and meetings for people
 * we have met, mostly mail and email for the rest; fewer for people we met recently. Also the
 * referral story on both timelines, with the referrer told of every stage, in positive terms.
 */
export function addInteractions(ctx: GenContext): void {
  ctx.chunked(ctx.contacts.length, ctx.batchSize, (i) => everyday(ctx, ctx.contacts[i]!))
  ctx.chunked(ctx.referrals.length, ctx.batchSize * 4, (i) => referralStory(ctx, i))
}

function everyday(ctx: GenContext, c: ContactInfo): void {
  const { rng } = ctx
  const from = Math.max(c.since, ctx.start - 365 * DAY_MS)
  const span = ctx.start - from
  const mean = (c.met ? MEAN_MET + (c.isClient ? 3 : 0) : MEAN_UNMET) * (span / (365 * DAY_MS))
  const count = Math.max(c.since > from ? 1 : 0, Math.round(rng.normal(mean, mean * 0.45)))
  for (let k = 0; k < count; k++) {
    const kind: Kind = c.met ? rng.weighted(MET_KINDS) : rng.weighted(UNMET_KINDS)
    const channel = CHANNEL_OF[kind]
    const out = kind === 'mail' || kind === 'card' || rng.chance(0.75)
    const twoWay = kind === 'call' || kind === 'email' || kind === 'text'
    const input: InteractionInput = {
      contactId: c.id,
      kind,
      at: Math.floor(from + rng.next() * span),
      summary: summaryFor(kind, rng.pick(TOPICS)),
      ...(channel ? { channel } : {}),
      ...(kind === 'note' || kind === 'meeting' || kind === 'event' ? {} : { direction: out ? 'out' : 'in' }),
      ...(twoWay && out ? { responded: rng.chance(c.met ? 0.55 : 0.08) } : {}),
      ...(kind === 'email' ? { subject: rng.pick(EMAIL_SUBJECTS) } : {}),
    }
    ctx.note(input)
  }
}

function referralStory(ctx: GenContext, i: number): void {
  const { rng } = ctx
  const r = ctx.referrals[i]!
  const from = ctx.contacts[r.referrer]!
  const to = ctx.contacts[r.referred]!
  const received = r.stageAt.received!
  ctx.note({
    contactId: from.id,
    kind: 'referral',
    at: received,
    summary: `Referred ${to.display} to us`,
    referralId: r.id,
  })
  ctx.note({
    contactId: to.id,
    kind: 'referral',
    at: received,
    summary: `Referred by ${from.display}`,
    referralId: r.id,
  })
  for (const [stage, at] of Object.entries(r.stageAt)) {
    const news = STAGE_NEWS[stage]
    if (!news) continue
    const kind = rng.chance(0.5) ? 'call' : 'text'
    ctx.note({
      contactId: from.id,
      kind,
      channel: kind,
      direction: 'out',
      at: Math.min(ctx.start - 1, at + rng.int(1, 20) * 3_600_000),
      summary: `Thanked ${from.display}: ${news} ${to.display}`,
      referralId: r.id,
    })
  }
}
