import type { ContactRow, ReadModel, ReferralRow, RewardRow, TouchRow } from '../../shared/db'
import type { RecordOf, ReferralStage } from '../../shared/model'
import { REFERRAL_STAGES } from '../../shared/model'
import { rewardsLedger, type LedgerTotals } from '../../shared/referrals'
import { contactNames } from './intros-query'

/** Referrals listed at most per stage (most recently moved first); counts and values cover all. */
export const STAGE_LIMIT = 25
/** Ledger lines listed at most (newest first); the totals cover all. */
export const LEDGER_LIMIT = 100

/** One referral in the pipeline. */
export interface ReferralCard {
  id: string
  referrerName: string
  referredName: string
  need: string
  relationshipType: string
  value?: number
  movedAt: number
}

/** One stage of the pipeline: how many, their summed value (cents) and the latest cards. */
export interface PipelineStage {
  stage: ReferralStage
  count: number
  value: number
  cards: ReferralCard[]
}

export const emptyPipeline = (): PipelineStage[] =>
  REFERRAL_STAGES.map((stage) => ({ stage, count: 0, value: 0, cards: [] }))

const movedAt = (r: ReferralRow) => r.stageAt[r.stage] ?? r.receivedAt

/**
 * Reads the pipeline from the read model, by the stage each row holds (`reconcileReferral`
 * keeps it equal to the derived stage). Dexie calls only: it can run in a `liveQuery`.
 */
export async function readPipeline(db: ReadModel): Promise<PipelineStage[]> {
  const rows = await db.referrals.where('deleted').equals(0).toArray()
  const stages = emptyPipeline()
  const byStage = new Map(stages.map((s) => [s.stage, s]))
  const lists = new Map<ReferralStage, ReferralRow[]>(REFERRAL_STAGES.map((s) => [s, []]))
  for (const r of rows) {
    const s = byStage.get(r.stage)
    if (!s) continue
    s.count++
    s.value += r.value ?? 0
    lists.get(r.stage)!.push(r)
  }
  const shown = new Map(
    REFERRAL_STAGES.map((s) => [
      s,
      lists
        .get(s)!
        .sort((a, b) => movedAt(b) - movedAt(a))
        .slice(0, STAGE_LIMIT),
    ]),
  )
  const names = await contactNames(
    db,
    [...shown.values()].flat().flatMap((r) => [r.referrerId, r.referredId]),
  )
  for (const s of stages) {
    s.cards = shown.get(s.stage)!.map((r) => ({
      id: r.id,
      referrerName: names.get(r.referrerId) ?? '',
      referredName: names.get(r.referredId) ?? '',
      need: r.need,
      relationshipType: r.relationshipType,
      value: r.value,
      movedAt: movedAt(r),
    }))
  }
  return stages
}

/** One referral with its people, its tell-the-referrer touches and its rewards. */
export interface ReferralDetail {
  row: ReferralRow
  referrer?: ContactRow
  referred?: ContactRow
  tells: TouchRow[]
  rewards: RewardRow[]
}

/** Reads one referral and what it made. Dexie calls only. */
export async function readReferral(db: ReadModel, id: string): Promise<ReferralDetail | null> {
  const row = await db.referrals.get(id)
  if (!row || row.deleted) return null
  const [referrer, referred] = await db.contacts.bulkGet([row.referrerId, row.referredId])
  const tells = await db.touches.where('id').startsWith(`${id}:tell:`).toArray()
  const rewards = await db.rewards.where('referralId').equals(id).toArray()
  return {
    row,
    referrer,
    referred,
    tells: tells.filter((t) => !t.deleted).sort((a, b) => a.created.at - b.created.at),
    rewards: rewards.filter((r) => !r.deleted),
  }
}

/** A ledger line as the screen shows it: the reward and whom it went to. */
export type LedgerLine = RewardRow & { contactName: string; disclosureRequired: boolean }

/** The rewards ledger: the newest lines (at most `LEDGER_LIMIT`) and the totals of all. */
export interface LedgerView {
  lines: LedgerLine[]
  total: LedgerTotals
}

export const emptyLedger = (): LedgerView => ({
  lines: [],
  total: { count: 0, cost: 0, given: 0, pending: 0 },
})

/** Reads the rewards ledger (`shared/referrals` totals it). Dexie calls only. */
export async function readLedger(db: ReadModel): Promise<LedgerView> {
  const rows = await db.rewards.where('deleted').equals(0).toArray()
  const records = rows.map((r) => ({ ...r, deleted: null }) as unknown as RecordOf<'rewards'>)
  const ledger = rewardsLedger(records)
  const newest = ledger.entries.slice(-LEDGER_LIMIT).reverse()
  const names = await contactNames(
    db,
    newest.map((e) => e.contactId),
  )
  const byId = new Map(rows.map((r) => [r.id, r]))
  return {
    lines: newest.map((e) => ({
      ...byId.get(e.id)!,
      contactName: names.get(e.contactId) ?? '',
      disclosureRequired: e.disclosureRequired,
    })),
    total: ledger.total,
  }
}
