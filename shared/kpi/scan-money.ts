import type { RecordOf } from '../model/index'
import {
  costAttribution,
  dealAttribution,
  isDeleted,
  isUnfiltered,
  matches,
  rewardAttribution,
  type Attribution,
  type KpiContext,
} from './context'
import { dayInPeriod, inPeriod } from './period'

/** The deal side of the measures, from one pass over the deals. */
export interface DealScan {
  /** Closed deals with `closedOn` in the period. */
  closed: number
  /** Of those, the deals whose income is known, and the sum of that income in cents. */
  withIncome: number
  income: number
  /** Distinct contacts with a closed deal in the period. */
  clients: number
  /** Contacts whose first closed deal ever closed in the period (and matches the filters). */
  newCustomers: number
  /** Income of the period's closed deals, by attributed source id. */
  incomeBySource: Map<string, number>
  /** Listings taken in the period (`listing` deals, dated by `created.at`), by side. */
  sellerListings: number
  buyerListings: number
}

interface FirstClose {
  day: string
  id: string
  attribution: Attribution
}

/**
 * One pass over the deals. New customers need each contact's first closed deal over all time,
 * so closed deals are looked at whatever their day; same-day ties go to the smaller deal id.
 */
export function scanDeals(ctx: KpiContext, deals: readonly RecordOf<'deals'>[]): DealScan {
  const all = isUnfiltered(ctx.filters)
  const scan: DealScan = {
    closed: 0,
    withIncome: 0,
    income: 0,
    clients: 0,
    newCustomers: 0,
    incomeBySource: new Map(),
    sellerListings: 0,
    buyerListings: 0,
  }
  const clients = new Set<string>()
  const first = new Map<string, FirstClose>()
  for (const d of deals) {
    if (isDeleted(d)) continue
    const isListing = d.listing === true && inPeriod(ctx.bounds, d.created.at)
    const isClosed = d.status === 'closed' && d.closedOn !== undefined
    if (!isListing && !isClosed) continue
    const a = dealAttribution(ctx, d)
    const ok = all || matches(ctx.filters, a)
    if (isListing && ok) {
      if (d.side === 'seller') scan.sellerListings++
      else scan.buyerListings++
    }
    if (!isClosed) continue
    const day = d.closedOn as string
    const prev = first.get(d.contactId)
    if (!prev || day < prev.day || (day === prev.day && d.id < prev.id)) {
      first.set(d.contactId, { day, id: d.id, attribution: a })
    }
    if (!ok || !dayInPeriod(ctx.bounds, day)) continue
    scan.closed++
    clients.add(d.contactId)
    if (d.income === undefined) continue
    scan.withIncome++
    scan.income += d.income
    if (a.sourceId !== undefined) {
      scan.incomeBySource.set(a.sourceId, (scan.incomeBySource.get(a.sourceId) ?? 0) + d.income)
    }
  }
  scan.clients = clients.size
  for (const f of first.values()) {
    if (dayInPeriod(ctx.bounds, f.day) && (all || matches(ctx.filters, f.attribution))) scan.newCustomers++
  }
  return scan
}

/** The cost side of the measures, from one pass over costs and one over rewards. */
export interface CostScan {
  /** Every cost and every reward dated in the period, in cents. */
  program: number
  /** Costs of the `marketing` category dated in the period. */
  marketing: number
  /** Costs and rewards by attributed source id. */
  bySource: Map<string, number>
}

/**
 * Sums costs (by `day`) and rewards (by `day`, given or promised). Costs carry no member, so
 * callers refuse the member filter before scanning.
 */
export function scanCosts(
  ctx: KpiContext,
  costs: readonly RecordOf<'costs'>[],
  rewards: readonly RecordOf<'rewards'>[],
): CostScan {
  const all = isUnfiltered(ctx.filters)
  const scan: CostScan = { program: 0, marketing: 0, bySource: new Map() }
  const add = (a: Attribution, amount: number) => {
    scan.program += amount
    if (a.sourceId !== undefined) scan.bySource.set(a.sourceId, (scan.bySource.get(a.sourceId) ?? 0) + amount)
  }
  for (const c of costs) {
    if (isDeleted(c) || !dayInPeriod(ctx.bounds, c.day)) continue
    const a = costAttribution(ctx, c)
    if (!all && !matches(ctx.filters, a)) continue
    add(a, c.amount)
    if (c.category === 'marketing') scan.marketing += c.amount
  }
  for (const w of rewards) {
    if (isDeleted(w) || !dayInPeriod(ctx.bounds, w.day)) continue
    const a = rewardAttribution(ctx, w)
    if (!all && !matches(ctx.filters, a)) continue
    add(a, w.cost)
  }
  return scan
}
