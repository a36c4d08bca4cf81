import type Graph from 'graphology-types'
import { connectedComponents } from 'graphology-components'

/** A node's place in the drawing, in layout units (one ring step = 1). */
export interface NodePosition {
  x: number
  y: number
}

/** How many nodes ring r (r ≥ 1) holds: rings grow with their circumference. */
const ringCapacity = (r: number) => 6 * r

/** Rings needed for n nodes, the centre holding one. */
function ringsFor(n: number): number {
  let rings = 0
  let placed = 1
  while (placed < n) placed += ringCapacity(++rings)
  return rings
}

/**
 * A deterministic drawing of a network without a force layout: each connected component is
 * laid out in concentric rings around its best-connected contact (degree, then id, decides the
 * order), so hubs sit in the middle of their group; components, largest first, are packed in
 * rows a little wider than the drawing is tall, so they never overlap. The same graph
 * always gives the same drawing (no randomness, no iteration), in O(n log n).
 */
export function ringLayout(graph: Graph): Record<string, NodePosition> {
  const components = connectedComponents(graph)
    .map((c) => c.sort((a, b) => graph.degree(b) - graph.degree(a) || (a < b ? -1 : a > b ? 1 : 0)))
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1))
  const out: Record<string, NodePosition> = {}
  const GAP = 1
  const ASPECT = 1.6
  const diameters = components.map((c) => 2 * ringsFor(c.length) + 1)
  const area = diameters.reduce((s, d) => s + (d + GAP) ** 2, 0)
  // Rows about 1.6 times wider than the drawing is tall, the shape of a screen.
  const rowWidth = Math.max(diameters[0] ?? 0, Math.sqrt(area * ASPECT))

  let cursorX = 0
  let rowY = 0
  let rowHeight = 0
  components.forEach((nodes, i) => {
    const size = diameters[i]!
    if (cursorX > 0 && cursorX + size > rowWidth) {
      cursorX = 0
      rowY += rowHeight + GAP
      rowHeight = 0
    }
    const cx = cursorX + size / 2
    const cy = rowY + size / 2
    let ring = 0
    let slot = 0
    for (const node of nodes) {
      if (ring === 0) {
        out[node] = { x: cx, y: cy }
        ring = 1
        continue
      }
      const capacity = ringCapacity(ring)
      // The last ring spreads its nodes evenly over the whole circle.
      const placedBefore = 1 + 3 * ring * (ring - 1)
      const onThisRing = Math.min(capacity, nodes.length - placedBefore)
      const angle = (2 * Math.PI * slot) / onThisRing - Math.PI / 2
      out[node] = { x: cx + ring * Math.cos(angle), y: cy + ring * Math.sin(angle) }
      if (++slot === capacity) {
        ring++
        slot = 0
      }
    }
    cursorX += size + GAP
    rowHeight = Math.max(rowHeight, size)
  })
  return out
}
