import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Result } from '../../shared/doc'
import {
  addLeadByHand,
  addSource,
  advanceLead,
  assignLead,
  assignPlan,
  assignRoundRobin,
  deactivateSource,
  renameSource,
  type ManualLeadInput,
} from '../../shared/leads'
import type { LeadStage, SourceInput } from '../../shared/model'
import { useLiveQuery } from '../composables/useLiveQuery'
import { emptyLeads, readLeads } from '../services/leads-query'
import { useTeamStore } from './team'

/** Which leads the list shows: the inbox (new leads), the open ones, or all. */
export type LeadsFilter = 'inbox' | 'open' | 'all'

/**
 * The Leads screen (FAST): every lead from the read model, newest first, with the funnel and
 * the team's sources, and the actions on them, each written through `shared/leads`.
 */
export const useLeadsStore = defineStore('leads', () => {
  const team = useTeamStore()
  const filter = ref<LeadsFilter>('inbox')

  const querier = computed(() => {
    const s = team.session
    return s ? () => readLeads(s.db) : undefined
  })
  const { data, isReady } = useLiveQuery(querier, { initial: emptyLeads() })

  const shown = computed(() =>
    data.value.leads.filter((l) =>
      filter.value === 'inbox'
        ? l.stage === 'new'
        : filter.value === 'open'
          ? l.stage !== 'converted' && l.stage !== 'lost'
          : true,
    ),
  )
  const leadById = (id: string | undefined) => data.value.leads.find((l) => l.id === id)

  /** Adds a lead by hand; the lead's id on success. */
  const add = (input: ManualLeadInput): Promise<Result<string>> =>
    team.write((repo) => {
      const r = addLeadByHand(repo, input)
      return r.ok ? { ok: true, value: r.value.lead.id } : r
    })

  /** Assigns a lead to a member by hand. */
  const assignTo = (leadId: string, memberId: string) =>
    team.write((repo) => assignLead(repo, leadId, memberId))

  /** Shares leads among the active members (the rule lives in `shared/leads`). */
  const roundRobin = (leadIds: readonly string[]) => team.write((repo) => assignRoundRobin(repo, leadIds))

  /** Enrolls the lead's contact in a plan, starting today in the user's zone. */
  const enrollIn = (leadId: string, planId: string) =>
    team.write((repo) => assignPlan(repo, leadId, planId, { startDay: team.today() }))

  /** Moves a lead to a stage; the first move into a contact stage records the first contact. */
  const advance = (leadId: string, stage: LeadStage) => team.write((repo) => advanceLead(repo, leadId, stage))

  const createSource = (input: SourceInput) => team.write((repo) => addSource(repo, input))
  const renameSourceTo = (id: string, name: string) => team.write((repo) => renameSource(repo, id, name))
  const retireSource = (id: string) => team.write((repo) => deactivateSource(repo, id))

  function $reset() {
    filter.value = 'inbox'
  }

  return {
    filter,
    data,
    isReady,
    shown,
    leadById,
    add,
    assignTo,
    roundRobin,
    enrollIn,
    advance,
    createSource,
    renameSourceTo,
    retireSource,
    $reset,
  }
})
