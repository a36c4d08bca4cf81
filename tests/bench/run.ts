/**
 * The benchmark harness: generates a team per size (once), runs every metric of
 * `metrics/index.ts` on it, prints a table against the targets and writes JSON.
 *
 *   node --expose-gc --import tsx tests/bench/run.ts [--sizes 1000,10000,50000] [--json FILE]
 *     [--only prefix[,prefix]] [--no-cache] [--clock wall|cpu]
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { clockOf, getGc, timeMedian, type ClockKind } from './measure'
import { METRICS } from './metrics'
import { formatTable, writeJson, type Result } from './report'
import { createTeamCache } from './team-cache'
import type { BenchContext } from './types'

const ROOT = path.resolve(import.meta.dirname, '../..')
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    json: { type: 'string', default: path.join(ROOT, 'bench-results/node.json') },
    only: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    clock: { type: 'string', default: 'wall' },
  },
})

const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.trim().replace(/_/g, '')))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b)
const prefixes = values.only
  ?.split(',')
  .map((p) => p.trim())
  .filter(Boolean)
const metrics = METRICS.filter((m) => !prefixes || prefixes.some((p) => m.name.startsWith(p)))
const log = (line: string) => process.stderr.write(`${line}\n`)
const cache = createTeamCache({
  dir: values['no-cache'] ? null : path.join(ROOT, 'bench-results/cache'),
  log,
})
const gc = getGc()
if (values.clock !== 'wall' && values.clock !== 'cpu') {
  log(`--clock must be wall or cpu, not ${values.clock}`)
  process.exit(1)
}
const now = clockOf(values.clock as ClockKind)

if (metrics.length === 0) {
  log(`no metric matches --only ${values.only}; metrics: ${METRICS.map((m) => m.name).join(', ')}`)
  process.exit(1)
}

const results: Result[] = []
for (const size of sizes) {
  const memos = new Map<string, Promise<unknown>>()
  const ctx: BenchContext = {
    size,
    team: () => cache.get(size),
    time: (fn, options) => timeMedian(fn, options, now),
    now,
    gc,
    memo<T>(key: string, compute: () => T | Promise<T>): Promise<T> {
      if (!memos.has(key)) memos.set(key, Promise.resolve().then(compute))
      return memos.get(key) as Promise<T>
    },
  }
  for (const metric of metrics) {
    if (metric.sizes && !metric.sizes.includes(size)) continue
    const began = performance.now()
    const value = await metric.run(ctx)
    results.push({ metric: metric.name, contacts: size, value, unit: metric.unit })
    log(
      `${metric.name} @ ${size}: ${value.toFixed(3)} ${metric.unit} (${((performance.now() - began) / 1000).toFixed(1)} s)`,
    )
  }
  cache.drop(size)
  memos.clear()
  gc()
}

console.log(formatTable(results))
writeJson(values.json, results, !!prefixes)
log(`wrote ${path.relative(process.cwd(), values.json)}`)
