import { kpiDashboard, type KpiData } from '../../../shared/kpi'
import { betweenness, buildReferralGraph } from '../../../shared/network'
import type { Metric } from '../types'

/** The records the KPIs read, listed once from the generated team's documents (untimed). */
async function kpiData(ctx: Parameters<Metric['run']>[0]): Promise<KpiData> {
  return ctx.memo('kpi.data', async () => {
    const repo = (await ctx.team()).repo()
    const all = { includeDeleted: true }
    return {
      contacts: repo.list('contacts', all),
      referrals: repo.list('referrals', all),
      leads: repo.list('leads', all),
      deals: repo.list('deals', all),
      costs: repo.list('costs', all),
      rewards: repo.list('rewards', all),
      surveys: repo.list('surveys', all),
      touches: repo.list('touches', all),
      enrollments: repo.list('enrollments', all),
      sources: repo.list('sources', all),
      members: repo.list('members', all),
    }
  })
}

/** Above this many contacts betweenness is the seeded 200-pivot approximation (see shared/network). */
const EXACT_UP_TO = 2_000

export const kpiNetworkMetrics: Metric[] = [
  {
    // The whole dashboard over the generated year, no filter.
    name: 'kpi.dashboard',
    unit: 'ms',
    async run(ctx) {
      const data = await kpiData(ctx)
      const team = await ctx.team()
      // The year up to and including the start day (generated contacts are stamped on that day).
      const to = team.start
      const from = new Date(Date.parse(`${team.start}T00:00:00Z`) - 365 * 86_400_000)
        .toISOString()
        .slice(0, 10)
      const d = kpiDashboard(data, { from, to })
      if (d.referralRate.kind !== 'value')
        throw new Error('kpi.dashboard: no referral rate on the generated year')
      return ctx.time(() => kpiDashboard(data, { from, to }), { runs: 9 })
    },
  },
  {
    // Exact at 1k; sampled with 200 pivots from 10k on (the measured error is in shared/network's tests).
    name: 'network.betweenness',
    unit: 'ms',
    async run(ctx) {
      const data = await kpiData(ctx)
      const intros = await ctx.memo('intros', async () => (await ctx.team()).repo().list('intros'))
      const graph = buildReferralGraph({ contacts: data.contacts, referrals: data.referrals, intros })
      const options = ctx.size > EXACT_UP_TO ? { sample: 200, seed: 1 } : {}
      return ctx.time(() => betweenness(graph, options), { runs: 3, budgetMs: 60_000 })
    },
  },
]
