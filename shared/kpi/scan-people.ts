import type { RecordOf, RelationshipType } from '../model/index'
import {
  contactAttribution,
  isDeleted,
  isUnfiltered,
  leadAttribution,
  matches,
  referralAttribution,
  type KpiContext,
} from './context'
import { inPeriod } from './period'

/** Contacts that exist at the end of the period (created before it ends, not deleted). */
export function scanContacts(
  ctx: KpiContext,
  contacts: readonly RecordOf<'contacts'>[],
): { existing: number } {
  const all = isUnfiltered(ctx.filters)
  let existing = 0
  for (const c of contacts) {
    if (isDeleted(c) || c.created.at >= ctx.bounds.end) continue
    if (all || matches(ctx.filters, contactAttribution(c))) existing++
  }
  return { existing }
}

/** Referrals received in the period, how many of them are closed, and their split by type. */
export interface ReferralScan {
  received: number
  closed: number
  byType: Record<RelationshipType, number>
}

/** Counts referrals by `receivedAt`; a referral counts as closed when its stage is `closed`. */
export function scanReferrals(ctx: KpiContext, referrals: readonly RecordOf<'referrals'>[]): ReferralScan {
  const all = isUnfiltered(ctx.filters)
  const scan: ReferralScan = {
    received: 0,
    closed: 0,
    byType: { 'allied-resource': 0, advocate: 0, 'core-advocate': 0, other: 0 },
  }
  for (const r of referrals) {
    if (isDeleted(r) || !inPeriod(ctx.bounds, r.receivedAt)) continue
    if (!all && !matches(ctx.filters, referralAttribution(ctx, r))) continue
    scan.received++
    if (r.stage === 'closed') scan.closed++
    scan.byType[r.relationshipType ?? 'other']++
  }
  return scan
}

/** Leads received in the period and the delays to their first contact, in ms. */
export interface LeadScan {
  received: number
  delays: number[]
}

/**
 * Counts leads by `receivedAt`. A first contact logged before the lead arrived (the agent
 * called, then entered the lead) counts as an immediate response: its delay is 0.
 */
export function scanLeads(ctx: KpiContext, leads: readonly RecordOf<'leads'>[]): LeadScan {
  const all = isUnfiltered(ctx.filters)
  const scan: LeadScan = { received: 0, delays: [] }
  for (const l of leads) {
    if (isDeleted(l) || !inPeriod(ctx.bounds, l.receivedAt)) continue
    if (!all && !matches(ctx.filters, leadAttribution(ctx, l))) continue
    scan.received++
    if (l.firstContactAt !== undefined) scan.delays.push(Math.max(0, l.firstContactAt - l.receivedAt))
  }
  return scan
}

/** Survey answers in the period, by NPS band. */
export interface SurveyScan {
  promoters: number
  passives: number
  detractors: number
}

/** Sorts the period's 0–10 answers into promoters (9–10), passives (7–8) and detractors (0–6). */
export function scanSurveys(ctx: KpiContext, surveys: readonly RecordOf<'surveys'>[]): SurveyScan {
  const all = isUnfiltered(ctx.filters)
  const scan: SurveyScan = { promoters: 0, passives: 0, detractors: 0 }
  const { from, to } = ctx.bounds
  for (const s of surveys) {
    if (isDeleted(s) || s.day < from || s.day > to) continue
    if (!all && !matches(ctx.filters, contactAttribution(ctx.contacts.get(s.contactId)))) continue
    if (s.score >= 9) scan.promoters++
    else if (s.score >= 7) scan.passives++
    else scan.detractors++
  }
  return scan
}

/** Enrollments that ended in the period, by how they ended. */
export interface EnrollmentScan {
  completed: number
  stopped: number
}

/**
 * Enrollments carry no end date, so an ended enrollment (completed or stopped) is taken to have
 * ended at its last write, `stamp.at`. The member filter uses the enrollment's member; the
 * source and relationship filters use the enrolled contact.
 */
export function scanEnrollments(
  ctx: KpiContext,
  enrollments: readonly RecordOf<'enrollments'>[],
): EnrollmentScan {
  const f = ctx.filters
  const scan: EnrollmentScan = { completed: 0, stopped: 0 }
  for (const e of enrollments) {
    if (isDeleted(e) || e.status === 'active' || !inPeriod(ctx.bounds, e.stamp.at)) continue
    if (f.memberId !== undefined && e.memberId !== f.memberId) continue
    if (f.sourceId !== undefined || f.relationshipType !== undefined) {
      const a = contactAttribution(ctx.contacts.get(e.contactId))
      if (!matches({ sourceId: f.sourceId, relationshipType: f.relationshipType }, a)) continue
    }
    if (e.status === 'completed') scan.completed++
    else scan.stopped++
  }
  return scan
}
