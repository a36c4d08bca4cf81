import { describe, expect, it } from 'vitest'
import { samplePivots, seededRandom, toAdjacency } from '../../../shared/network/adjacency'
import { karateGraph } from '../../fixtures/network/karate'

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(5)
    const b = seededRandom(5)
    for (let i = 0; i < 1000; i++) {
      const x = a()
      expect(x).toBe(b())
      expect(x >= 0 && x < 1).toBe(true)
    }
  })
})

describe('samplePivots', () => {
  it('draws distinct indices in range', () => {
    const p = samplePivots(50, 20, seededRandom(1))
    expect(new Set(p).size).toBe(20)
    expect([...p].every((i) => i >= 0 && i < 50)).toBe(true)
  })
})

describe('toAdjacency', () => {
  it('lays out neighbourhoods as CSR', () => {
    const adj = toAdjacency(karateGraph())
    expect(adj.offsets[adj.nodes.length]).toBe(156) // 2 · 78
    const i34 = adj.nodes.indexOf('34')
    expect(adj.offsets[i34 + 1] - adj.offsets[i34]).toBe(17)
  })
})
