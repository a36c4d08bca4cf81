import type { Repo, Result } from '../doc'
import type { RecordOf, RewardInput } from '../model'
import { dayOf } from '../plans'

/** Who a reward of a referral goes to. */
export type RewardRole = 'referrer' | 'referred'

/** The deterministic id of a referral's reward, so devices acting at once create one. */
export const rewardId = (referralId: string, reason: 'made' | 'closed', role: RewardRole = 'referrer') =>
  reason === 'made' ? `${referralId}:reward:made` : `${referralId}:reward:closed:${role}`

/**
 * Creates a reward for a referral (inside the caller's batch): to the referrer for the act of
 * referring (`made`, at once, 002) or at closing, to the referrer or the referred person.
 * The cost comes from the team settings (`rewardCostReferrer`, `rewardCostReferred`); a
 * reward that costs something is a gift, one that costs nothing a thank-you.
 */
export function createReward(
  repo: Repo,
  referral: RecordOf<'referrals'>,
  reason: 'made' | 'closed',
  role: RewardRole = 'referrer',
): Result<RecordOf<'rewards'>> {
  const settings = repo.settings.get()
  const cost = role === 'referrer' ? settings.rewardCostReferrer : settings.rewardCostReferred
  const who = role === 'referrer' ? referral.referrerId : referral.referredId
  const input: RewardInput = {
    contactId: who,
    referralId: referral.id,
    reason: reason === 'made' ? 'referral-made' : 'referral-closed',
    kind: cost > 0 ? 'gift' : 'thank-you',
    description:
      reason === 'made'
        ? 'Thank-you for the referral'
        : role === 'referrer'
          ? 'Closing thank-you'
          : 'Closing gift',
    cost,
    day: dayOf(repo.clock.now()),
  }
  return repo.create('rewards', input, { id: rewardId(referral.id, reason, role) })
}

/** Marks a reward as given. */
export function markRewardGiven(repo: Repo, id: string): Result<RecordOf<'rewards'>> {
  return repo.update('rewards', id, { given: true })
}

/** One line of the ledger: the reward, and whether its financial interest must be disclosed. */
export type LedgerEntry = RecordOf<'rewards'> & {
  /** True for every reward that costs something (Ethics: disclose financial interests). */
  disclosureRequired: boolean
}

/** Totals in cents: everything, what was given, what is still to give. */
export interface LedgerTotals {
  count: number
  cost: number
  given: number
  pending: number
}

/** The rewards ledger: entries by day, totals per contact (largest first) and overall. */
export interface RewardsLedger {
  entries: LedgerEntry[]
  byContact: (LedgerTotals & { contactId: string })[]
  total: LedgerTotals
}

const zero = (): LedgerTotals => ({ count: 0, cost: 0, given: 0, pending: 0 })
const add = (t: LedgerTotals, r: RecordOf<'rewards'>) => {
  t.count++
  t.cost += r.cost
  if (r.given) t.given += r.cost
  else t.pending += r.cost
}

/**
 * The rewards ledger, from a repository or a list of reward records. Deleted rewards are left
 * out; with a period, only rewards whose `day` falls in it (both ends included).
 * @param source - the repository, or the reward records
 * @param period - `{ from, to }` as `YYYY-MM-DD`
 */
export function rewardsLedger(
  source: Repo | readonly RecordOf<'rewards'>[],
  period?: { from: string; to: string },
): RewardsLedger {
  const records = Array.isArray(source) ? source : (source as Repo).list('rewards')
  const entries = records
    .filter((r) => !r.deleted && (!period || (r.day >= period.from && r.day <= period.to)))
    .map((r) => ({ ...r, disclosureRequired: r.cost > 0 }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const total = zero()
  const per = new Map<string, LedgerTotals>()
  for (const r of entries) {
    add(total, r)
    let t = per.get(r.contactId)
    if (!t) per.set(r.contactId, (t = zero()))
    add(t, r)
  }
  const byContact = [...per.entries()]
    .map(([contactId, t]) => ({ contactId, ...t }))
    .sort((a, b) => b.cost - a.cost || (a.contactId < b.contactId ? -1 : 1))
  return { entries, byContact, total }
}
