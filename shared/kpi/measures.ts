import type { RelationshipType } from '../model/index'
import type { KpiContext } from './context'
import type { DealScan, CostScan } from './scan-money'
import type { EnrollmentScan, LeadScan, ReferralScan, SurveyScan } from './scan-people'
import { noData, ratio, value, type Metric } from './types'

// The formulas of DOMAIN.md "Measures (KPIs)", applied to the scans. Money results are
// rounded to whole cents; rates are percentages unless said otherwise.

const NO_MEMBER_COSTS = 'costs are not recorded per team member'
const DAYS_PER_YEAR = 365.25

/** Referrals received in the period ÷ contacts existing at its end × 100. */
export function referralRateOf(existing: number, r: ReferralScan): Metric {
  return ratio(r.received, existing, 'no contacts existed at the end of the period', 100)
}

/** Referrals received in the period that are now closed ÷ referrals received × 100. */
export function conversionRateOf(r: ReferralScan): Metric {
  return ratio(r.closed, r.received, 'no referrals were received in the period', 100)
}

/** Referrals received per relationship type: value = count, denominator = all received. */
export function referralsBySourceTypeOf(r: ReferralScan): Record<RelationshipType, Metric> {
  const each = (n: number) =>
    r.received === 0 ? noData('no referrals were received in the period') : value(n, n, r.received)
  return {
    'allied-resource': each(r.byType['allied-resource']),
    advocate: each(r.byType.advocate),
    'core-advocate': each(r.byType['core-advocate']),
    other: each(r.byType.other),
  }
}

/** Mean income of the deals closed in the period whose income is known, in cents. */
export function averageCustomerValueOf(d: DealScan): Metric {
  if (d.withIncome === 0) return noData('no deal with a known income closed in the period')
  return value(Math.round(d.income / d.withIncome), d.income, d.withIncome)
}

/**
 * CLV = average transaction value × transactions per client in the period × retention periods,
 * where retention periods = retention years × 365.25 ÷ days in the period. Short periods
 * overstate the transactions per client (a client in the period has at least one): read CLV
 * over a year.
 */
export function customerLifetimeValueOf(ctx: KpiContext, d: DealScan): Metric {
  if (!(ctx.retentionYears > 0) || !Number.isFinite(ctx.retentionYears)) {
    return noData('the retention must be a positive number of years')
  }
  if (d.withIncome === 0) return noData('no deal with a known income closed in the period')
  const averageTransactionValue = d.income / d.withIncome
  const transactionsPerClient = d.closed / d.clients
  const retentionPeriods = (ctx.retentionYears * DAYS_PER_YEAR) / ctx.bounds.days
  return value(
    Math.round(averageTransactionValue * transactionsPerClient * retentionPeriods),
    undefined,
    undefined,
    {
      averageTransactionValue,
      transactionsPerClient,
      retentionPeriods,
    },
  )
}

/**
 * CAC = program cost (costs + rewards dated in the period) ÷ new customers (contacts whose
 * first closed deal closed in the period). No recorded cost is no data, not a free customer.
 */
export function customerAcquisitionCostOf(ctx: KpiContext, c: CostScan, d: DealScan): Metric {
  if (ctx.filters.memberId !== undefined) return noData(NO_MEMBER_COSTS)
  if (d.newCustomers === 0) return noData('no new customer in the period')
  if (c.program === 0) return noData('no program cost was recorded in the period')
  return value(Math.round(c.program / d.newCustomers), c.program, d.newCustomers)
}

/** CPL = marketing costs dated in the period ÷ leads received in the period. */
export function costPerLeadOf(ctx: KpiContext, c: CostScan, l: LeadScan): Metric {
  if (ctx.filters.memberId !== undefined) return noData(NO_MEMBER_COSTS)
  if (l.received === 0) return noData('no leads were received in the period')
  if (c.marketing === 0) return noData('no marketing cost was recorded in the period')
  return value(Math.round(c.marketing / l.received), c.marketing, l.received)
}

/**
 * ROI per source = (income of deals attributed to the source − its costs and rewards) ÷ its
 * costs and rewards, as a ratio (0.5 = 50 %). Keys: every source entry the filters allow, and
 * any other source id that carries money in the period.
 */
export function roiBySourceOf(ctx: KpiContext, c: CostScan, d: DealScan): Record<string, Metric> {
  const f = ctx.filters
  const ids = new Set<string>()
  for (const s of ctx.sources.values()) {
    if (f.sourceId !== undefined && s.id !== f.sourceId) continue
    if (f.relationshipType !== undefined && s.relationshipType !== f.relationshipType) continue
    ids.add(s.id)
  }
  for (const id of c.bySource.keys()) ids.add(id)
  for (const id of d.incomeBySource.keys()) ids.add(id)
  const out: Record<string, Metric> = {}
  for (const id of [...ids].sort()) {
    const cost = c.bySource.get(id) ?? 0
    const income = d.incomeBySource.get(id) ?? 0
    if (f.memberId !== undefined) out[id] = noData(NO_MEMBER_COSTS)
    else if (cost === 0) out[id] = noData('no cost was recorded for this source in the period')
    else out[id] = value((income - cost) / cost, income - cost, cost, { income, cost })
  }
  return out
}

/** NPS = % promoters (9–10) − % detractors (0–6) over the period's answers, −100…100. */
export function npsOf(s: SurveyScan): Metric {
  const n = s.promoters + s.passives + s.detractors
  if (n === 0) return noData('no survey answers in the period')
  return value(((s.promoters - s.detractors) / n) * 100, s.promoters - s.detractors, n, { ...s })
}

/** Seller and buyer listings taken in the period, seller ÷ buyer, and the seller share in %. */
export interface ListingsBalance {
  sellers: Metric
  buyers: Metric
  ratio: Metric
  sellerShare: Metric
}

/** Counts (denominator: all listings), seller ÷ buyer ratio, and seller share × 100. */
export function listingsBalanceOf(d: DealScan): ListingsBalance {
  const s = d.sellerListings
  const b = d.buyerListings
  const total = s + b
  if (total === 0) {
    const none = noData('no listings were taken in the period')
    return { sellers: none, buyers: none, ratio: none, sellerShare: none }
  }
  return {
    sellers: value(s, s, total),
    buyers: value(b, b, total),
    ratio: ratio(s, b, 'no buyer listings in the period'),
    sellerShare: ratio(s, total, 'no listings were taken in the period', 100),
  }
}

/** Median and mean delay from a lead's arrival to its first contact, in ms. */
export interface TimeToFirstContact {
  median: Metric
  mean: Metric
}

/** Over the leads received in the period that have a first contact; `parts` tells how many have not. */
export function timeToFirstContactOf(l: LeadScan): TimeToFirstContact {
  const k = l.delays.length
  if (k === 0) {
    const none = noData(
      l.received === 0 ? 'no leads were received in the period' : 'no lead of the period was contacted',
    )
    return { median: none, mean: none }
  }
  const sorted = Float64Array.from(l.delays).sort()
  const mid = k >> 1
  const median = k % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  let sum = 0
  for (const x of l.delays) sum += x
  const parts = { received: l.received, contacted: k }
  return { median: value(median, undefined, k, parts), mean: value(sum / k, sum, k, parts) }
}

/** Enrollments completed ÷ enrollments ended (completed or stopped) in the period × 100. */
export function planCompletionRateOf(e: EnrollmentScan): Metric {
  return ratio(e.completed, e.completed + e.stopped, 'no enrollment ended in the period', 100)
}
