import { Dexie } from 'dexie'
import type { ReadModel } from '../../../shared/db'
import type { KnownContact } from '../messages'
import type { KeyMatch } from './match'

/** Timeline kinds that are touches (a capture or a note is not a touch). */
const TOUCH_KINDS = new Set([
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
])

/**
 * What the panel says about a person already in the team: relationship type, active plan, last
 * touch and referral source, all read from the read model.
 * @param db - the team's read model
 * @param match - the contact found by `findByKeys`
 */
export async function describeKnown(db: ReadModel, match: KeyMatch): Promise<KnownContact> {
  const { row } = match
  const [plan, lastTouch, source] = await Promise.all([
    activePlan(db, row.id),
    lastTouchOf(db, row.id),
    sourceOf(db, row.sourceKind, row.referredBy, row.sourceId),
  ])
  return {
    id: row.id,
    displayName: row.displayName,
    matchedBy: match.matchedBy,
    ...(row.relationshipType ? { relationshipType: row.relationshipType } : {}),
    ...(plan ? { plan } : {}),
    ...(lastTouch ? { lastTouch } : {}),
    ...(source ? { source } : {}),
  }
}

async function activePlan(db: ReadModel, contactId: string): Promise<string | undefined> {
  const enrollment = (await db.enrollments.where('contactId').equals(contactId).toArray()).find(
    (e) => !e.deleted && e.status === 'active',
  )
  if (!enrollment) return undefined
  return (await db.plans.get(enrollment.planId))?.name
}

async function lastTouchOf(db: ReadModel, contactId: string): Promise<KnownContact['lastTouch']> {
  let found: KnownContact['lastTouch']
  await db.interactions
    .where('[contactId+at]')
    .between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
    .reverse()
    .until(() => found !== undefined)
    .each((i) => {
      if (!found && TOUCH_KINDS.has(i.kind)) found = { kind: i.kind, at: i.at, summary: i.summary }
    })
  return found
}

async function sourceOf(
  db: ReadModel,
  kind: string | undefined,
  referredBy: string | undefined,
  sourceId: string | undefined,
): Promise<KnownContact['source']> {
  if (!kind) return undefined
  const [referrer, listed] = await Promise.all([
    referredBy ? db.contacts.get(referredBy) : undefined,
    sourceId ? db.sources.get(sourceId) : undefined,
  ])
  return {
    kind,
    ...(referrer ? { referrer: referrer.displayName } : {}),
    ...(listed ? { name: listed.name } : {}),
  }
}
