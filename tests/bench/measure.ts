import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { TimeOptions } from './types'

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** The p-th percentile (0–100) of a non-empty list, by linear interpolation. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = ((sorted.length - 1) * p) / 100
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo)
}

/** `global.gc`, exposing it first when node was started without --expose-gc. */
export function getGc(): () => void {
  const g = globalThis as { gc?: () => void }
  if (g.gc) return g.gc
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

/** A clock in ms: `wall` is elapsed time; `cpu` is this process's CPU time (user + system). */
export type ClockKind = 'wall' | 'cpu'

/** Reads the chosen clock, in ms. On a busy machine CPU time is the steadier measure of work done. */
export function clockOf(kind: ClockKind): () => number {
  if (kind === 'wall') return () => performance.now()
  return () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
}

/**
 * Times `fn` on `now` up to `runs` times, starting no new run once `budgetMs` of wall time has
 * gone by: with three or more runs the first one is the warm-up and is dropped; the result is
 * the median of the rest.
 */
export async function timeMedian(
  fn: () => unknown,
  options: TimeOptions = {},
  now: () => number = clockOf('wall'),
): Promise<number> {
  const { runs = 7, budgetMs = 10_000 } = options
  const gc = getGc()
  const samples: number[] = []
  const began = performance.now()
  while (samples.length < runs) {
    gc()
    const wall = performance.now()
    const t = now()
    await fn()
    samples.push(now() - t)
    const end = performance.now()
    if (end - began + (end - wall) > budgetMs) break
  }
  return median(samples.length >= 3 ? samples.slice(1) : samples)
}
