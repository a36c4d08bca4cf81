import type { RecordOf, RelationshipType } from '../model/index'
import { periodBounds, type PeriodBounds } from './period'
import type { KpiData, KpiFilters, KpiOptions, KpiPeriod } from './types'

/** Who a record is credited to, for the filters. Unknown parts stay undefined. */
export interface Attribution {
  sourceId?: string
  memberId?: string
  relationshipType?: RelationshipType
}

/** The resolved period, filters, settings and id indexes every scan shares. */
export interface KpiContext {
  bounds: PeriodBounds
  filters: KpiFilters
  retentionYears: number
  contacts: Map<string, RecordOf<'contacts'>>
  referrals: Map<string, RecordOf<'referrals'>>
  sources: Map<string, RecordOf<'sources'>>
}

/** Whether a record has been soft-deleted. */
export function isDeleted(r: { deleted?: unknown }): boolean {
  return r.deleted != null
}

function indexById<T extends { id: string; deleted?: unknown }>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>()
  for (const r of records) if (!isDeleted(r)) map.set(r.id, r)
  return map
}

/**
 * Resolves the period and indexes contacts, referrals and sources by id (one pass each).
 * @returns the context, or null when the period is malformed or ends before it starts
 */
export function createKpiContext(
  data: Pick<KpiData, 'contacts' | 'referrals' | 'sources'>,
  period: KpiPeriod,
  filters: KpiFilters = {},
  options: KpiOptions = {},
): KpiContext | null {
  const bounds = periodBounds(period, options.dayStart)
  if (!bounds) return null
  return {
    bounds,
    filters,
    retentionYears: options.retentionYears ?? 5,
    contacts: indexById(data.contacts),
    referrals: indexById(data.referrals),
    sources: indexById(data.sources),
  }
}

/** Whether an attribution passes every filter that is set (an unknown part never passes). */
export function matches(f: KpiFilters, a: Attribution): boolean {
  if (f.sourceId !== undefined && a.sourceId !== f.sourceId) return false
  if (f.memberId !== undefined && a.memberId !== f.memberId) return false
  if (f.relationshipType !== undefined && a.relationshipType !== f.relationshipType) return false
  return true
}

/** Whether no filter is set, so scans can skip attribution altogether. */
export function isUnfiltered(f: KpiFilters): boolean {
  return f.sourceId === undefined && f.memberId === undefined && f.relationshipType === undefined
}

/** A contact: its source entry, its owner, its own relationship type. */
export function contactAttribution(c: RecordOf<'contacts'> | undefined): Attribution {
  if (!c) return {}
  return { sourceId: c.source?.sourceId, memberId: c.owner, relationshipType: c.class?.relationshipType }
}

/**
 * A referral: its own source, member and relationship type (the referrer's type when it was
 * sent); source and member fall back to the referred contact's source entry and owner.
 */
export function referralAttribution(ctx: KpiContext, r: RecordOf<'referrals'>): Attribution {
  if (r.sourceId !== undefined && r.memberId !== undefined) {
    return { sourceId: r.sourceId, memberId: r.memberId, relationshipType: r.relationshipType }
  }
  const c = ctx.contacts.get(r.referredId)
  return {
    sourceId: r.sourceId ?? c?.source?.sourceId,
    memberId: r.memberId ?? c?.owner,
    relationshipType: r.relationshipType,
  }
}

/**
 * A deal: its own source and member, else its referral's, else its contact's source entry and
 * owner. The relationship type is the referral's, else the source entry's.
 */
export function dealAttribution(ctx: KpiContext, d: RecordOf<'deals'>): Attribution {
  const ref = d.referralId !== undefined ? ctx.referrals.get(d.referralId) : undefined
  const viaRef = ref ? referralAttribution(ctx, ref) : undefined
  const contact =
    d.sourceId === undefined || d.memberId === undefined ? ctx.contacts.get(d.contactId) : undefined
  const sourceId = d.sourceId ?? viaRef?.sourceId ?? contact?.source?.sourceId
  return {
    sourceId,
    memberId: d.memberId ?? viaRef?.memberId ?? contact?.owner,
    relationshipType:
      ref?.relationshipType ??
      (sourceId !== undefined ? ctx.sources.get(sourceId)?.relationshipType : undefined),
  }
}

/** A lead: its source entry (and that entry's relationship type) and its assignee. */
export function leadAttribution(ctx: KpiContext, l: RecordOf<'leads'>): Attribution {
  return {
    sourceId: l.sourceId,
    memberId: l.assignee,
    relationshipType: ctx.sources.get(l.sourceId)?.relationshipType,
  }
}

/** A cost: its source entry only; costs carry no member (see the cost measures). */
export function costAttribution(ctx: KpiContext, c: RecordOf<'costs'>): Attribution {
  if (c.sourceId === undefined) return {}
  return { sourceId: c.sourceId, relationshipType: ctx.sources.get(c.sourceId)?.relationshipType }
}

/** A reward: its referral's attribution, else the rewarded contact's relationship type. */
export function rewardAttribution(ctx: KpiContext, w: RecordOf<'rewards'>): Attribution {
  const ref = w.referralId !== undefined ? ctx.referrals.get(w.referralId) : undefined
  if (ref) return referralAttribution(ctx, ref)
  return { relationshipType: ctx.contacts.get(w.contactId)?.class?.relationshipType }
}
