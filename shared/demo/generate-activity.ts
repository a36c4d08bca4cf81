import type { InputOf } from '../model'
import type { ContactInfo, GenContext, ReferralInfo, SourceKey } from './context'
import { DAY_MS, dayOf, monthsBefore } from './days'
import { homePrice } from './generate-referral'
import { SURVEY_COMMENTS } from './phrases'

/** Monthly spend per source, in cents, for a team of about 1,000 contacts. */
const MONTHLY_COSTS: Partial<
  Record<SourceKey, { amount: number; category: InputOf<'costs'>['category']; note: string }>
> = {
  zillow: { amount: 120_000, category: 'marketing', note: 'Zillow Premier Agent' },
  farm: { amount: 45_000, category: 'mail', note: 'Farm postcards' },
  'open-house': { amount: 18_000, category: 'event', note: 'Open house signs and snacks' },
  website: { amount: 6_000, category: 'software', note: 'Website hosting and IDX feed' },
  linkedin: { amount: 3_999, category: 'marketing', note: 'LinkedIn Premium' },
  'past-clients': { amount: 25_000, category: 'event', note: 'Client appreciation' },
  allied: { amount: 8_000, category: 'other', note: 'Lunch with allied partners' },
}

/** Gross commission income on a deal: 2.5–3% of the price. */
const incomeOf = (ctx: GenContext, value: number) => Math.round((value * ctx.rng.int(250, 300)) / 10_000)

/** Rewards for every referral (the act, at once), a bigger one when it closes, and deals. */
export function addReferralOutcomes(ctx: GenContext): void {
  const { rng } = ctx
  ctx.chunked(ctx.referrals.length, ctx.batchSize, (i) => {
    const r = ctx.referrals[i]!
    const referrer = ctx.contacts[r.referrer]!
    const referred = ctx.contacts[r.referred]!
    const thanks = rng.chance(0.6)
    ctx.put('rewards', {
      contactId: referrer.id,
      referralId: r.id,
      reason: 'referral-made',
      kind: thanks ? 'thank-you' : 'card',
      description: thanks ? 'Thank-you note and coffee card' : 'Handwritten card',
      cost: thanks ? rng.int(10, 25) * 100 : rng.int(3, 8) * 100,
      day: dayOf(r.stageAt.received! + rng.int(0, 2) * DAY_MS),
      given: r.stageAt.received! < ctx.start - 3 * DAY_MS || rng.chance(0.5),
    })
    if (r.stage === 'closed') closedReferral(ctx, r, referrer, referred)
    else if (r.stage === 'under-contract') {
      deal(ctx, referred, { side: r.side, status: 'open', value: homePrice(ctx), referralId: r.id })
    }
  })
}

function closedReferral(
  ctx: GenContext,
  r: ReferralInfo,
  referrer: ContactInfo,
  referred: ContactInfo,
): void {
  const { rng } = ctx
  const day = dayOf(r.stageAt.closed!)
  const experience = rng.chance(0.3)
  ctx.put('rewards', {
    contactId: referrer.id,
    referralId: r.id,
    reason: 'referral-closed',
    kind: experience ? 'experience' : 'gift',
    description: experience ? 'Dinner for two' : 'Gift basket from a local shop',
    cost: rng.int(100, 300) * 100,
    day,
    given: rng.chance(0.9),
  })
  // The referred person's welcome gift stays smaller than the referrer's reward (002).
  ctx.put('rewards', {
    contactId: referred.id,
    referralId: r.id,
    reason: 'other',
    kind: 'gift',
    description: 'Welcome-home gift',
    cost: rng.int(40, 90) * 100,
    day,
    given: true,
  })
  deal(ctx, referred, {
    side: r.side,
    status: 'closed',
    value: r.value ?? homePrice(ctx),
    closedOn: day,
    referralId: r.id,
  })
}

function deal(
  ctx: GenContext,
  c: ContactInfo,
  d: Omit<InputOf<'deals'>, 'contactId'> & { value: number },
): void {
  ctx.put('deals', {
    contactId: c.id,
    ...d,
    ...(d.status === 'closed' ? { income: incomeOf(ctx, d.value) } : {}),
    sourceId: ctx.sources.get(c.source),
    memberId: c.owner,
    listing: d.side === 'seller',
  })
}

