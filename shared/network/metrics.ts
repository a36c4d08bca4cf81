import type Graph from 'graphology-types'
import { connectedComponents } from 'graphology-components'
import { density } from 'graphology-metrics/graph/density'
import { toAdjacency, type Adjacency } from './adjacency'
import { assertSimpleUndirected, normalizeBetweenness, type BetweennessOptions } from './betweenness'
import { pathCentralities } from './brandes'

/** The centralities of one contact in the network. */
export interface NodeMetrics {
  /** C_D(v) = deg(v): distinct contacts linked to v. */
  degree: number
  /** Sum of the ties' `weight` (repeated referrals count again); equals degree when unweighted. */
  weightedDegree: number
  /** Betweenness, each pair counted once (see `betweenness`). */
  betweennessRaw: number
  /** Betweenness ÷ ((n − 1)(n − 2)/2). */
  betweenness: number
  /** C_C(v) = 1 / Σ_u d(v, u) over the contacts v can reach; 0 when it reaches none. */
  closenessRaw: number
  /**
   * (reachable count) / Σ_u d(v, u), 1 for a hub next to all it reaches: graphology-metrics'
   * and networkx's default, computed within v's component.
   */
  closeness: number
  /** Local clustering: the share of v's neighbour pairs that are linked; 0 below degree 2. */
  clustering: number
}

/** The network's per-contact and whole-graph measures. */
export interface NetworkMetrics {
  nodes: Record<string, NodeMetrics>
  order: number
  size: number
  /** D = 2E / (N(N − 1)); null below two nodes. */
  density: number | null
  /** Connected components, largest first. */
  components: string[][]
  /** Nodes of the largest component ÷ all nodes; null for an empty graph. */
  largestComponentShare: number | null
  /** Mean local clustering over every node (degree < 2 counts 0, as networkx does); null when empty. */
  averageClustering: number | null
  /** Whether betweenness and closeness were estimated from sampled pivots. */
  isSampled: boolean
}

/**
 * Local clustering C(v) = 2·T(v) / (k(k − 1)), T(v) the links among v's k neighbours (this
 * graphology-metrics version has no clustering coefficient). Cost Σ_v deg(v)², fine for
 * referral networks where hubs have hundreds, not tens of thousands, of ties.
 */
export function localClustering(adj: Adjacency): Float64Array {
  const n = adj.nodes.length
  const { offsets, targets } = adj
  const mark = new Int32Array(n).fill(-1)
  const out = new Float64Array(n)
  for (let v = 0; v < n; v++) {
    const k = offsets[v + 1] - offsets[v]
    if (k < 2) continue
    for (let e = offsets[v]; e < offsets[v + 1]; e++) mark[targets[e]] = v
    let links = 0
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const u = targets[e]
      for (let f = offsets[u]; f < offsets[u + 1]; f++) if (mark[targets[f]] === v) links++
    }
    // Each link among the neighbours was seen from both its ends.
    out[v] = links / (k * (k - 1))
  }
  return out
}

/**
 * Degree, betweenness (raw and normalized), closeness (raw and normalized) and clustering per
 * node, and density, components, largest component share and average clustering of the graph.
 * Betweenness and closeness come from one set of breadth-first searches: exact unless `sample`
 * is given (see `betweenness`; closeness is then estimated from the same pivots). On a 10k+
 * network pass a few hundred pivots.
 * @throws NetworkGraphError when the graph is not simple and undirected
 */
export function networkMetrics(graph: Graph, options: BetweennessOptions = {}): NetworkMetrics {
  assertSimpleUndirected(graph)
  const n = graph.order
  const adj = toAdjacency(graph)
  const components = connectedComponents(graph).sort((a, b) => b.length - a.length)
  const sizeOf = new Map<string, number>()
  for (const c of components) for (const node of c) sizeOf.set(node, c.length)
  const componentSize = Uint32Array.from(adj.nodes, (node) => sizeOf.get(node) ?? 1)
  const paths = pathCentralities(adj, componentSize, options)
  const clustering = localClustering(adj)

  const nodes: Record<string, NodeMetrics> = {}
  let clusteringSum = 0
  adj.nodes.forEach((node, i) => {
    let weightedDegree = 0
    graph.forEachEdge(node, (_e, attr) => {
      weightedDegree += typeof attr.weight === 'number' ? attr.weight : 1
    })
    const far = paths.farness[i]
    clusteringSum += clustering[i]
    nodes[node] = {
      degree: adj.offsets[i + 1] - adj.offsets[i],
      weightedDegree,
      betweennessRaw: paths.betweenness[i],
      betweenness: normalizeBetweenness(paths.betweenness[i], n),
      closenessRaw: far > 0 ? 1 / far : 0,
      closeness: far > 0 ? (componentSize[i] - 1) / far : 0,
      clustering: clustering[i],
    }
  })
  return {
    nodes,
    order: n,
    size: graph.size,
    density: n >= 2 ? density(graph) : null,
    components,
    largestComponentShare: n > 0 ? components[0].length / n : null,
    averageClustering: n > 0 ? clusteringSum / n : null,
    isSampled: paths.isSampled,
  }
}
