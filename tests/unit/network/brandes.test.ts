import { UndirectedGraph } from 'graphology'
import { connectedComponents } from 'graphology-components'
import betweennessCentrality from 'graphology-metrics/centrality/betweenness'
import closenessCentrality from 'graphology-metrics/centrality/closeness'
import { describe, expect, it } from 'vitest'
import { seededRandom, toAdjacency } from '../../../shared/network/adjacency'
import { accumulatePaths, pathCentralities } from '../../../shared/network/brandes'
import { preferentialAttachment } from '../../fixtures/network/generate'
import { karateGraph } from '../../fixtures/network/karate'

function componentSizes(g: UndirectedGraph, nodes: string[]): Uint32Array {
  const size = new Map<string, number>()
  for (const c of connectedComponents(g)) for (const n of c) size.set(n, c.length)
  return Uint32Array.from(nodes, (n) => size.get(n) ?? 1)
}

/** The karate club plus a separate triangle and a pair: three components. */
function threeComponents(): UndirectedGraph {
  const g = karateGraph()
  g.mergeEdge('t1', 't2')
  g.mergeEdge('t2', 't3')
  g.mergeEdge('t3', 't1')
  g.mergeEdge('p1', 'p2')
  return g
}

describe('accumulatePaths', () => {
  it('from every source, halved, is graphology-metrics betweenness; distance sums give its closeness', () => {
    for (const g of [karateGraph(), threeComponents(), preferentialAttachment(300, 2, seededRandom(3))]) {
      const adj = toAdjacency(g)
      const sums = accumulatePaths(
        adj,
        Uint32Array.from(adj.nodes, (_n, i) => i),
      )
      const between = betweennessCentrality(g, { getEdgeWeight: null, normalized: false })
      const close = closenessCentrality(g)
      const size = componentSizes(g, adj.nodes)
      adj.nodes.forEach((n, i) => {
        expect(sums.dependency[i] / 2).toBeCloseTo(between[n], 8)
        expect(sums.reached[i]).toBe(size[i])
        expect(sums.fromSource[i]).toBe(sums.distanceSum[i]) // d is symmetric
        expect((size[i] - 1) / sums.distanceSum[i]).toBeCloseTo(close[n], 12)
      })
    }
  })
})

describe('pathCentralities', () => {
  it('estimates farness from the pivots, and searches pivot-less components exactly', () => {
    const g = threeComponents()
    const adj = toAdjacency(g)
    const size = componentSizes(g, adj.nodes)
    const exact = pathCentralities(adj, size)
    // 5 pivots among 39 nodes: the triangle and the pair (5 of 39 nodes) may get none
    for (let seed = 1; seed <= 20; seed++) {
      const est = pathCentralities(adj, size, { sample: 5, seed })
      expect(est.isSampled).toBe(true)
      for (const n of ['t1', 't2', 't3', 'p1', 'p2']) {
        const i = adj.nodes.indexOf(n)
        // within a triangle Σd = 2, within a pair Σd = 1, whether estimated or searched
        expect(est.farness[i]).toBeCloseTo(exact.farness[i], 10)
      }
    }
  })

  it('estimates farness within 12 % on a 500-node graph from 100 pivots', () => {
    // Farness varies little between nodes, so the Eppstein–Wang estimate is tight: over 40
    // seeds the worst node's relative error stayed ≤ 8 %.
    const g = preferentialAttachment(500, 2, seededRandom(42))
    const adj = toAdjacency(g)
    const size = componentSizes(g, adj.nodes)
    const exact = pathCentralities(adj, size)
    const est = pathCentralities(adj, size, { sample: 100, seed: 9 })
    let worst = 0
    for (let i = 0; i < adj.nodes.length; i++) {
      worst = Math.max(worst, Math.abs(est.farness[i] - exact.farness[i]) / exact.farness[i])
    }
    expect(worst).toBeLessThan(0.12)
  })
})
