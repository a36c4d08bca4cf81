import * as v from 'valibot'
import { Id, Money, RelationshipType, Stamp, Text, Tombstone } from './common'
import { Address, LabeledValue } from './person'

/** Inner-circle roles (001). */
export const InnerCircleRole = v.picklist(['promoter', 'influencer', 'collaborator', 'detractor'])
/** Circles of the sphere of influence (001 §2.1). */
export const Circle = v.picklist(['family-friends', 'colleagues', 'vendors', 'clients', 'organisations'])
/** The four target groups (002). */
export const TargetGroup = v.picklist(['general-public', 'target-group', 'met', 'allied-resources'])
/** How a contact reached the team (lead source kinds). */
export const SourceKind = v.picklist([
  'referral',
  'ad',
  'website',
  'open-house',
  'linkedin',
  'gmail',
  'import',
  'sign-call',
  'past-client',
  'other',
])

/**
 * The fields of a contact, in merge units. Each top-level key is stored as one value of the
 * contact's Y.Map, so concurrent edits of different keys both survive, while the fields inside
 * one key (say, given and family name) change together. The split follows what a person edits
 * on its own: the name, the emails, the phones, … A plain JSON value per key keeps the
 * document small (see the bench's `doc.bytes_per_contact`).
 */
export const ContactFields = {
  name: v.object({
    display: Text,
    given: v.optional(v.string()),
    family: v.optional(v.string()),
    pronouns: v.optional(v.string()),
    credentials: v.optional(v.string()),
  }),
  kind: v.optional(v.picklist(['person', 'organisation']), 'person'),
  emails: v.optional(v.array(LabeledValue), []),
  phones: v.optional(v.array(LabeledValue), []),
  addresses: v.optional(v.array(Address), []),
  web: v.optional(
    v.object({ linkedin: v.optional(v.string()), websites: v.optional(v.array(v.string()), []) }),
    { websites: [] },
  ),
  work: v.optional(v.object({ organisation: v.optional(v.string()), title: v.optional(v.string()) }), {}),
  class: v.optional(
    v.object({
      met: v.optional(v.boolean(), false),
      relationshipType: v.optional(RelationshipType),
      innerCircleRole: v.optional(InnerCircleRole),
      circles: v.optional(v.array(Circle), []),
      targetGroup: v.optional(TargetGroup),
    }),
    { met: false, circles: [] },
  ),
  profile: v.optional(
    v.object({
      birthday: v.optional(v.string()),
      ageBand: v.optional(v.string()),
      gender: v.optional(v.string()),
      occupation: v.optional(v.string()),
      incomeBand: v.optional(v.string()),
      propertyTypes: v.optional(v.array(v.string()), []),
      locations: v.optional(v.array(v.string()), []),
      budgetMin: v.optional(Money),
      budgetMax: v.optional(Money),
      features: v.optional(v.array(v.string()), []),
      /** Whether this contact is mainly a seller or a buyer (listings balance, 002 §4). */
      side: v.optional(v.picklist(['buyer', 'seller', 'both'])),
    }),
    { propertyTypes: [], locations: [], features: [] },
  ),
  source: v.optional(
    v.object({
      kind: SourceKind,
      /** The team-editable source list entry (`sources` collection). */
      sourceId: v.optional(Id),
      /** The contact who referred this one, when the source is a referral. */
      referredBy: v.optional(Id),
      detail: v.optional(v.string()),
    }),
  ),
  tags: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), []),
  notes: v.optional(v.string(), ''),
  /** The member who owns the relationship. */
  owner: v.optional(Id),
  /** On a contact merged into another (and soft-deleted): the contact that kept its data. */
  mergedInto: v.optional(Id),
  /** On a kept contact: the contacts merged into it, whose timelines are shown as its own. */
  mergedFrom: v.optional(v.array(Id)),
  /**
   * On a kept contact: a fingerprint of each merged contact's data when it was last carried
   * over, so an edit another device made to it later is carried once, and a value removed
   * from the kept contact since does not come back.
   */
  mergeSeen: v.optional(v.record(v.string(), v.string())),
}

/** Input for creating a contact: only the name is required. */
export const ContactInput = v.object(ContactFields)
export type ContactInput = v.InferInput<typeof ContactInput>
export type ContactData = v.InferOutput<typeof ContactInput>

/** Input for editing a contact: any subset of the merge units. */
export const ContactPatch = v.partial(v.object(ContactFields))
export type ContactPatch = v.InferInput<typeof ContactPatch>

/** A contact as stored and read back. */
export const Contact = v.object({
  ...ContactFields,
  id: Id,
  created: Stamp,
  stamp: Stamp,
  deleted: v.optional(v.nullable(Tombstone)),
})
export type Contact = v.InferOutput<typeof Contact>
