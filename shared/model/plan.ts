import * as v from 'valibot'
import { Channel, Day, Id, Text, Timestamp } from './common'

/** One scheduled touch of a plan: at a day offset, or repeating. */
export const PlanStep = v.object({
  id: Id,
  /** Days after enrollment; ignored when `recurrence` is set. */
  offsetDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  recurrence: v.optional(
    v.object({
      everyDays: v.pipe(v.number(), v.integer(), v.minValue(1)),
      count: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
  ),
  channel: Channel,
  title: Text,
  /** A script or template with merge fields such as `{firstName}` and `{agentName}`. */
  script: v.optional(v.string(), ''),
  assigneeRole: v.optional(v.picklist(['owner', 'agent', 'assistant', 'admin']), 'owner'),
})
export type PlanStep = v.InferOutput<typeof PlanStep>

export const PlanFields = {
  name: Text,
  /** Built-in plans keep their key so rules (8x8 → 33 Touch) find them after edits. */
  builtin: v.optional(v.picklist(['8x8', '33-touch', '12-direct', 'email-only'])),
  description: v.optional(v.string(), ''),
  steps: v.array(PlanStep),
  archived: v.optional(v.boolean(), false),
}
export const PlanInput = v.object(PlanFields)
export type PlanInput = v.InferInput<typeof PlanInput>
export type PlanData = v.InferOutput<typeof PlanInput>

export const EnrollmentFields = {
  contactId: Id,
  planId: Id,
  startDay: Day,
  memberId: Id,
  status: v.optional(v.picklist(['active', 'completed', 'stopped']), 'active'),
  stoppedReason: v.optional(v.string()),
  /** The enrollment this one continues from (8x8 → 33 Touch, no response → 12 Direct). */
  previousId: v.optional(Id),
}
export const EnrollmentInput = v.object(EnrollmentFields)
export type EnrollmentInput = v.InferInput<typeof EnrollmentInput>
export type EnrollmentData = v.InferOutput<typeof EnrollmentInput>

export const TouchStatus = v.picklist(['pending', 'done', 'skipped', 'cancelled'])
export type TouchStatus = v.InferOutput<typeof TouchStatus>

export const TouchFields = {
  contactId: Id,
  enrollmentId: v.optional(Id),
  planId: v.optional(Id),
  stepId: v.optional(Id),
  due: Day,
  channel: Channel,
  title: Text,
  script: v.optional(v.string(), ''),
  assignee: Id,
  status: v.optional(TouchStatus, 'pending'),
  doneAt: v.optional(Timestamp),
  note: v.optional(v.string()),
}
export const TouchInput = v.object(TouchFields)
export type TouchInput = v.InferInput<typeof TouchInput>
export type TouchData = v.InferOutput<typeof TouchInput>
