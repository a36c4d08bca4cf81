import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createContactSearch, createReadModel, rebuildReadModel, type ReadModel } from '../../../shared/db'
import type { BenchContext, Metric } from '../types'

/**
 * The read model in Node runs on fake-indexeddb, which is much slower than a browser's
 * IndexedDB at writing multi-entry indexes: `readmodel.rebuild` here is an upper bound.
 */
async function rebuilt(ctx: BenchContext): Promise<{ db: ReadModel; ms: number }> {
  return ctx.memo('readmodel.rebuilt', async () => {
    const docs = (await ctx.team()).load()
    const db = createReadModel({ indexedDB: new IDBFactory(), IDBKeyRange }, `bench-${ctx.size}`)
    ctx.gc()
    const t0 = ctx.now()
    await rebuildReadModel(docs, db)
    return { db, ms: ctx.now() - t0 }
  })
}

/** Queries an agent types: prefixes of 1–4 letters and whole names, Latin and Arabic. */
function queries(names: string[]): string[] {
  const out: string[] = []
  for (const [i, name] of names.entries()) {
    const first = name.split(/\s+/)[0] ?? name
    out.push(first.slice(0, 1 + (i % 4)), name)
  }
  return out
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!

async function searchTimes(ctx: BenchContext): Promise<number[]> {
  return ctx.memo('search.times', async () => {
    const { db } = await rebuilt(ctx)
    const search = createContactSearch(db)
    await search.ready
    const rows = await db.table('contacts').limit(2000).toArray()
    const names = rows.filter((_, i) => i % 20 === 0).map((r) => String(r.displayName))
    const qs = queries(names)
    for (const q of qs.slice(0, 20)) await search.search(q) // warm-up
    const times: number[] = []
    for (const q of qs) {
      const t0 = ctx.now()
      const hits = await search.search(q, { limit: 50 })
      times.push(ctx.now() - t0)
      if (hits.length === 0) throw new Error(`search: no hit for "${q}"`)
    }
    search.dispose()
    return times.sort((a, b) => a - b)
  })
}

export const readModelSearchMetrics: Metric[] = [
  { name: 'readmodel.rebuild', unit: 'ms', run: async (ctx) => (await rebuilt(ctx)).ms },
  { name: 'search.p50', unit: 'ms', run: async (ctx) => percentile(await searchTimes(ctx), 0.5) },
  { name: 'search.p95', unit: 'ms', run: async (ctx) => percentile(await searchTimes(ctx), 0.95) },
]
