import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { RelationshipType } from '../../shared/model'
import { buildReferralGraph, networkMetrics, ringLayout } from '../../shared/network'
import { useLiveQuery } from '../composables/useLiveQuery'
import { emptyNetworkInput, readNetworkInput } from '../services/network-query'
import { useTeamStore } from './team'

/** Above this many contacts betweenness is estimated from sampled pivots (see `betweenness`). */
const EXACT_UP_TO = 1000
const PIVOTS = 300
/** How many contacts the list of connectors shows. */
const TOP = 20

/** A contact in the list alternative to the drawing. */
export interface Connector {
  id: string
  name: string
  relationshipType?: RelationshipType
  degree: number
  /** Normalized betweenness, 0…1. */
  betweenness: number
}

/** The referral network: the graph from the read model, its centralities and a drawing. */
export const useNetworkStore = defineStore('network', () => {
  const team = useTeamStore()
  const querier = computed(() => {
    const s = team.session
    return s ? () => readNetworkInput(s.db) : undefined
  })
  const { data, isReady } = useLiveQuery(querier, { initial: emptyNetworkInput() })

  const graph = computed(() => buildReferralGraph(data.value))
  const metrics = computed(() =>
    networkMetrics(graph.value, graph.value.order > EXACT_UP_TO ? { sample: PIVOTS } : {}),
  )
  const positions = computed(() => ringLayout(graph.value))

  /** Every contact of the network, best connector first (betweenness, then ties, then name). */
  const connectors = computed<Connector[]>(() => {
    const g = graph.value
    const m = metrics.value.nodes
    return g
      .mapNodes((id, attr) => ({
        id,
        name: attr.name,
        relationshipType: attr.relationshipType,
        degree: m[id]!.degree,
        betweenness: m[id]!.betweenness,
      }))
      .sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || a.name.localeCompare(b.name))
  })
  const topConnectors = computed(() => connectors.value.slice(0, TOP))

  return { isReady, graph, metrics, positions, connectors, topConnectors }
})
