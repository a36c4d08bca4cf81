import * as Y from 'yjs'
import type { Metric } from '../types'

/** Decodes each update into a fresh Y.Doc, as a device does when it opens the team. */
function decode(updates: Uint8Array[]): Y.Doc[] {
  return updates.map((u) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, u)
    return doc
  })
}

/** How long it takes to open the team: all 17 documents, and the first shard (shards load lazily). */
export const docLoadMetrics: Metric[] = [
  {
    name: 'doc.load',
    unit: 'ms',
    async run(ctx) {
      const { updates } = await ctx.team()
      return ctx.time(() => decode(updates), { runs: 5, budgetMs: 40_000 })
    },
  },
  {
    // The team document (members, sources, plans, opt-outs) and shard 0: what a device decodes
    // before it can show the first records.
    name: 'doc.load_first_shard',
    unit: 'ms',
    async run(ctx) {
      const { updates } = await ctx.team()
      return ctx.time(() => decode(updates.slice(0, 2)), { runs: 9, budgetMs: 15_000 })
    },
  },
]
