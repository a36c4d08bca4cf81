import * as v from 'valibot'
import { Id, Text, Timestamp } from './common'

/** A party's consent, asked separately and privately (CARE: Consent). */
export const Consent = v.object({
  at: Timestamp,
  how: v.picklist(['in-person', 'call', 'email', 'text', 'other']),
  by: Id,
  note: v.optional(v.string()),
})
export type Consent = v.InferOutput<typeof Consent>

/** The good-referral checklist (004): what a well-made introduction captures. */
export const GoodReferral = v.object({
  preferredContactA: v.optional(v.string()),
  preferredContactB: v.optional(v.string()),
  bestTimeA: v.optional(v.string()),
  bestTimeB: v.optional(v.string()),
  productOrService: v.optional(v.string()),
  howToBook: v.optional(v.string()),
  budget: v.optional(v.string()),
})
export type GoodReferral = v.InferOutput<typeof GoodReferral>

export const IntroFields = {
  partyA: Id,
  partyB: Id,
  /** CARE: Actual — the need and how soon. */
  need: v.object({ text: Text, urgency: v.picklist(['now', 'soon', 'later']) }),
  consentA: v.optional(v.nullable(Consent)),
  consentB: v.optional(v.nullable(Consent)),
  /** CARE: Relevant — why this helps both sides. */
  relevance: v.optional(v.string()),
  /** CARE: Exit & evaluate — when to follow up, and the touch that does it. */
  exit: v.optional(
    v.object({ followUpDays: v.pipe(v.number(), v.integer(), v.minValue(1)), touchId: v.optional(Id) }),
  ),
  outcome: v.optional(v.picklist(['pending', 'worked', 'did-not', 'unknown']), 'pending'),
  checklist: v.optional(GoodReferral, {}),
  referralId: v.optional(Id),
  /** Who asked for the introduction, when it came from a third person. */
  requestedBy: v.optional(Id),
}
export const IntroInput = v.object(IntroFields)
export type IntroInput = v.InferInput<typeof IntroInput>
export type IntroData = v.InferOutput<typeof IntroInput>
