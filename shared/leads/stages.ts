import type { Interaction, LeadStage } from '../model'

/** The forward path of a lead; `lost` can follow any of these but `converted`. */
export const LEAD_FORWARD_STAGES = ['new', 'contacted', 'qualified', 'appointment', 'converted'] as const

/** Stages that mean someone on the team has been in touch with the lead. */
export const CONTACT_STAGES: readonly LeadStage[] = ['contacted', 'qualified', 'appointment', 'converted']

/** Stages after which nothing moves. */
export const isClosedLead = (s: LeadStage): boolean => s === 'converted' || s === 'lost'

/**
 * The merge rank of a lead stage, as for referrals: forward stages in order, then `lost`
 * (a decision to drop beats concurrent progress), then `converted` (a fact).
 */
export function leadStageRank(s: LeadStage): number {
  if (s === 'lost') return LEAD_FORWARD_STAGES.length - 1
  if (s === 'converted') return LEAD_FORWARD_STAGES.length
  return LEAD_FORWARD_STAGES.indexOf(s)
}

/** Why a lead may not move from `from` to `to`, or `undefined` when it may. */
export function refuseLeadMove(from: LeadStage, to: LeadStage): string | undefined {
  if (isClosedLead(from)) return `the lead is ${from}: it cannot move to ${to}`
  if (to === from) return `the lead is already ${to}`
  if (to === 'lost') return undefined
  const [a, b] = [LEAD_FORWARD_STAGES.indexOf(from as never), LEAD_FORWARD_STAGES.indexOf(to as never)]
  return b > a ? undefined : `stages only move forward: ${to} comes before ${from}`
}

/** The id of the timeline entry recording a move: one per lead, stage and member. */
export function leadStageEventId(leadId: string, stage: LeadStage, actor?: string): string {
  return actor ? `${leadId}:stage:${stage}:${actor}` : `${leadId}:stage:${stage}`
}

/** The stage moves of one lead found on a timeline, read from their ids. */
export function leadStageEvents(leadId: string, entries: readonly Interaction[]) {
  const prefix = `${leadId}:stage:`
  const out: { stage: LeadStage; at: number }[] = []
  for (const e of entries) {
    if (!e.id.startsWith(prefix)) continue
    const stage = e.id.slice(prefix.length).split(':')[0] as LeadStage
    if (stage === 'lost' || (LEAD_FORWARD_STAGES as readonly string[]).includes(stage))
      out.push({ stage, at: e.at })
  }
  return out
}

/** A lead's stage, stage times and first contact, derived so every device computes the same. */
export interface DerivedLead {
  stage: LeadStage
  stageAt: Record<string, number>
  firstContactAt?: number
}

/**
 * Derives a lead's state from every recorded move (the append-only stage events plus the
 * record's own fields, which may have lost a concurrent write): the highest `leadStageRank`
 * wins, each stage's time is the earliest seen, and the first contact is the earliest move
 * into a contact stage (or the stored `firstContactAt`, if earlier). `min` and `max` do not
 * care about delivery order, so replicas agree.
 */
export function deriveLead(
  record: { stage: LeadStage; stageAt: Record<string, number>; firstContactAt?: number },
  events: readonly { stage: LeadStage; at: number }[],
): DerivedLead {
  const stageAt: Record<string, number> = {}
  let first = record.firstContactAt
  const seen = (stage: string, at: number) => {
    if (stageAt[stage] === undefined || at < stageAt[stage]) stageAt[stage] = at
    if (CONTACT_STAGES.includes(stage as LeadStage) && (first === undefined || at < first)) first = at
  }
  for (const [stage, at] of Object.entries(record.stageAt)) seen(stage, at)
  for (const e of events) seen(e.stage, e.at)
  let stage = record.stage
  for (const s of Object.keys(stageAt) as LeadStage[]) if (leadStageRank(s) > leadStageRank(stage)) stage = s
  if (stage === 'converted') delete stageAt.lost
  const rank = (s: string) => leadStageRank(s as LeadStage)
  const sorted = Object.entries(stageAt).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  return {
    stage,
    stageAt: Object.fromEntries(sorted),
    ...(first !== undefined ? { firstContactAt: first } : {}),
  }
}
