import * as v from 'valibot'
import { Day, Id, Money, RelationshipType, Text, Timestamp } from './common'

/** Referral stages in order; `lost` can follow any stage before `closed`. */
export const REFERRAL_STAGES = [
  'received',
  'contacted',
  'appointment',
  'agreement',
  'under-contract',
  'closed',
  'lost',
] as const
export const ReferralStage = v.picklist(REFERRAL_STAGES)
export type ReferralStage = v.InferOutput<typeof ReferralStage>

/** A real opportunity: someone (the referrer) sent us someone with a need (004). */
export const ReferralFields = {
  referrerId: Id,
  referredId: Id,
  need: Text,
  relationshipType: v.optional(RelationshipType, 'other'),
  stage: v.optional(ReferralStage, 'received'),
  /** Milliseconds of each stage reached, for time-in-stage and the referrer's updates. */
  stageAt: v.optional(v.record(v.string(), Timestamp), {}),
  receivedAt: Timestamp,
  /** The deal's value when closed, in cents. */
  value: v.optional(Money),
  side: v.optional(v.picklist(['buyer', 'seller'])),
  memberId: v.optional(Id),
  sourceId: v.optional(Id),
  introId: v.optional(Id),
}
export const ReferralInput = v.object(ReferralFields)
export type ReferralInput = v.InferInput<typeof ReferralInput>
export type ReferralData = v.InferOutput<typeof ReferralInput>

/** A thank-you, a gift or a card given for a referral; the ledger feeds costs and ROI. */
export const RewardFields = {
  contactId: Id,
  referralId: v.optional(Id),
  reason: v.picklist(['referral-made', 'referral-closed', 'other']),
  kind: v.picklist(['thank-you', 'gift', 'card', 'experience', 'other']),
  description: v.optional(v.string(), ''),
  cost: Money,
  day: Day,
  given: v.optional(v.boolean(), false),
}
export const RewardInput = v.object(RewardFields)
export type RewardInput = v.InferInput<typeof RewardInput>
export type RewardData = v.InferOutput<typeof RewardInput>
