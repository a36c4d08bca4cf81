import { check, fail, jsonEqual, ok, type Repo, type Result } from '../doc'
import { Money, ReferralStage, type RecordOf, type ReferralStage as Stage } from '../model'
import { createReward } from './rewards'
import { deriveStage, refuseMove, stageEventId, stageEvents, type DerivedStage } from './stages'
import { createTellTouch, tellTouchId } from './tell'

function derive(repo: Repo, r: RecordOf<'referrals'>): DerivedStage {
  return deriveStage(r, stageEvents(r.id, repo.timeline.list(r.referredId)))
}

/**
 * A referral as every device agrees on it: its stored fields with `stage` and `stageAt`
 * derived from every recorded move (see `deriveStage`), even before `reconcileReferral` ran.
 * @returns the referral, or `undefined` when there is no such record
 */
export function referralView(repo: Repo, id: string): RecordOf<'referrals'> | undefined {
  const r = repo.get('referrals', id)
  return r && { ...r, ...derive(repo, r) }
}

export interface AdvanceReferralOptions {
  /** The deal's value in cents; required to close unless already stored. */
  value?: number
}

/** The moved referral and what the move made: the message to the referrer and any rewards. */
export interface AdvancedReferral {
  referral: RecordOf<'referrals'>
  touch?: RecordOf<'touches'>
  touchSkipped?: string
  rewards: RecordOf<'rewards'>[]
}

/**
 * Moves a referral to `stage`: forward only, or to `lost` from any open stage; nothing leaves
 * `closed` or `lost`, and `closed` needs a value. The move records `stageAt`, appends a stage
 * event to the referred person's timeline (id `${id}:stage:${stage}:${actor}`, the merge-safe
 * record of the move), plans the positive tell-the-referrer touch (`${id}:tell:${stage}`) and,
 * on closing, rewards the referrer (`rewardCostReferrer`) and the referred person
 * (`rewardCostReferred`). The current stage is the derived one, so a move merged from another
 * device counts.
 * @returns the result, or problems naming `id`, `stage` or `value` (nothing written)
 */
export function advanceReferral(
  repo: Repo,
  id: string,
  stage: Stage,
  options: AdvanceReferralOptions = {},
): Result<AdvancedReferral> {
  const stored = repo.get('referrals', id)
  if (!stored) return fail('id', `no referral ${id}`)
  if (stored.deleted) return fail('id', `referral ${id} is deleted`)
  const valid = check(ReferralStage, stage, 'stage')
  if (!valid.ok) return valid
  const current = derive(repo, stored)
  const refused = refuseMove(current.stage, stage)
  if (refused) return fail('stage', refused)
  if (options.value !== undefined) {
    const v = check(Money, options.value, 'value')
    if (!v.ok) return v
  }
  const value = options.value ?? stored.value
  if (stage === 'closed' && !value)
    return fail('value', 'closing a referral needs the value of the deal, in cents')
  const now = repo.clock.now()
  const next = deriveStage({ stage, stageAt: { ...current.stageAt, [stage]: now } }, [])
  const referrer = repo.get('contacts', stored.referrerId)
  return repo.batch(() => {
    const updated = repo.update('referrals', id, { ...next, ...(value !== undefined ? { value } : {}) })
    if (!updated.ok) return updated
    const referral = updated.value
    const money = value === undefined ? '' : ` (${(value / 100).toFixed(2)} ${repo.settings.get().currency})`
    repo.timeline.append(
      {
        contactId: referral.referredId,
        kind: 'referral',
        at: now,
        referralId: id,
        summary: `Referral from ${referrer?.name.display ?? 'a contact'} moved to ${stage}${stage === 'closed' ? money : ''}`,
      },
      { id: stageEventId(id, stage, repo.actor) },
    )
    const tell = createTellTouch(repo, referral, stage)
    const rewards: RecordOf<'rewards'>[] = []
    if (stage === 'closed') {
      for (const role of ['referrer', 'referred'] as const) {
        const r = createReward(repo, referral, 'closed', role)
        if (r.ok) rewards.push(r.value)
      }
    }
    return ok({ referral, touch: tell.touch, touchSkipped: tell.skipped, rewards })
  })
}

/**
 * Writes a referral's derived `stage` and `stageAt` back to the record, so readers of the
 * plain fields (the read model, the KPIs) agree after devices merged concurrent moves, and
 * cancels a still-pending "lost" message when a concurrent close overruled it. Idempotent:
 * every device computes the same values from the same merged state, so concurrent runs agree.
 * @returns the reconciled referral, or a problem naming `id`
 */
export function reconcileReferral(repo: Repo, id: string): Result<RecordOf<'referrals'>> {
  const stored = repo.get('referrals', id)
  if (!stored) return fail('id', `no referral ${id}`)
  if (stored.deleted) return ok(stored)
  const d = derive(repo, stored)
  return repo.batch(() => {
    const lostTouch = repo.get('touches', tellTouchId(id, 'lost'))
    if (d.stage === 'closed' && lostTouch?.status === 'pending' && !lostTouch.deleted) {
      repo.update('touches', lostTouch.id, {
        status: 'cancelled',
        note: 'The referral closed: no "lost" message',
      })
    }
    if (jsonEqual({ stage: stored.stage, stageAt: stored.stageAt }, d)) return ok(stored)
    return repo.update('referrals', id, d)
  })
}
