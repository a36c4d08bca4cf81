import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { kpiDashboard, type KpiFilters, type KpiPeriod } from '../../shared/kpi'
import { RelationshipType } from '../../shared/model'
import { useLiveQuery } from '../composables/useLiveQuery'
import { localDayStart, periodOf, type PeriodPreset } from '../services/kpis-period'
import { emptyKpiData, readKpiData } from '../services/kpis-query'
import { useTeamStore } from './team'

/** A choice in a filter list: an id and the name to show. */
export interface KpiChoice {
  id: string
  name: string
}

/**
 * The KPI dashboard: the records from the read model (one live query), and the period and
 * filters the user picked. The measures are `shared/kpi`'s, recomputed in memory when either
 * changes.
 */
export const useKpisStore = defineStore('kpis', () => {
  const team = useTeamStore()
  const preset = ref<PeriodPreset>('last90')
  const today = ref(team.today())
  const custom = ref<KpiPeriod>({ from: `${today.value.slice(0, 4)}-01-01`, to: today.value })
  const sourceId = ref('')
  const memberId = ref('')
  const relationshipType = ref<RelationshipType | ''>('')

  const querier = computed(() => {
    const s = team.session
    return s ? () => readKpiData(s.db) : undefined
  })
  const { data, isReady } = useLiveQuery(querier, { initial: emptyKpiData() })

  const period = computed(() => periodOf(preset.value, today.value, custom.value))
  const filters = computed<KpiFilters>(() => {
    const f: KpiFilters = {}
    if (sourceId.value) f.sourceId = sourceId.value
    if (memberId.value) f.memberId = memberId.value
    if (relationshipType.value) f.relationshipType = relationshipType.value
    return f
  })
  /** The team's settings the measures and their display depend on. */
  const settings = computed(() => {
    void data.value // the settings live in the team document: read again with each answer
    const s = team.session?.repo.settings.get()
    return { currency: s?.currency ?? 'USD', retentionYears: s?.retentionYears ?? 5 }
  })
  const dashboard = computed(() =>
    kpiDashboard(data.value, period.value, filters.value, {
      retentionYears: settings.value.retentionYears,
      dayStart: localDayStart,
    }),
  )

  const byName = (a: KpiChoice, b: KpiChoice) => a.name.localeCompare(b.name)
  const sources = computed<KpiChoice[]>(() =>
    data.value.sources.map((s) => ({ id: s.id, name: s.name })).sort(byName),
  )
  const members = computed<KpiChoice[]>(() =>
    data.value.members.map((m) => ({ id: m.id, name: m.name })).sort(byName),
  )
  const sourceName = (id: string) => sources.value.find((s) => s.id === id)?.name ?? id

  /** Moves the presets to the current day (after midnight, or when the app comes back). */
  function refreshDay() {
    today.value = team.today()
  }

  function $reset() {
    preset.value = 'last90'
    sourceId.value = ''
    memberId.value = ''
    relationshipType.value = ''
    refreshDay()
    custom.value = { from: `${today.value.slice(0, 4)}-01-01`, to: today.value }
  }

  return {
    preset,
    custom,
    today,
    sourceId,
    memberId,
    relationshipType,
    relationshipTypes: RelationshipType.options,
    isReady,
    period,
    filters,
    settings,
    dashboard,
    sources,
    members,
    sourceName,
    refreshDay,
    $reset,
  }
})
