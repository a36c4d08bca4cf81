import * as v from 'valibot'

/** Team-wide settings, stored in the team document; every key has a sensible default. */
export const TeamSettings = v.object({
  name: v.optional(v.string(), 'My team'),
  /** ISO 4217 code used to show money (amounts are stored in cents). */
  currency: v.optional(v.pipe(v.string(), v.length(3)), 'USD'),
  /** After this many touches in a row with no response, a contact moves to a lighter plan. */
  noResponseLimit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 6),
  /** The lighter plan for non-responsive contacts (never deletion, 003 §3.2). */
  noResponsePlan: v.optional(v.picklist(['12-direct', 'email-only']), '12-direct'),
  /** Retention periods (years) used for customer lifetime value. */
  retentionYears: v.optional(v.pipe(v.number(), v.minValue(0)), 5),
  /** Default costs in cents for the reward given to the referrer and to the referred person. */
  rewardCostReferrer: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 5000),
  rewardCostReferred: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 2500),
})
export type TeamSettings = v.InferOutput<typeof TeamSettings>
export type TeamSettingsInput = v.InferInput<typeof TeamSettings>
