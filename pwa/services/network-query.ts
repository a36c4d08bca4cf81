import type { ContactRow, ReadModel, RecordRow } from '../../shared/db'
import type { RecordOf } from '../../shared/model'
import type { ReferralGraphInput } from '../../shared/network'
import { kpiContactOf } from './kpis-query'

/** The records the referral graph is drawn from, before the first query answers. */
export const emptyNetworkInput = (): ReferralGraphInput => ({ contacts: [], referrals: [], intros: [] })

/** A live row back to its record (the live rows are read by index, so none is deleted). */
function liveRecordOf<C extends 'referrals' | 'intros'>(row: RecordRow<C> & { shard?: number }): RecordOf<C> {
  const { deleted: _flag, tombstone: _gone, shard: _shard, ...rest } = row
  return { ...rest, deleted: null } as unknown as RecordOf<C>
}

/**
 * Reads what `buildReferralGraph` needs from the read model: live referrals and intros, and
 * the contacts they name (names and relationship types come from the list rows). Only Dexie
 * calls are awaited, so it can run inside a `liveQuery`.
 */
export async function readNetworkInput(db: ReadModel): Promise<ReferralGraphInput> {
  const [referrals, intros] = await Promise.all([
    db.referrals.where('deleted').equals(0).toArray(),
    db.intros.where('deleted').equals(0).toArray(),
  ])
  const ids = new Set<string>()
  for (const r of referrals) ids.add(r.referrerId).add(r.referredId)
  for (const i of intros) {
    ids.add(i.partyA).add(i.partyB)
    if (i.requestedBy) ids.add(i.requestedBy)
  }
  const rows = await db.contacts.bulkGet([...ids])
  return {
    contacts: rows.filter((c): c is ContactRow => !!c && c.deleted === 0).map(kpiContactOf),
    referrals: referrals.map((r) => liveRecordOf<'referrals'>(r)),
    intros: intros.map((i) => liveRecordOf<'intros'>(i)),
  }
}
