import type { Interaction, ReferralStage } from '../model'

/** The forward path of a referral, in order; `lost` can follow any of these but `closed`. */
export const FORWARD_STAGES = [
  'received',
  'contacted',
  'appointment',
  'agreement',
  'under-contract',
  'closed',
] as const

/** Stages after which nothing moves. */
export const isTerminalStage = (s: ReferralStage): boolean => s === 'closed' || s === 'lost'

/**
 * The merge rank of a stage: how far along it is when two devices disagree. Forward stages
 * rank in order, `lost` ranks above every open stage (a decision to stop beats progress made
 * concurrently without knowing it) and `closed` ranks above `lost` (a closed deal is a fact).
 */
export function stageRank(s: ReferralStage): number {
  if (s === 'lost') return FORWARD_STAGES.length - 1
  if (s === 'closed') return FORWARD_STAGES.length
  return FORWARD_STAGES.indexOf(s)
}

/**
 * Why a referral may not move from `from` to `to`, or `undefined` when it may: forward moves
 * only, `lost` from any open stage, nothing out of `closed` or `lost`.
 */
export function refuseMove(from: ReferralStage, to: ReferralStage): string | undefined {
  if (isTerminalStage(from)) return `the referral is ${from}: it cannot move to ${to}`
  if (to === from) return `the referral is already at ${to}`
  if (to === 'lost') return undefined
  const [a, b] = [FORWARD_STAGES.indexOf(from as never), FORWARD_STAGES.indexOf(to as never)]
  return b > a ? undefined : `stages only move forward: ${to} comes before ${from}`
}

/** The id of the timeline entry that records a move to `stage` (one per stage and member). */
export function stageEventId(referralId: string, stage: ReferralStage, actor?: string): string {
  return actor ? `${referralId}:stage:${stage}:${actor}` : `${referralId}:stage:${stage}`
}

/** The stage moves recorded on a timeline for one referral, read from their ids. */
export function stageEvents(referralId: string, entries: readonly Interaction[]) {
  const prefix = `${referralId}:stage:`
  const out: { stage: ReferralStage; at: number }[] = []
  for (const e of entries) {
    if (e.referralId !== referralId || !e.id.startsWith(prefix)) continue
    const stage = e.id.slice(prefix.length).split(':')[0] as ReferralStage
    if (stage === 'lost' || (FORWARD_STAGES as readonly string[]).includes(stage))
      out.push({ stage, at: e.at })
  }
  return out
}

/** A referral's stage and stage times, derived so every device computes the same. */
export interface DerivedStage {
  stage: ReferralStage
  stageAt: Record<string, number>
}

/**
 * Derives the current stage from every move ever recorded (the append-only stage events
 * plus the record's own `stage`/`stageAt`, which may have lost a concurrent write): the
 * highest `stageRank` wins, and each stage's time is the earliest seen. When `closed` wins,
 * a concurrent `lost` is dropped from `stageAt`. Order-independent, so replicas agree.
 */
export function deriveStage(
  record: { stage: ReferralStage; stageAt: Record<string, number> },
  events: readonly { stage: ReferralStage; at: number }[],
): DerivedStage {
  const stageAt: Record<string, number> = {}
  const seen = (stage: string, at: number) => {
    const prev = stageAt[stage]
    if (prev === undefined || at < prev) stageAt[stage] = at
  }
  for (const [stage, at] of Object.entries(record.stageAt)) seen(stage, at)
  for (const e of events) seen(e.stage, e.at)
  let stage = record.stage
  for (const s of Object.keys(stageAt) as ReferralStage[]) if (stageRank(s) > stageRank(stage)) stage = s
  if (stage === 'closed') delete stageAt.lost
  const order = (s: string) => stageRank(s as ReferralStage)
  const sorted = Object.entries(stageAt).sort(
    ([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0),
  )
  return { stage, stageAt: Object.fromEntries(sorted) }
}
