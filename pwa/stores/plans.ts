import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Result } from '../../shared/doc'
import { createCustomPlan, duplicatePlan, updatePlan, type PlanEdit } from '../../shared/plans'
import { useLiveQuery } from '../composables/useLiveQuery'
import { readPendingTouches, readPlans, type PlanItem } from '../services/plans-query'
import { useTeamStore } from './team'

/**
 * The Plans screen: plan templates with their enrollment counts from the read model, and the
 * edits, written through `shared/plans` (which validates every step and names its fields).
 */
export const usePlansStore = defineStore('plans', () => {
  const team = useTeamStore()
  const planId = ref<string>()

  const { data: plans, isReady } = useLiveQuery(
    computed(() => {
      const s = team.session
      return s ? () => readPlans(s.db) : undefined
    }),
    { initial: [] as PlanItem[] },
  )
  const { data: pendingTouches } = useLiveQuery(
    computed(() => {
      const s = team.session
      const id = planId.value
      return s && id ? () => readPendingTouches(s.db, id) : undefined
    }),
    { initial: 0, keepPrevious: false },
  )
  const plan = computed(() => plans.value.find((p) => p.id === planId.value))

  /** Opens a plan (or none). */
  function show(id: string | undefined) {
    planId.value = id
  }

  const save = (id: string, edit: PlanEdit) => team.write((repo) => updatePlan(repo, id, edit))
  const create = (edit: PlanEdit) => team.write((repo) => createCustomPlan(repo, edit))
  const duplicate = (id: string): Promise<Result<{ id: string; name: string }>> =>
    team.write((repo) => duplicatePlan(repo, id))

  function $reset() {
    planId.value = undefined
  }

  return { planId, plans, isReady, plan, pendingTouches, show, save, create, duplicate, $reset }
})
