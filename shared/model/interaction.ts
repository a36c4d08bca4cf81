import * as v from 'valibot'
import { Channel, Id, Text, Timestamp } from './common'

/** What happened: a touch channel, or one of the timeline's own kinds. */
export const InteractionKind = v.picklist([
  'call',
  'email',
  'mail',
  'card',
  'gift',
  'text',
  'visit',
  'event',
  'meeting',
  'offer',
  'note',
  'capture',
  'referral',
  'intro',
  'opt-out',
  'opt-in',
])

/**
 * One entry of a contact's timeline. Interactions are append-only: never edited, never
 * deleted; a correction is a new entry. They order by `at`, then by id.
 */
export const InteractionInput = v.object({
  contactId: Id,
  kind: InteractionKind,
  at: Timestamp,
  summary: Text,
  channel: v.optional(Channel),
  direction: v.optional(v.picklist(['in', 'out'])),
  /** Whether the contact answered (a reply, a call back): feeds the no-response rule. */
  responded: v.optional(v.boolean()),
  touchId: v.optional(Id),
  referralId: v.optional(Id),
  introId: v.optional(Id),
  subject: v.optional(v.string()),
  link: v.optional(v.string()),
})
export type InteractionInput = v.InferInput<typeof InteractionInput>

export const Interaction = v.object({
  ...InteractionInput.entries,
  id: Id,
  by: Id,
  recordedAt: Timestamp,
})
export type Interaction = v.InferOutput<typeof Interaction>
