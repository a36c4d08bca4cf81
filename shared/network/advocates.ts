import type Graph from 'graphology-types'
import { periodBounds, type KpiData, type KpiOptions, type KpiPeriod } from '../kpi/index'
import type { BetweennessOptions } from './betweenness'
import { networkMetrics, type NetworkMetrics } from './metrics'

/** Options of `suggestCoreAdvocates`. */
export interface SuggestCoreAdvocatesOptions extends BetweennessOptions {
  /**
   * Referrals a contact must have sent (all time) to be suggested.
   * @default 3
   */
  minReferrals?: number
  /**
   * How many suggestions to return.
   * @default 10
   */
  topN?: number
  /**
   * How central a contact must be: its degree or its betweenness percentile must reach this.
   * @default 0.75
   */
  minPercentile?: number
  /** Metrics already computed for this graph, to avoid computing betweenness again. */
  metrics?: NetworkMetrics
}

/** A contact who looks like a Core Advocate, with the figures that say why. */
export interface CoreAdvocateSuggestion {
  contactId: string
  name: string
  referralsSent: number
  degree: number
  /** Normalized betweenness, and its raw pair count. */
  betweenness: number
  betweennessRaw: number
  /** Share of the other contacts in the network with a lower degree / betweenness (0…1). */
  degreePercentile: number
  betweennessPercentile: number
  /** Mean of the two percentiles; the ranking key. */
  score: number
}

/** Share of the values strictly below x, over the n − 1 others (ties share a percentile). */
function percentileOf(sorted: Float64Array, x: number): number {
  if (sorted.length <= 1) return 1
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo / (sorted.length - 1)
}

function countSent(referrals: KpiData['referrals'], before = Number.POSITIVE_INFINITY) {
  const sent = new Map<string, { count: number; last: number }>()
  for (const r of referrals) {
    if (r.deleted != null || r.receivedAt >= before) continue
    const s = sent.get(r.referrerId)
    if (s) {
      s.count++
      s.last = Math.max(s.last, r.receivedAt)
    } else sent.set(r.referrerId, { count: 1, last: r.receivedAt })
  }
  return sent
}

/**
 * Contacts likely to be Core Advocates (000 §1): central in the network (degree or betweenness
 * in the top quarter by default) AND at least `minReferrals` referrals sent, not already typed
 * core-advocate. Ranked by the mean of their degree and betweenness percentiles, then by
 * referrals sent, then by id.
 * @throws NetworkGraphError when the graph is not simple and undirected
 */
export function suggestCoreAdvocates(
  data: Pick<KpiData, 'contacts' | 'referrals'>,
  graph: Graph,
  options: SuggestCoreAdvocatesOptions = {},
): CoreAdvocateSuggestion[] {
  const { minReferrals = 3, topN = 10, minPercentile = 0.75 } = options
  const metrics = options.metrics ?? networkMetrics(graph, options)
  const all = Object.values(metrics.nodes)
  const degrees = Float64Array.from(all, (m) => m.degree).sort()
  const betweens = Float64Array.from(all, (m) => m.betweenness).sort()
  const sent = countSent(data.referrals)
  const out: CoreAdvocateSuggestion[] = []
  for (const c of data.contacts) {
    const m = metrics.nodes[c.id]
    const referralsSent = sent.get(c.id)?.count ?? 0
    if (c.deleted != null || !m || referralsSent < minReferrals) continue
    if (c.class?.relationshipType === 'core-advocate') continue
    const degreePercentile = percentileOf(degrees, m.degree)
    const betweennessPercentile = percentileOf(betweens, m.betweenness)
    if (Math.max(degreePercentile, betweennessPercentile) < minPercentile) continue
    out.push({
      contactId: c.id,
      name: c.name.display,
      referralsSent,
      degree: m.degree,
      betweenness: m.betweenness,
      betweennessRaw: m.betweennessRaw,
      degreePercentile,
      betweennessPercentile,
      score: (degreePercentile + betweennessPercentile) / 2,
    })
  }
  out.sort(
    (a, b) =>
      b.score - a.score ||
      b.referralsSent - a.referralsSent ||
      (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0),
  )
  return out.slice(0, Math.max(0, topN))
}

/** An Allied Resource who sent nothing in the review period. */
export interface SilentAlliedResource {
  contactId: string
  name: string
  /** When their last referral before the period's end arrived (ms), or null if never. */
  lastReferralAt: number | null
  /** Referrals they sent before the period's end. */
  referralsBefore: number
}

/**
 * Contacts typed allied-resource, existing at the period's end, who sent no referral received
 * in the period: the ones to Educate → Ask → Reward again. Never-referrers first, then the
 * longest silent, then by name.
 * @returns the list, or null when the period is malformed or ends before it starts
 */
export function silentAlliedResources(
  data: Pick<KpiData, 'contacts' | 'referrals'>,
  period: KpiPeriod,
  options: Pick<KpiOptions, 'dayStart'> = {},
): SilentAlliedResource[] | null {
  const b = periodBounds(period, options.dayStart)
  if (!b) return null
  const sent = countSent(data.referrals, b.end)
  const out: SilentAlliedResource[] = []
  for (const c of data.contacts) {
    if (c.deleted != null || c.class?.relationshipType !== 'allied-resource' || c.created.at >= b.end)
      continue
    const s = sent.get(c.id)
    if (s && s.last >= b.start) continue
    out.push({
      contactId: c.id,
      name: c.name.display,
      lastReferralAt: s?.last ?? null,
      referralsBefore: s?.count ?? 0,
    })
  }
  const since = (s: SilentAlliedResource) => s.lastReferralAt ?? -1
  return out.sort((x, y) => since(x) - since(y) || x.name.localeCompare(y.name))
}