/**
 * Deals of converted leads and of past clients (closed up to three years back), CARE
 * introductions between clients and allied resources, and NPS survey answers.
 */
export function addClientActivity(ctx: GenContext): void {
  const { rng } = ctx
  const allied = ctx.contacts.filter((c) => c.trade)
  const met = ctx.contacts.filter((c) => c.met && !c.trade)
  ctx.chunked(ctx.contacts.length, ctx.batchSize, (i) => {
    const c = ctx.contacts[i]!
    const side = c.side ?? 'buyer'
    if (c.convertedAt !== undefined) {
      const closedAt = c.convertedAt + rng.int(25, 70) * DAY_MS
      if (closedAt < ctx.start)
        deal(ctx, c, { side, status: 'closed', value: homePrice(ctx), closedOn: dayOf(closedAt) })
      else deal(ctx, c, { side, status: 'open', value: homePrice(ctx) })
    } else if (c.source === 'past-clients' && rng.chance(0.45)) {
      deal(ctx, c, {
        side,
        status: 'closed',
        value: homePrice(ctx),
        closedOn: dayOf(ctx.start - rng.int(30, 1095) * DAY_MS),
      })
    }
    if (c.isClient && rng.chance(0.35)) survey(ctx, c)
    if (allied.length && met.length && rng.chance(0.02)) alliedIntro(ctx, rng.pick(met), rng.pick(allied))
  })
}

function survey(ctx: GenContext, c: ContactInfo): void {
  const { rng } = ctx
  const score = Number(
    rng.weighted({ 10: 30, 9: 25, 8: 15, 7: 10, 6: 6, 5: 5, 4: 3, 3: 2, 2: 2, 1: 1, 0: 1 }),
  )
  const band = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor'
  const from = Math.max(c.convertedAt ?? c.since, ctx.start - 365 * DAY_MS)
  ctx.put('surveys', {
    contactId: c.id,
    day: dayOf(from + rng.next() * (ctx.start - from)),
    score,
    comment: rng.chance(0.6) ? rng.pick(SURVEY_COMMENTS[band]) : '',
  })
}

function alliedIntro(ctx: GenContext, client: ContactInfo, partner: ContactInfo): void {
  const { rng } = ctx
  const trade = partner.trade!
  const asked = ctx.start - rng.int(3, 360) * DAY_MS
  const both = rng.chance(0.8)
  const consentB = both || rng.chance(0.5)
  const followUp = rng.pick([7, 14, 30])
  const due = asked + followUp * DAY_MS < ctx.start
  ctx.put('intros', {
    partyA: client.id,
    partyB: partner.id,
    need: { text: `Needs ${trade.need}`, urgency: rng.pick(['now', 'soon', 'later'] as const) },
    consentA: both ? { at: asked, how: 'call', by: client.owner } : null,
    consentB: consentB ? { at: asked + rng.int(1, 48) * 3_600_000, how: 'email', by: client.owner } : null,
    relevance: `${partner.display} is our trusted ${trade.tag}`,
    exit: { followUpDays: followUp },
    outcome:
      both && due ? rng.pick(['worked', 'worked', 'worked', 'did-not', 'unknown'] as const) : 'pending',
    checklist: { productOrService: trade.need, preferredContactA: 'text', bestTimeA: 'after 5pm' },
  })
}

/** A cost per source per month for the year before `start`, scaled gently with the team's size. */
export function addCosts(ctx: GenContext): void {
  const scale = Math.max(0.5, Math.sqrt(ctx.contacts.length / 1000))
  const months = monthsBefore(ctx.start, 12)
  ctx.repo.batch(() => {
    for (const day of months) {
      for (const [key, cost] of Object.entries(MONTHLY_COSTS)) {
        const sourceId = ctx.sources.get(key as SourceKey)
        if (!sourceId || !cost) continue
        const jitter = 0.85 + ctx.rng.next() * 0.3
        ctx.put('costs', {
          day,
          amount: Math.round((cost.amount * scale * jitter) / 100) * 100,
          category: cost.category,
          sourceId,
          note: `${cost.note} — ${day.slice(0, 7)}`,
        })
      }
    }
  })
}
