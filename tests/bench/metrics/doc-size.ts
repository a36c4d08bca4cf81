import * as Y from 'yjs'
import { createRepo } from '../../../shared/doc'
import { RECORD_COLLECTION_NAMES, createSequentialIds } from '../../../shared/model'
import type { BenchContext, Metric } from '../types'

const totalBytes = (ctx: BenchContext) =>
  ctx.memo('doc.bytes', async () => (await ctx.team()).updates.reduce((sum, u) => sum + u.byteLength, 0))

/** UTF-8 bytes of the plain JSON of every record, entry and setting the documents hold. */
const jsonBytes = (ctx: BenchContext) =>
  ctx.memo('doc.json_bytes', async () => {
    const team = await ctx.team()
    const docs = team.load()
    const repo = createRepo(docs, { clock: { now: () => 0 }, ids: createSequentialIds('x'), actor: 'x' })
    let bytes = 0
    const add = (value: unknown) => (bytes += Buffer.byteLength(JSON.stringify(value)))
    for (const c of RECORD_COLLECTION_NAMES) add(repo.list(c, { includeDeleted: true }))
    add(repo.timeline.list())
    for (const ledger of ['optOuts', 'optIns']) add((docs.team.getMap(ledger) as Y.Map<unknown>).toJSON())
    add(repo.settings.get())
    return bytes
  })

/** How big the documents are: encoded bytes per contact, and against plain JSON of the same records. */
export const docSizeMetrics: Metric[] = [
  {
    name: 'doc.bytes_per_contact',
    unit: 'bytes',
    run: async (ctx) => (await totalBytes(ctx)) / ctx.size,
  },
  {
    name: 'doc.json_ratio',
    unit: 'ratio',
    run: async (ctx) => (await totalBytes(ctx)) / (await jsonBytes(ctx)),
  },
]
