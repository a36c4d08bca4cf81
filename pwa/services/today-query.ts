import type { ContactRow, ReadModel } from '../../shared/db'
import type { OptOutChannel } from '../../shared/doc'
import { buildToday, type TodayInput, type TodayList } from '../../shared/plans'

/** An empty Today list, before the first query answers. */
export const emptyToday = (day: string, memberId?: string): TodayList => ({
  day,
  memberId,
  total: 0,
  overdue: 0,
  groups: [],
  hidden: { optedOut: 0, stoppedEnrollment: 0, missingContact: 0 },
})

/**
 * The contact as `buildToday` reads it, from a read-model row: the row keeps the display parts
 * of the name, the first phone and email and the city, which is what scripts and links use.
 */
export function todayContactOf(row: ContactRow): TodayInput['contacts'][number] {
  return {
    id: row.id,
    deleted: row.deleted,
    kind: row.kind,
    name: { display: row.displayName, given: row.givenName, family: row.familyName },
    work: { organisation: row.organisation, title: row.title },
    addresses: row.city ? [{ city: row.city }] : [],
    phones: row.primaryPhone ? [{ value: row.primaryPhone, label: 'mobile' }] : [],
    emails: row.primaryEmail ? [{ value: row.primaryEmail }] : [],
  }
}

/** What to list: one day, one member (or the team), and the team's name for the scripts. */
export interface TodayQuery {
  day: string
  memberId?: string
  teamName?: string
}

/**
 * Reads what `buildToday` needs from the read model (pending touches due up to `day`, their
 * contacts and enrollments, members, plans) and builds the list. Only Dexie calls are awaited,
 * so it can run inside a `liveQuery`.
 */
export async function readToday(db: ReadModel, query: TodayQuery): Promise<TodayList> {
  const touches = await db.touches
    .where('[status+due]')
    .between(['pending', ''], ['pending', query.day], true, true)
    .toArray()
  const contactIds = [...new Set(touches.map((t) => t.contactId))]
  const contacts = (await db.contacts.bulkGet(contactIds)).filter((c): c is ContactRow => !!c)
  const enrollments = await db.enrollments.where('contactId').anyOf(contactIds).toArray()
  const members = await db.members.toArray()
  const plans = await db.plans.toArray()
  const optOuts = contacts
    .filter((c) => c.optedOut === 1)
    .map((c) => ({ contactId: c.id, channels: c.optOutChannels as OptOutChannel[] }))
  return buildToday(
    {
      touches,
      contacts: contacts.map(todayContactOf),
      members,
      enrollments,
      plans,
      optOuts,
      settings: { name: query.teamName },
    },
    { day: query.day, memberId: query.memberId },
  )
}
