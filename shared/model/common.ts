import * as v from 'valibot'

/** A non-empty, trimmed string. */
export const Text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'))
/** A record id (UUIDv7 in production, anything non-empty in tests). */
export const Id = v.pipe(v.string(), v.minLength(1, 'must be an id'))
/** Milliseconds since the epoch. */
export const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0))
/** A calendar day, `YYYY-MM-DD`. */
export const Day = v.pipe(v.string(), v.isoDate('must be a date as YYYY-MM-DD'))
/** An amount of money in the team's currency, in minor units (cents). */
export const Money = v.pipe(v.number(), v.integer('must be whole cents'), v.minValue(0))

/** Who changed a record and when. Every write carries one. */
export const Stamp = v.object({ at: Timestamp, by: Id })
export type Stamp = v.InferOutput<typeof Stamp>

/** A soft delete: the record stays, marked with who deleted it and when. */
export const Tombstone = Stamp
export type Tombstone = Stamp

/** Relationship types from the course (000): who sends referrals and why. */
export const RelationshipType = v.picklist(['allied-resource', 'advocate', 'core-advocate', 'other'])
export type RelationshipType = v.InferOutput<typeof RelationshipType>

/** Channels a touch or an opt-out applies to. */
export const Channel = v.picklist(['call', 'email', 'mail', 'card', 'gift', 'text', 'visit', 'event'])
export type Channel = v.InferOutput<typeof Channel>
