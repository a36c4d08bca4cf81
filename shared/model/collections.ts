import * as v from 'valibot'
import type { Stamp, Tombstone } from './common'
import { ContactFields } from './contact'
import { IntroFields } from './intro'
import { CostFields, DealFields, LeadFields, SourceFields, SurveyFields } from './lead'
import { MemberFields } from './member'
import { EnrollmentFields, PlanFields, TouchFields } from './plan'
import { ReferralFields, RewardFields } from './referral'

/**
 * Where a collection lives: `team` is the small document every device loads first
 * (members, plans, sources, the opt-out ledger); `shard` collections are spread over the
 * record documents by a hash of the record id.
 */
export type Placement = 'team' | 'shard'

const record = <F extends v.ObjectEntries, P extends Placement>(fields: F, placement: P) => ({
  fields,
  placement,
  schema: v.strictObject(fields),
})

/** Editable collections: one Y.Map per record, one key per top-level field (the merge unit). */
export const RECORD_COLLECTIONS = {
  contacts: record(ContactFields, 'shard'),
  referrals: record(ReferralFields, 'shard'),
  rewards: record(RewardFields, 'shard'),
  intros: record(IntroFields, 'shard'),
  enrollments: record(EnrollmentFields, 'shard'),
  touches: record(TouchFields, 'shard'),
  leads: record(LeadFields, 'shard'),
  costs: record(CostFields, 'shard'),
  deals: record(DealFields, 'shard'),
  surveys: record(SurveyFields, 'shard'),
  plans: record(PlanFields, 'team'),
  sources: record(SourceFields, 'team'),
  members: record(MemberFields, 'team'),
}

export type RecordCollection = keyof typeof RECORD_COLLECTIONS
export const RECORD_COLLECTION_NAMES = Object.keys(RECORD_COLLECTIONS) as RecordCollection[]

/** Append-only collections: one frozen JSON value per entry. */
export const APPEND_COLLECTIONS = {
  interactions: { placement: 'shard' },
  optOuts: { placement: 'team' },
  optIns: { placement: 'team' },
} as const satisfies Record<string, { placement: Placement }>
export type AppendCollection = keyof typeof APPEND_COLLECTIONS

type SchemaOf<C extends RecordCollection> = (typeof RECORD_COLLECTIONS)[C]['schema']
/** What a create call accepts for collection C (defaults not yet applied). */
export type InputOf<C extends RecordCollection> = v.InferInput<SchemaOf<C>>
/** The validated data of a record of collection C. */
export type DataOf<C extends RecordCollection> = v.InferOutput<SchemaOf<C>>
/** What an update call accepts: any subset of the fields. */
export type PatchOf<C extends RecordCollection> = Partial<InputOf<C>>

/** The bookkeeping every stored record carries beside its data. */
export interface RecordMeta {
  id: string
  created: Stamp
  stamp: Stamp
  deleted?: Tombstone | null
}
/** A record of collection C as read back from the document. */
export type RecordOf<C extends RecordCollection> = DataOf<C> & RecordMeta

/** Keys of a record's Y.Map that are bookkeeping, not data. */
export const META_KEYS = ['created', 'stamp', 'deleted'] as const

const patchSchemas = new Map<RecordCollection, v.GenericSchema>()

/** The valibot schema that validates a create call for collection C. */
export function inputSchema<C extends RecordCollection>(c: C): v.GenericSchema<InputOf<C>, DataOf<C>> {
  return RECORD_COLLECTIONS[c].schema as unknown as v.GenericSchema<InputOf<C>, DataOf<C>>
}

/** The valibot schema that validates an update call for collection C (no defaults applied). */
export function patchSchema<C extends RecordCollection>(
  c: C,
): v.GenericSchema<PatchOf<C>, Partial<DataOf<C>>> {
  let s = patchSchemas.get(c)
  if (!s) {
    const entries = Object.fromEntries(
      Object.entries(RECORD_COLLECTIONS[c].fields as v.ObjectEntries).map(([k, schema]) => [
        k,
        // Drop the field's own default: a patch changes only the keys it names.
        v.optional(
          'wrapped' in schema && schema.type === 'optional' ? (schema.wrapped as v.GenericSchema) : schema,
        ),
      ]),
    )
    patchSchemas.set(c, (s = v.strictObject(entries)))
  }
  return s as v.GenericSchema<PatchOf<C>, Partial<DataOf<C>>>
}
