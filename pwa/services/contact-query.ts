import type { ReadModel } from '../../shared/db'
import type { BuiltinKey } from '../../shared/plans'
import { InnerCircleRole, SourceKind, type RelationshipType } from '../../shared/model'

/** The inner-circle roles and source kinds a contact can carry (shared/model picklists). */
export const INNER_CIRCLE_ROLES = InnerCircleRole.options
export const SOURCE_KINDS = SourceKind.options

/** The list filters of the Contacts screen; `''` means any. */
export interface ContactFilters {
  met: 'all' | 'met' | 'not-met'
  relationshipType: RelationshipType | ''
  optedOut: 'all' | 'opted-out' | 'reachable'
  innerCircleRole: (typeof INNER_CIRCLE_ROLES)[number] | ''
  sourceKind: (typeof SOURCE_KINDS)[number] | ''
  tag: string
  /** Contacts actively enrolled in this plan. */
  planId: string
}

export const defaultFilters = (): ContactFilters => ({
  met: 'all',
  relationshipType: '',
  optedOut: 'all',
  innerCircleRole: '',
  sourceKind: '',
  tag: '',
  planId: '',
})

/** Whether no filter is set. */
export function isDefaultFilters(f: ContactFilters): boolean {
  const none = defaultFilters()
  return (Object.keys(none) as (keyof ContactFilters)[]).every((k) => f[k] === none[k])
}

/** A plan a filter or a bulk enrollment can name. */
export interface PlanChoice {
  id: string
  name: string
  builtin?: BuiltinKey
  /** Touches one enrollment schedules: what a bulk enrollment writes per contact. */
  touches: number
}

/** What the filter menus offer: the tags in use (sorted) and the live, not archived plans. */
export interface FilterChoices {
  tags: string[]
  plans: PlanChoice[]
}

/** The tags in use and the plans to choose from, from the indexes alone for the tags. */
export async function readFilterChoices(db: ReadModel): Promise<FilterChoices> {
  const tags = (await db.contacts.orderBy('tags').uniqueKeys()) as string[]
  const plans = (await db.plans.toArray())
    .filter((p) => !p.deleted && !p.archived)
    .map((p) => ({
      id: p.id,
      name: p.name,
      builtin: p.builtin,
      touches: p.steps.reduce((sum, s) => sum + (s.recurrence?.count ?? 1), 0),
    }))
    .sort((a, b) => Number(!a.builtin) - Number(!b.builtin) || a.name.localeCompare(b.name))
  return { tags: [...tags].sort((a, b) => a.localeCompare(b)), plans }
}

/**
 * The ids of the live contacts that pass the filters, in name order. Only primary keys are
 * read (index key cursors), so a 50k team costs a few arrays of ids, not 50k rows; the screen
 * reads the rows of the visible window alone. Dexie calls only: it can run in a `liveQuery`.
 */
export async function readContactIds(db: ReadModel, filters: ContactFilters): Promise<string[]> {
  const ordered = (await db.contacts.orderBy('sortKey').primaryKeys()) as string[]
  const deleted = new Set(await db.contacts.where('deleted').equals(1).primaryKeys())
  const sets: Set<string>[] = []
  const byIndex = async (index: string, value: string | number) =>
    sets.push(new Set((await db.contacts.where(index).equals(value).primaryKeys()) as string[]))
  if (filters.met !== 'all') await byIndex('met', filters.met === 'met' ? 1 : 0)
  if (filters.relationshipType) await byIndex('relationshipType', filters.relationshipType)
  if (filters.optedOut !== 'all') await byIndex('optedOut', filters.optedOut === 'opted-out' ? 1 : 0)
  if (filters.innerCircleRole) await byIndex('innerCircleRole', filters.innerCircleRole)
  if (filters.sourceKind) await byIndex('sourceKind', filters.sourceKind)
  if (filters.tag) await byIndex('tags', filters.tag)
  if (filters.planId) {
    const enrolled = await db.enrollments.where('planId').equals(filters.planId).toArray()
    sets.push(new Set(enrolled.filter((e) => e.status === 'active' && !e.deleted).map((e) => e.contactId)))
  }
  // Smallest set first: most ids fail the first test.
  sets.sort((a, b) => a.size - b.size)
  return ordered.filter((id) => !deleted.has(id) && sets.every((s) => s.has(id)))
}

/** The read model's snapshot of the unfiltered list (`snapshots` table). */
const ORDER_SNAPSHOT = 'contacts.order'
/** The snapshot is written at most this often while the list keeps changing (a sync). */
const SNAPSHOT_EVERY_MS = 10_000

/** The unfiltered list in name order as kept last time, if any. */
export async function readOrderSnapshot(db: ReadModel): Promise<string[] | undefined> {
  const row = await db.snapshots.get(ORDER_SNAPSHOT)
  const ids = row?.value
  return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? ids : undefined
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i])

/**
 * Keeps the unfiltered list for the next start: a changed list is written at once, then at most
 * every `SNAPSHOT_EVERY_MS` (the last one always lands).
 * @returns `keep(db, ids)`
 */
export function snapshotKeeper(everyMs = SNAPSHOT_EVERY_MS) {
  let written: { db: ReadModel; ids: readonly string[] } | undefined
  let pending: { db: ReadModel; ids: readonly string[] } | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const write = () => {
    timer = undefined
    const next = pending
    pending = undefined
    if (!next || (written?.db === next.db && sameIds(written.ids, next.ids))) return
    written = next
    void next.db.snapshots
      .put({ key: ORDER_SNAPSHOT, value: [...next.ids], at: Date.now() })
      .catch((e: unknown) => console.warn('Rapport: the list snapshot was not kept', e))
    timer = setTimeout(write, everyMs)
  }
  return (db: ReadModel, ids: readonly string[]) => {
    pending = { db, ids }
    if (!timer) write()
  }
}
