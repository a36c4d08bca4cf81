import * as v from 'valibot'
import { Day, Id, Money, RelationshipType, Text, Timestamp } from './common'
import { SourceKind } from './contact'

export const LEAD_STAGES = ['new', 'contacted', 'qualified', 'appointment', 'converted', 'lost'] as const
export const LeadStage = v.picklist(LEAD_STAGES)
export type LeadStage = v.InferOutput<typeof LeadStage>

/** FAST: every lead enters one inbox, is assigned, has a source and is tracked. */
export const LeadFields = {
  contactId: Id,
  sourceId: Id,
  entry: v.picklist(['manual', 'import', 'capture']),
  stage: v.optional(LeadStage, 'new'),
  stageAt: v.optional(v.record(v.string(), Timestamp), {}),
  receivedAt: Timestamp,
  firstContactAt: v.optional(Timestamp),
  assignee: v.optional(Id),
  planId: v.optional(Id),
  need: v.optional(v.string()),
}
export const LeadInput = v.object(LeadFields)
export type LeadInput = v.InferInput<typeof LeadInput>
export type LeadData = v.InferOutput<typeof LeadInput>

/** A team-editable lead source ("Open house Elm St", "Zillow ads", "Referral: Dana"). */
export const SourceFields = {
  name: Text,
  kind: SourceKind,
  relationshipType: v.optional(RelationshipType),
  active: v.optional(v.boolean(), true),
}
export const SourceInput = v.object(SourceFields)
export type SourceInput = v.InferInput<typeof SourceInput>
export type SourceData = v.InferOutput<typeof SourceInput>

/** Money spent: marketing per source, the program's running costs. */
export const CostFields = {
  day: Day,
  amount: Money,
  category: v.picklist(['marketing', 'reward', 'mail', 'event', 'software', 'other']),
  sourceId: v.optional(Id),
  note: v.optional(v.string(), ''),
}
export const CostInput = v.object(CostFields)
export type CostInput = v.InferInput<typeof CostInput>
export type CostData = v.InferOutput<typeof CostInput>

/** A transaction with a client; closed deals are the revenue side of KPIs. */
export const DealFields = {
  contactId: Id,
  side: v.picklist(['buyer', 'seller']),
  status: v.optional(v.picklist(['open', 'closed', 'lost']), 'open'),
  value: v.optional(Money),
  /** The team's gross commission income from the deal, in cents. */
  income: v.optional(Money),
  closedOn: v.optional(Day),
  referralId: v.optional(Id),
  sourceId: v.optional(Id),
  memberId: v.optional(Id),
  /** A listing taken (seller side) or a buyer represented, for the listings balance. */
  listing: v.optional(v.boolean(), false),
}
export const DealInput = v.object(DealFields)
export type DealInput = v.InferInput<typeof DealInput>
export type DealData = v.InferOutput<typeof DealInput>

/** One answer to "how likely are you to recommend us" (0–10), for NPS. */
export const SurveyFields = {
  contactId: Id,
  day: Day,
  score: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)),
  comment: v.optional(v.string(), ''),
}
export const SurveyInput = v.object(SurveyFields)
export type SurveyInput = v.InferInput<typeof SurveyInput>
export type SurveyData = v.InferOutput<typeof SurveyInput>
