import { DirectedGraph, MultiUndirectedGraph } from 'graphology'
import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../../shared/network/adjacency'
import { betweenness, NetworkGraphError } from '../../../shared/network/index'
import { preferentialAttachment } from '../../fixtures/network/generate'
import { karateGraph } from '../../fixtures/network/karate'

function ranks(xs: number[]): number[] {
  const r = new Array<number>(xs.length)
  xs.map((x, i) => [x, i])
    .sort((a, b) => a[0] - b[0])
    .forEach(([, i], k) => (r[i] = k))
  return r
}

/** Spearman's rank correlation (ties broken by position; few ties off the zero tail here). */
function spearman(a: number[], b: number[]): number {
  const ra = ranks(a)
  const rb = ranks(b)
  const n = a.length
  let d2 = 0
  for (let i = 0; i < n; i++) d2 += (ra[i] - rb[i]) ** 2
  return 1 - (6 * d2) / (n * (n * n - 1))
}

describe('betweenness', () => {
  it('is exact by default, and when the sample covers every node', () => {
    const g = karateGraph()
    const exact = betweenness(g)
    expect(exact).toMatchObject({ isSampled: false, pivots: 34 })
    expect(exact.raw['1']).toBeCloseTo(231.0714, 3)
    expect(betweenness(g, { sample: 100 }).raw).toEqual(exact.raw)
  })

  it('gives the same estimate for the same seed, another for another seed', () => {
    const g = karateGraph()
    const a = betweenness(g, { sample: 10, seed: 7 })
    expect(a).toMatchObject({ isSampled: true, pivots: 10 })
    expect(betweenness(g, { sample: 10, seed: 7 }).raw).toEqual(a.raw)
    expect(betweenness(g, { sample: 10, seed: 8 }).raw).not.toEqual(a.raw)
  })

  // A 500-node preferential-attachment graph (hubs, like a referral network), 200 of 500 pivots.
  // Over 60 seeds the worst node's error stayed ≤ 12 % of the top score, the top 5's relative
  // error ≤ 23 %, and the sampled top 10 kept ≥ 8 of the exact top 10; the rank correlation
  // was ≥ 0.96 on three other such graphs. The bounds below leave room for that spread; they are not tuned to these 5 seeds.
  it.each([1, 2, 3, 4, 5])('sampled (k = 200, seed %i) stays close to exact on a 500-node graph', (seed) => {
    const g = preferentialAttachment(500, 2, seededRandom(42))
    const nodes = g.nodes()
    const exact = betweenness(g)
    const approx = betweenness(g, { sample: 200, seed })
    const ex = nodes.map((n) => exact.normalized[n])
    const ap = nodes.map((n) => approx.normalized[n])
    const top = Math.max(...ex)
    const worst = Math.max(...ex.map((x, i) => Math.abs(ap[i] - x)))
    expect(worst / top).toBeLessThan(0.15)
    const byExact = [...nodes].sort((a, b) => exact.normalized[b] - exact.normalized[a])
    const byApprox = new Set(
      [...nodes].sort((a, b) => approx.normalized[b] - approx.normalized[a]).slice(0, 10),
    )
    for (const n of byExact.slice(0, 5)) {
      expect(Math.abs(approx.normalized[n] - exact.normalized[n]) / exact.normalized[n]).toBeLessThan(0.3)
    }
    expect(byExact.slice(0, 10).filter((n) => byApprox.has(n)).length).toBeGreaterThanOrEqual(7)
    expect(spearman(ex, ap)).toBeGreaterThan(0.94)
  })

  it('scales the sample to the whole: the estimates sum close to the exact total', () => {
    // Σ_v C_B(v) = Σ over pairs of (d(s, t) − 1): a check on the n / k / 2 factor
    // (60 seeds at k = 100: error ≤ 3.6 %)
    const g = preferentialAttachment(500, 2, seededRandom(42))
    const sum = (r: Record<string, number>) => Object.values(r).reduce((s, x) => s + x, 0)
    const exact = sum(betweenness(g).raw)
    const approx = sum(betweenness(g, { sample: 100, seed: 1 }).raw)
    expect(Math.abs(approx - exact) / exact).toBeLessThan(0.05)
  })

  it('refuses directed and multi graphs', () => {
    expect(() => betweenness(new DirectedGraph())).toThrow(NetworkGraphError)
    expect(() => betweenness(new MultiUndirectedGraph())).toThrow(NetworkGraphError)
  })
})
