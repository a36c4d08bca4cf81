import type { ContactRow, ReadModel, RecordRow } from '../../shared/db'
import type { KpiData } from '../../shared/kpi'
import type { RecordCollection, RecordOf, RelationshipType } from '../../shared/model'

/** Nothing to measure yet, before the first query answers. */
export const emptyKpiData = (): KpiData => ({
  contacts: [],
  referrals: [],
  leads: [],
  deals: [],
  costs: [],
  rewards: [],
  surveys: [],
  touches: [],
  enrollments: [],
  sources: [],
  members: [],
})

/** A live row back to its record: the row's 0/1 `deleted` flag is not the record's tombstone. */
function recordOf<C extends RecordCollection>(row: RecordRow<C> & { shard?: number }): RecordOf<C> {
  const { deleted: _flag, tombstone, shard: _shard, ...rest } = row
  return { ...rest, deleted: tombstone ?? null } as unknown as RecordOf<C>
}

/**
 * The contact as the measures read it, from its list row: when it was created, its source entry,
 * owner and relationship type (what `shared/kpi` attributes by). Details the row does not keep
 * are left empty; no measure reads them.
 */
export function kpiContactOf(row: ContactRow): RecordOf<'contacts'> {
  const stamp = { at: row.createdAt, by: row.owner ?? '' }
  return {
    id: row.id,
    created: stamp,
    stamp: { at: row.updatedAt, by: stamp.by },
    deleted: null,
    kind: row.kind,
    name: { display: row.displayName, given: row.givenName, family: row.familyName },
    emails: [],
    phones: [],
    addresses: [],
    web: { websites: [] },
    work: {},
    class: {
      met: row.met === 1,
      circles: [],
      relationshipType: row.relationshipType as RelationshipType | undefined,
    },
    profile: { propertyTypes: [], locations: [], features: [] },
    source: row.sourceKind
      ? {
          kind: row.sourceKind as NonNullable<RecordOf<'contacts'>['source']>['kind'],
          sourceId: row.sourceId,
          referredBy: row.referredBy,
        }
      : undefined,
    tags: row.tags,
    notes: '',
    owner: row.owner,
  }
}

/**
 * Reads the snapshot `kpiDashboard` measures from the read model: every live record of the
 * collections it reads (soft-deleted rows are skipped by index). Only Dexie calls are awaited,
 * so it can run inside a `liveQuery`; the period and filters are applied afterwards, in memory,
 * so changing them does not read the database again.
 */
export async function readKpiData(db: ReadModel): Promise<KpiData> {
  const live = <T>(table: { where(i: string): { equals(v: number): { toArray(): Promise<T[]> } } }) =>
    table.where('deleted').equals(0).toArray()
  const [contacts, referrals, leads, deals, costs, rewards, surveys, touches, enrollments, sources, members] =
    await Promise.all([
      live<ContactRow>(db.contacts),
      live<RecordRow<'referrals'>>(db.referrals),
      live<RecordRow<'leads'>>(db.leads),
      live<RecordRow<'deals'>>(db.deals),
      live<RecordRow<'costs'>>(db.costs),
      live<RecordRow<'rewards'>>(db.rewards),
      live<RecordRow<'surveys'>>(db.surveys),
      live<RecordRow<'touches'>>(db.touches),
      live<RecordRow<'enrollments'>>(db.enrollments),
      live<RecordRow<'sources'>>(db.sources),
      live<RecordRow<'members'>>(db.members),
    ])
  return {
    contacts: contacts.map(kpiContactOf),
    referrals: referrals.map((r) => recordOf(r)),
    leads: leads.map((r) => recordOf(r)),
    deals: deals.map((r) => recordOf(r)),
    costs: costs.map((r) => recordOf(r)),
    rewards: rewards.map((r) => recordOf(r)),
    surveys: surveys.map((r) => recordOf(r)),
    touches: touches.map((r) => recordOf(r)),
    enrollments: enrollments.map((r) => recordOf(r)),
    sources: sources.map((r) => recordOf(r)),
    members: members.map((r) => recordOf(r)),
  }
}
