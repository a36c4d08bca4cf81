import { check, fail, ok, type Repo, type Result } from '../doc'
import { inputSchema, type RecordOf, type ReferralInput } from '../model'
import { createReward, rewardId } from './rewards'
import { stageEventId } from './stages'
import { createTellTouch, tellTouchId } from './tell'

/** What a new referral needs; the stage, its time and `receivedAt` are set here. */
export type ReceiveReferralInput = Omit<ReferralInput, 'stage' | 'stageAt' | 'receivedAt'>

export interface ReceiveReferralOptions {
  /** A deterministic id (`${introId}:referral`): a referral already stored with it is returned as is. */
  id?: string
}

/** The referral and what came with it at once: the reward for referring and the thank-you touch. */
export interface ReceivedReferral {
  referral: RecordOf<'referrals'>
  reward?: RecordOf<'rewards'>
  touch?: RecordOf<'touches'>
  /** Why no touch was planned (the referrer opted out). */
  touchSkipped?: string
}

/** Refuses unknown or deleted contacts, members and sources, and a person referring themself. */
export function checkReferralParties(repo: Repo, input: ReceiveReferralInput): Result<void> {
  if (input.referrerId === input.referredId) return fail('referredId', 'a person cannot refer themself')
  for (const key of ['referrerId', 'referredId'] as const) {
    const c = repo.get('contacts', input[key])
    if (!c) return fail(key, `no contact ${input[key]}`)
    if (c.deleted) return fail(key, `contact ${c.name.display} is deleted`)
  }
  if (input.memberId && !repo.get('members', input.memberId))
    return fail('memberId', `no member ${input.memberId}`)
  if (input.sourceId && !repo.get('sources', input.sourceId))
    return fail('sourceId', `no source ${input.sourceId}`)
  return ok(undefined)
}

/**
 * Receives a referral: creates it at stage `received` and, at once, rewards the act of
 * referring (002: a reward to the referrer costing `settings.rewardCostReferrer`) and plans
 * a touch to thank the referrer (with the reward disclosure). The relationship type defaults
 * to the referrer's. Everything is validated before the first write and written in one batch.
 * @returns the records, or problems naming the field (nothing written)
 */
export function receiveReferral(
  repo: Repo,
  input: ReceiveReferralInput,
  options: ReceiveReferralOptions = {},
): Result<ReceivedReferral> {
  if (options.id) {
    const existing = repo.get('referrals', options.id)
    if (existing) {
      return ok({
        referral: existing,
        reward: repo.get('rewards', rewardId(existing.id, 'made')),
        touch: repo.get('touches', tellTouchId(existing.id, 'received')),
      })
    }
  }
  const parties = checkReferralParties(repo, input)
  if (!parties.ok) return parties
  const now = repo.clock.now()
  const referrer = repo.get('contacts', input.referrerId)!
  const data = check(inputSchema('referrals'), {
    ...input,
    relationshipType: input.relationshipType ?? referrer.class.relationshipType ?? 'other',
    stage: 'received',
    stageAt: { received: now },
    receivedAt: now,
  })
  if (!data.ok) return data
  return repo.batch(() => {
    const created = repo.create('referrals', data.value, { id: options.id })
    if (!created.ok) return created
    const referral = created.value
    repo.timeline.append(
      {
        contactId: referral.referredId,
        kind: 'referral',
        at: now,
        referralId: referral.id,
        summary: `Referred by ${referrer.name.display}: ${referral.need}`,
      },
      { id: stageEventId(referral.id, 'received') },
    )
    const reward = createReward(repo, referral, 'made')
    const tell = createTellTouch(repo, referral, 'received')
    return ok({
      referral,
      reward: reward.ok ? reward.value : undefined,
      touch: tell.touch,
      touchSkipped: tell.skipped,
    })
  })
}
