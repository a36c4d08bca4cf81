import * as v from 'valibot'
import { Channel, Id, Text, Timestamp } from './common'

export const MemberFields = {
  name: Text,
  role: v.picklist(['owner', 'agent', 'assistant', 'admin']),
  email: v.optional(v.string()),
  active: v.optional(v.boolean(), true),
}
export const MemberInput = v.object(MemberFields)
export type MemberInput = v.InferInput<typeof MemberInput>
export type MemberData = v.InferOutput<typeof MemberInput>

/**
 * An opt-out event: a person asked to stop (003 §4.3). Events are only ever added; a contact
 * is opted out while any event is not superseded by an opt-in. `all` stops every plan.
 */
export const OptOutEvent = v.object({
  contactId: Id,
  channel: v.union([v.literal('all'), Channel]),
  reason: v.optional(v.string(), ''),
  at: Timestamp,
  by: Id,
})
export type OptOutEvent = v.InferOutput<typeof OptOutEvent>

/** An explicit, attributed opt-in that clears exactly the opt-out events it names. */
export const OptInEvent = v.object({
  contactId: Id,
  supersedes: v.pipe(v.array(Id), v.minLength(1, 'must name the opt-out events it clears')),
  reason: Text,
  at: Timestamp,
  by: Id,
})
export type OptInEvent = v.InferOutput<typeof OptInEvent>
