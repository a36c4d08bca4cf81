import { planSnapshot, buildToday, type PlanSnapshot } from '../../../shared/plans'
import type { Metric } from '../types'

/**
 * `today.build`: the whole team's Today list (due and overdue pending touches, grouped by
 * channel, scripts filled, opted-out contacts left out) on the generated team's start day.
 * It times the pure `buildToday` over plain arrays, as the PWA will run it over the Dexie read
 * model; reading the arrays out of the Yjs documents (`planSnapshot`) is done once, untimed.
 */
export const todayBuildMetrics: Metric[] = [
  {
    name: 'today.build',
    unit: 'ms',
    async run(ctx) {
      const team = await ctx.team()
      const snapshot = await ctx.memo<PlanSnapshot>('plans.snapshot', () => planSnapshot(team.repo()))
      const today = buildToday(snapshot, { day: team.start })
      if (today.total === 0) throw new Error(`today.build: no touch due on ${team.start}`)
      return ctx.time(() => buildToday(snapshot, { day: team.start }), { runs: 9, budgetMs: 15_000 })
    },
  },
]
