import * as v from 'valibot'
import { RECORD_COLLECTIONS, type RecordCollection } from '../model'
import { jsonEqual } from './json'

/**
 * How a record is laid out in its Y.Map. Decoding cost grows with the number of map entries
 * (`npm run bench`: a 50k team decoded in 21 s with one key per field), so:
 * - fields still at their schema default are not stored (they are filled in on read);
 * - `created` and `stamp` share one `meta` key;
 * - fields set once when a record is made and rarely edited share one `fixed` key.
 * Every other field keeps a key of its own, so concurrent edits of different fields merge.
 */
const FIXED: Partial<Record<RecordCollection, readonly string[]>> = {
  referrals: [
    'referrerId',
    'referredId',
    'need',
    'relationshipType',
    'receivedAt',
    'side',
    'sourceId',
    'introId',
  ],
  rewards: ['contactId', 'referralId', 'reason', 'kind', 'description', 'cost', 'day'],
  intros: ['partyA', 'partyB', 'requestedBy'],
  enrollments: ['contactId', 'planId', 'startDay', 'memberId', 'previousId'],
  touches: ['contactId', 'enrollmentId', 'planId', 'stepId', 'channel', 'title', 'script'],
  leads: ['contactId', 'sourceId', 'entry', 'receivedAt', 'need'],
  costs: ['day', 'amount', 'category', 'sourceId', 'note'],
  deals: ['contactId', 'side', 'referralId', 'sourceId', 'memberId', 'listing'],
  surveys: ['contactId', 'day', 'score', 'comment'],
}

/** The storage keys that are not fields. */
export const META_KEY = 'meta'
export const FIXED_KEY = 'fixed'
export const DELETED_KEY = 'deleted'

interface Layout {
  fixed: ReadonlySet<string>
  defaults: Readonly<Record<string, unknown>>
  defaultsJson: string
}

const layouts = new Map<RecordCollection, Layout>()

function layoutOf(c: RecordCollection): Layout {
  let l = layouts.get(c)
  if (!l) {
    const defaults: Record<string, unknown> = {}
    for (const [k, schema] of Object.entries(RECORD_COLLECTIONS[c].fields as v.ObjectEntries)) {
      const d = v.getDefault(schema as never) as unknown
      if (d !== undefined) defaults[k] = d
    }
    l = { fixed: new Set(FIXED[c] ?? []), defaults, defaultsJson: JSON.stringify(defaults) }
    layouts.set(c, l)
  }
  return l
}

const isDefault = (l: Layout, field: string, value: unknown) =>
  value === undefined || (field in l.defaults && jsonEqual(value, l.defaults[field]))

/** The Y.Map entries of a new record: its non-default fields, `fixed` and `meta`. */
export function encodeRecord(
  c: RecordCollection,
  data: Record<string, unknown>,
  meta: { created: unknown; stamp: unknown },
): [string, unknown][] {
  const l = layoutOf(c)
  const out: [string, unknown][] = []
  const fixed: Record<string, unknown> = {}
  for (const [k, value] of Object.entries(data)) {
    if (isDefault(l, k, value)) continue
    if (l.fixed.has(k)) fixed[k] = value
    else out.push([k, value])
  }
  if (Object.keys(fixed).length) out.push([FIXED_KEY, fixed])
  out.push([META_KEY, meta])
  return out
}

/**
 * The Y.Map writes that apply `patch` (field → new value, `undefined` to clear) to a stored
 * record: `[key, value]` to set, `[key, undefined]` to delete. Unchanged keys are left out.
 */
export function encodePatch(
  c: RecordCollection,
  stored: { get(key: string): unknown },
  patch: Record<string, unknown>,
): [string, unknown][] {
  const l = layoutOf(c)
  const out: [string, unknown][] = []
  let fixed: Record<string, unknown> | undefined
  for (const [k, value] of Object.entries(patch)) {
    if (l.fixed.has(k)) {
      fixed ??= { ...((stored.get(FIXED_KEY) as Record<string, unknown> | undefined) ?? {}) }
      if (isDefault(l, k, value)) delete fixed[k]
      else fixed[k] = value
      continue
    }
    const next = isDefault(l, k, value) ? undefined : value
    const current = stored.get(k)
    if (!jsonEqual(current, next)) out.push([k, next])
  }
  if (fixed && !jsonEqual(fixed, stored.get(FIXED_KEY) ?? {})) {
    out.push([FIXED_KEY, Object.keys(fixed).length ? fixed : undefined])
  }
  return out
}

/** Reads a stored record back into a plain object: defaults, then its keys, `fixed` and `meta` spread out. */
export function decodeRecord(
  c: RecordCollection,
  id: string,
  entries: Iterable<[string, unknown]>,
): Record<string, unknown> {
  const out = JSON.parse(layoutOf(c).defaultsJson) as Record<string, unknown>
  out.id = id
  for (const [k, value] of entries) {
    if (k === META_KEY || k === FIXED_KEY) Object.assign(out, value)
    else out[k] = value
  }
  return out
}
