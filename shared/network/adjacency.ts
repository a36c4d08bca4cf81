import type Graph from 'graphology-types'

/** A graph's undirected neighbourhoods as flat arrays (CSR): fast to walk, cheap to hold. */
export interface Adjacency {
  /** Node keys; a node's index is its position here. */
  nodes: string[]
  /** Neighbours of node i are `targets[offsets[i] … offsets[i + 1] − 1]`. */
  offsets: Uint32Array
  targets: Uint32Array
}

/** Flattens a graph's neighbourhoods (self-loops dropped), in `graph.nodes()` order. */
export function toAdjacency(graph: Graph): Adjacency {
  const nodes = graph.nodes()
  const index = new Map<string, number>()
  nodes.forEach((n, i) => index.set(n, i))
  const offsets = new Uint32Array(nodes.length + 1)
  const lists: number[][] = nodes.map((n) => {
    const list: number[] = []
    graph.forEachNeighbor(n, (m) => {
      if (m !== n) list.push(index.get(m) as number)
    })
    return list
  })
  for (let i = 0; i < nodes.length; i++) offsets[i + 1] = offsets[i] + lists[i].length
  const targets = new Uint32Array(offsets[nodes.length])
  for (let i = 0; i < nodes.length; i++) targets.set(lists[i], offsets[i])
  return { nodes, offsets, targets }
}

/**
 * A seeded pseudo-random generator (mulberry32): same seed, same sequence, on every platform.
 * @returns a function giving numbers in [0, 1)
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `k` distinct indices of `0 … n − 1`, drawn uniformly (a partial Fisher–Yates shuffle). */
export function samplePivots(n: number, k: number, random: () => number): Uint32Array {
  const pool = new Uint32Array(n)
  for (let i = 0; i < n; i++) pool[i] = i
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i))
    const t = pool[i]
    pool[i] = pool[j]
    pool[j] = t
  }
  return pool.slice(0, k)
}
