import { REFERRAL_STAGES, type InputOf } from '../model'
import type { ContactInfo, GenContext } from './context'
import { DAY_MS } from './days'
import { HOME_NEEDS } from './phrases'

const HOUR_MS = 3_600_000
const STAGE_WEIGHTS = {
  received: 8,
  contacted: 10,
  appointment: 10,
  agreement: 7,
  'under-contract': 7,
  closed: 33,
  lost: 25,
}
const OPEN_STAGES = REFERRAL_STAGES.filter((s) => s !== 'lost')

/** A referral decided before its referred contact is written. */
export interface ReferralPlan {
  need: string
  receivedAt: number
  stage: string
  stageAt: Record<string, number>
  side: 'buyer' | 'seller'
  value?: number
}

/** A home price in cents: mostly $400k–$900k, a few above a million. */
export function homePrice(ctx: GenContext): number {
  const dollars = Math.min(
    2_500_000,
    Math.max(250_000, Math.round(ctx.rng.normal(640_000, 210_000) / 1000) * 1000),
  )
  return dollars * 100
}

/**
 * Picks a referral's need, dates and stage, and updates what the referred contact is: met
 * once there was an appointment, a client once it closed.
 */
function plan(ctx: GenContext, referred: ContactInfo): ReferralPlan {
  const { rng } = ctx
  const receivedAt = ctx.start - rng.int(1, 364) * DAY_MS + rng.int(8, 19) * HOUR_MS
  const target = rng.weighted(STAGE_WEIGHTS)
  const path =
    target === 'lost'
      ? [...OPEN_STAGES.slice(0, rng.int(1, 4)), 'lost']
      : OPEN_STAGES.slice(0, OPEN_STAGES.indexOf(target) + 1)
  const stageAt: Record<string, number> = {}
  let stage = 'received'
  let t = receivedAt
  for (const s of path) {
    if (s !== 'received') t += rng.int(2, 24) * DAY_MS + rng.int(0, 8) * HOUR_MS
    if (t >= ctx.start) break
    stageAt[s] = t
    stage = s
  }
  const side = rng.chance(0.62) ? 'buyer' : 'seller'
  referred.since = receivedAt
  referred.met = 'appointment' in stageAt
  if (stage === 'closed') {
    referred.isClient = true
    referred.side = side
    if (rng.chance(0.3)) referred.rel = 'advocate'
  }
  return {
    need: rng.pick(HOME_NEEDS),
    receivedAt,
    stage,
    stageAt,
    side,
    ...(stage === 'closed' ? { value: homePrice(ctx) } : {}),
  }
}

/**
 * Writes a planned referral from contact `referrer` to contact `referred` (indexes into
 * `ctx.contacts`); about a quarter start as a CARE introduction the referrer asked for.
 */
function write(ctx: GenContext, p: ReferralPlan, referrer: number, referred: number): void {
  const { rng } = ctx
  const from = ctx.contacts[referrer]!
  const to = ctx.contacts[referred]!
  const introId = rng.chance(0.25) ? writeIntro(ctx, p, from, to) : undefined
  const input: InputOf<'referrals'> = {
    referrerId: from.id,
    referredId: to.id,
    need: p.need,
    relationshipType: from.rel ?? 'other',
    stage: p.stage as InputOf<'referrals'>['stage'],
    stageAt: p.stageAt,
    receivedAt: p.receivedAt,
    ...(p.value ? { value: p.value } : {}),
    side: p.side,
    memberId: to.owner,
    sourceId: ctx.sources.get(to.source),
    ...(introId ? { introId } : {}),
  }
  const id = ctx.put('referrals', input)
  if (!id) return
  if (introId) ctx.repo.update('intros', introId, { referralId: id })
  ctx.referrals.push({
    id,
    referrer,
    referred,
    stage: p.stage,
    stageAt: p.stageAt,
    side: p.side,
    value: p.value,
  })
}

function writeIntro(
  ctx: GenContext,
  p: ReferralPlan,
  from: ContactInfo,
  to: ContactInfo,
): string | undefined {
  const { rng } = ctx
  const asked = p.receivedAt - rng.int(1, 4) * DAY_MS
  const outcome = p.stage === 'closed' ? 'worked' : p.stage === 'lost' ? 'did-not' : 'pending'
  return ctx.put('intros', {
    partyA: from.id,
    partyB: to.id,
    need: { text: p.need, urgency: rng.pick(['now', 'soon', 'soon', 'later'] as const) },
    consentA: { at: asked, how: 'call', by: to.owner },
    consentB: {
      at: asked + rng.int(2, 30) * HOUR_MS,
      how: rng.pick(['call', 'text', 'email'] as const),
      by: to.owner,
    },
    relevance: `${from.display} knows them well and trusts us with ${p.side === 'buyer' ? 'buying' : 'selling'}`,
    exit: { followUpDays: rng.pick([14, 30, 45]) },
    outcome,
    checklist: {
      preferredContactB: rng.pick(['text', 'call', 'email']),
      bestTimeB: rng.pick(['mornings', 'evenings', 'weekends']),
      productOrService: p.side === 'buyer' ? 'buyer representation' : 'listing their home',
      howToBook: 'text to set a call',
      ...(rng.chance(0.5) ? { budget: `up to $${Math.round(homePrice(ctx) / 100_000)}k` } : {}),
    },
    requestedBy: from.id,
  })
}

/** Referrals grown with the contacts: `plan` before the referred contact is written, `write` after. */
export const addReferral = { plan, write }
