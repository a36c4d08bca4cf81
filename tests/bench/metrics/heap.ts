import type { Metric } from '../types'

const MIB = 1024 * 1024

/** The heap a loaded team holds: heap used after decoding all its documents, minus before. */
export const heapMetrics: Metric[] = [
  {
    name: 'heap.mb',
    unit: 'mb',
    async run(ctx) {
      const team = await ctx.team()
      ctx.gc()
      ctx.gc()
      const before = process.memoryUsage().heapUsed
      const docs = team.load()
      ctx.gc()
      ctx.gc()
      const after = process.memoryUsage().heapUsed
      // Keep the documents alive until after the measure.
      if (docs.shards.length === 0) throw new Error('no shards')
      return (after - before) / MIB
    },
  },
]
