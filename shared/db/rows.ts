import type { Interaction, RecordCollection, RecordOf, Tombstone } from '../model'

/**
 * The row types of the read model. A projected row is a flat copy of a record for lists and
 * indexes: booleans become 0/1 (IndexedDB cannot index booleans), a soft delete becomes
 * `deleted: 1` plus its tombstone, and shard rows carry the shard they came from.
 */

/** A projected table: a record collection or the timeline. */
export type ProjectedTable = RecordCollection | 'interactions'

/** A record of a team-document collection (plans, sources, members) as a row. */
export type RecordRow<C extends RecordCollection> = Omit<RecordOf<C>, 'deleted'> & {
  /** 1 when soft-deleted; indexed, so lists can skip deleted rows. */
  deleted: 0 | 1
  /** Who deleted the record and when, while it is deleted. */
  tombstone?: Tombstone
}

/** A record of a shard collection as a row: also names its shard (for repairs). */
export type ShardRow<C extends RecordCollection> = RecordRow<C> & { shard: number }

/** A contact as a list screen shows it; details are read from the document (`repo.get`). */
export interface ContactRow {
  id: string
  shard: number
  deleted: 0 | 1
  kind: 'person' | 'organisation'
  displayName: string
  givenName?: string
  familyName?: string
  /** The folded display name, to sort lists the way search matches (`orderBy('sortKey')`). */
  sortKey: string
  organisation?: string
  title?: string
  /** The first email and phone as written, for display. */
  primaryEmail?: string
  primaryPhone?: string
  city?: string
  /** Normalized emails (lower-case). */
  emails: string[]
  /** Phones in E.164; numbers that cannot be normalized are left out. */
  phones: string[]
  /** `linkedin.com/in/<slug>`, lower-cased. */
  linkedin?: string
  /** Folded search tokens of the names, organisation and email local parts (`nameTokens`). */
  nameTokens: string[]
  tags: string[]
  circles: string[]
  met: 0 | 1
  relationshipType?: string
  innerCircleRole?: string
  targetGroup?: string
  sourceKind?: string
  sourceId?: string
  referredBy?: string
  owner?: string
  /** 1 while the opt-out ledger holds an event in force for this contact (any channel). */
  optedOut: 0 | 1
  /** The channels opted out of (`all` stops everything). */
  optOutChannels: string[]
  /** The earliest due day of the contact's pending, not deleted touches. */
  nextTouchDue?: string
  createdAt: number
  updatedAt: number
}

/** Rows of the other record collections: the record, flattened as above. */
export type ReferralRow = ShardRow<'referrals'>
/** A row of `rewards`. */
export type RewardRow = ShardRow<'rewards'>
/** A row of `intros`. */
export type IntroRow = ShardRow<'intros'>
/** A row of `enrollments`. */
export type EnrollmentRow = ShardRow<'enrollments'>
/** A row of `touches`. */
export type TouchRow = ShardRow<'touches'>
/** A row of `leads`. */
export type LeadRow = ShardRow<'leads'>
/** A row of `costs`. */
export type CostRow = ShardRow<'costs'>
/** A row of `deals`. */
export type DealRow = ShardRow<'deals'>
/** A row of `surveys`. */
export type SurveyRow = ShardRow<'surveys'>
/** A row of `plans`. */
export type PlanRow = RecordRow<'plans'>
/** A row of `sources`. */
export type SourceRow = RecordRow<'sources'>
/** A row of `members`. */
export type MemberRow = RecordRow<'members'>
/** A timeline entry as a row. */
export type InteractionRow = Interaction & { shard: number }

/** The row type of each projected table. */
export interface ProjectedRows {
  contacts: ContactRow
  referrals: ReferralRow
  rewards: RewardRow
  intros: IntroRow
  enrollments: EnrollmentRow
  touches: TouchRow
  leads: LeadRow
  costs: CostRow
  deals: DealRow
  surveys: SurveyRow
  plans: PlanRow
  sources: SourceRow
  members: MemberRow
  interactions: InteractionRow
}
/** Any projected row. */
export type AnyRow = ProjectedRows[ProjectedTable]

/** Which document state the rows reflect: one row per document, written with the rows. */
export interface MetaRow {
  /** The document's guid. */
  doc: string
  /** `Y.encodeStateVector(doc)` at the time of projection. */
  sv: Uint8Array
  /** `<PROJECTION_VERSION>/<defaultCountry>`: rows projected another way are rebuilt. */
  version: string
}

/** A local setting of this device (never synced). */
export interface SettingRow {
  key: string
  value: unknown
}

/**
 * A local copy of a query's last answer, to draw a screen at once on the next start while the
 * query runs again (never synced; stale at worst, and replaced by the fresh answer).
 */
export interface SnapshotRow {
  key: string
  value: unknown
  /** When it was taken (ms since the epoch). */
  at: number
}

/** A capture waiting to be applied to the documents (written by the capture host). */
export interface CaptureQueueRow {
  /** Auto-incremented on `add`. */
  seq?: number
  status: string
  [field: string]: unknown
}

/** A known sync peer of this device. */
export interface PeerRow {
  id: string
  [field: string]: unknown
}

/** One import run, kept so it can be reviewed or undone. */
export interface ImportBatchRow {
  id: string
  [field: string]: unknown
}
