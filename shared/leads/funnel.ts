import { LEAD_STAGES, type LeadStage } from '../model'
import { isClosedLead } from './stages'

/** The leads at each stage now, and how many ever reached it (the funnel). */
export interface LeadFunnel {
  total: number
  /** Live leads whose current stage is this one. */
  at: Record<LeadStage, number>
  /** Live leads that reached this stage, whatever came after (`lost` counts only the lost). */
  reached: Record<LeadStage, number>
  /** Live open leads with no assignee. */
  unassigned: number
}

type FunnelLead = { stage: LeadStage; stageAt: Record<string, number>; assignee?: string; deleted?: unknown }

const zero = () => Object.fromEntries(LEAD_STAGES.map((s) => [s, 0])) as Record<LeadStage, number>

/**
 * Counts the funnel of live leads (FAST's T). A lead reached a stage when it has a time for it
 * or sits at it now; every lead reached `new`. A pure function: the repository's leads or
 * read-model rows.
 */
export function leadFunnel(leads: readonly FunnelLead[]): LeadFunnel {
  const out: LeadFunnel = { total: 0, at: zero(), reached: zero(), unassigned: 0 }
  for (const l of leads) {
    if (l.deleted) continue
    out.total++
    out.at[l.stage]++
    for (const s of LEAD_STAGES)
      if (s === 'new' || s === l.stage || l.stageAt[s] !== undefined) out.reached[s]++
    if (!l.assignee && !isClosedLead(l.stage)) out.unassigned++
  }
  return out
}
