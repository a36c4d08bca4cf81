import { createRepo, createTeamDocs } from '../../../shared/doc'
import { generateContactsCsv } from '../../../shared/demo'
import { applyImport, importContacts } from '../../../shared/io'
import { createSequentialIds } from '../../../shared/model'
import type { Metric } from '../types'

/**
 * `import.csv`: a Google Contacts CSV of N people (with duplicates inside the file, as real
 * exports have) parsed, deduped and applied to an empty team in one batch.
 */
export const importCsvMetrics: Metric[] = [
  {
    name: 'import.csv',
    unit: 'ms',
    async run(ctx) {
      const csv = await ctx.memo('import.csv.text', () => generateContactsCsv(ctx.size, 7))
      const once = async () => {
        const docs = createTeamDocs('bench-import')
        const repo = createRepo(docs, {
          clock: { now: () => 0 },
          ids: createSequentialIds('imp'),
          actor: 'bench',
        })
        const parsed = await importContacts(csv, 'contacts.csv')
        const applied = applyImport(repo, parsed.contacts)
        if (!applied.ok || applied.value.created === 0) throw new Error('import.csv: nothing imported')
        return applied.value
      }
      const samples: number[] = []
      for (let i = 0; i < (ctx.size >= 50_000 ? 2 : 4); i++) {
        ctx.gc()
        const t0 = ctx.now()
        await once()
        samples.push(ctx.now() - t0)
      }
      samples.shift() // warm-up
      return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!
    },
  },
]
