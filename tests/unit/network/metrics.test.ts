import { UndirectedGraph } from 'graphology'
import karateClub from 'graphology-generators/social/karate-club'
import { describe, expect, it } from 'vitest'
import { networkMetrics } from '../../../shared/network/index'
import { KARATE_EDGES, karateGraph } from '../../fixtures/network/karate'

describe('the karate club fixture', () => {
  it('has 34 members, 78 ties and the known degrees', () => {
    const g = karateGraph()
    expect(g.order).toBe(34)
    expect(KARATE_EDGES).toHaveLength(78)
    expect(g.size).toBe(78)
    expect(g.degree('34')).toBe(17)
    expect(g.degree('1')).toBe(16)
    expect(g.degree('33')).toBe(12)
    // Σ degrees = 2E
    expect(g.nodes().reduce((s, n) => s + g.degree(n), 0)).toBe(156)
  })

  it('is the same graph as graphology-generators builds from the adjacency matrix', () => {
    const ref = karateClub(UndirectedGraph)
    const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`)
    const theirs = ref.mapEdges((_e, _a, s, t) => key(Number(s) + 1, Number(t) + 1)).sort()
    expect(KARATE_EDGES.map(([a, b]) => key(a, b)).sort()).toEqual(theirs)
  })
})

describe('networkMetrics on the karate club', () => {
  const m = networkMetrics(karateGraph())

  it('gives the published betweenness, each pair counted once', () => {
    // Σ over pairs of σ_st(v)/σ_st; normalized by (n − 1)(n − 2)/2 = 33 · 32 / 2 = 528
    expect(m.nodes['1'].betweennessRaw).toBeCloseTo(231.0714, 3)
    expect(m.nodes['34'].betweennessRaw).toBeCloseTo(160.5516, 3)
    expect(m.nodes['33'].betweennessRaw).toBeCloseTo(76.6905, 3)
    expect(m.nodes['3'].betweennessRaw).toBeCloseTo(75.8508, 3)
    expect(m.nodes['32'].betweennessRaw).toBeCloseTo(73.0095, 3)
    expect(m.nodes['1'].betweenness).toBeCloseTo(0.4376, 4) // 231.0714 / 528
    expect(m.nodes['34'].betweenness).toBeCloseTo(0.3041, 4) // 160.5516 / 528
    // node 12 hangs off node 1 alone: it lies on no shortest path
    expect(m.nodes['12'].betweennessRaw).toBe(0)
  })

  it('gives closeness and degree', () => {
    // node 1 reaches the 33 others with Σ d = 58 → normalized 33 / 58, raw 1 / 58
    expect(m.nodes['1'].closeness).toBeCloseTo(0.569, 4)
    expect(m.nodes['1'].closenessRaw).toBeCloseTo(1 / 58, 10)
    expect(m.nodes['34'].degree).toBe(17)
    expect(m.nodes['34'].weightedDegree).toBe(17)
  })

  it('gives density, components and clustering', () => {
    // 2 · 78 / (34 · 33) = 0.1390
    expect(m.density).toBeCloseTo(78 / 561, 10)
    expect(m.components).toHaveLength(1)
    expect(m.largestComponentShare).toBe(1)
    expect(m.averageClustering).toBeCloseTo(0.5706, 4)
    // node 1: 16 neighbours, 18 ties among them → 18 / (16 · 15 / 2) = 0.15
    expect(m.nodes['1'].clustering).toBeCloseTo(0.15, 10)
    expect(m.nodes['12'].clustering).toBe(0) // degree 1
  })
})

describe('networkMetrics on small graphs', () => {
  it('handles an empty graph without NaN', () => {
    const m = networkMetrics(new UndirectedGraph())
    expect(m).toMatchObject({ order: 0, density: null, largestComponentShare: null, averageClustering: null })
  })

  it('splits components and weighs repeated ties', () => {
    // a–b–c path (b weighted 3 toward a) and a separate d–e tie
    const g = new UndirectedGraph()
    g.mergeEdge('a', 'b', { weight: 3 })
    g.mergeEdge('b', 'c', { weight: 1 })
    g.mergeEdge('d', 'e', { weight: 1 })
    const m = networkMetrics(g)
    expect(m.components.map((c) => c.length)).toEqual([3, 2])
    expect(m.largestComponentShare).toBe(0.6) // 3 / 5
    expect(m.density).toBeCloseTo(0.3, 10) // 2 · 3 / (5 · 4)
    expect(m.nodes.b.weightedDegree).toBe(4)
    // b bridges the one pair {a, c}; weights are not distances
    expect(m.nodes.b.betweennessRaw).toBe(1)
    expect(m.nodes.b.betweenness).toBeCloseTo(1 / 6, 10) // 1 / (4 · 3 / 2)
    // a: reaches b (1) and c (2) → raw 1/3, normalized 2/3
    expect(m.nodes.a.closenessRaw).toBeCloseTo(1 / 3, 10)
    expect(m.nodes.a.closeness).toBeCloseTo(2 / 3, 10)
  })

  it('estimates from pivots when asked, and says so', () => {
    const m = networkMetrics(karateGraph(), { sample: 10, seed: 2 })
    expect(m.isSampled).toBe(true)
    for (const node of Object.values(m.nodes)) {
      expect(Number.isFinite(node.betweenness) && node.closeness > 0 && node.closeness <= 1).toBe(true)
    }
  })
})
