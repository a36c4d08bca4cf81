import { UndirectedGraph } from 'graphology'
import { describe, expect, it } from 'vitest'
import { ringLayout } from '../../../shared/network/index'

/** A star of `leaves` around `hub`, plus the given extra ties. */
function graphOf(ties: [string, string][]) {
  const g = new UndirectedGraph()
  for (const [a, b] of ties) {
    g.mergeNode(a)
    g.mergeNode(b)
    g.mergeEdge(a, b)
  }
  return g
}

const star = (hub: string, leaves: number, prefix: string): [string, string][] =>
  Array.from({ length: leaves }, (_, i) => [hub, `${prefix}${i}`])

const distance = (p: { x: number; y: number }, q: { x: number; y: number }) =>
  Math.hypot(p.x - q.x, p.y - q.y)

describe('ringLayout', () => {
  const g = graphOf([...star('maya', 20, 'm'), ['m0', 'm1'], ...star('omar', 4, 'o'), ['x', 'y']])
  const layout = ringLayout(g)

  it('places every node once, at a distinct finite point', () => {
    expect(Object.keys(layout).sort()).toEqual(g.nodes().sort())
    const points = new Set(Object.values(layout).map((p) => `${p.x.toFixed(6)},${p.y.toFixed(6)}`))
    expect(points.size).toBe(g.order)
    for (const p of Object.values(layout)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true)
  })

  it('puts the best-connected contact of each group in its middle, its first ring one step away', () => {
    const inner = ['m0', 'm1', 'm10', 'm11', 'm12', 'm13'].map((id) => distance(layout[id]!, layout.maya!))
    // m0 and m1 have degree 2: they come first, then the leaves in id order (m10 before m2).
    for (const d of inner) expect(d).toBeCloseTo(1, 9)
    expect(distance(layout.m9!, layout.maya!)).toBeCloseTo(3, 9)
    expect(distance(layout.m19!, layout.maya!)).toBeCloseTo(2, 9)
    for (const o of ['o0', 'o1', 'o2', 'o3']) expect(distance(layout[o]!, layout.omar!)).toBeCloseTo(1, 9)
  })

  it('keeps groups apart: no node of one group lies within another group’s rings', () => {
    const radius = (hub: string, members: string[]) =>
      Math.max(...members.map((m) => distance(layout[m]!, layout[hub]!)))
    const maya = radius('maya', g.neighbors('maya'))
    const omar = radius('omar', g.neighbors('omar'))
    expect(distance(layout.maya!, layout.omar!)).toBeGreaterThan(maya + omar)
    for (const n of ['x', 'y']) {
      expect(distance(layout[n]!, layout.maya!)).toBeGreaterThan(maya)
      expect(distance(layout[n]!, layout.omar!)).toBeGreaterThan(omar)
    }
  })

  it('is deterministic: the same graph, built in another order, gives the same drawing', () => {
    const shuffled = graphOf([
      ['x', 'y'],
      ...star('omar', 4, 'o').reverse(),
      ['m0', 'm1'],
      ...star('maya', 20, 'm').reverse(),
    ])
    expect(ringLayout(shuffled)).toEqual(layout)
  })

  it('draws an empty network as nothing', () => {
    expect(ringLayout(new UndirectedGraph())).toEqual({})
  })
})
