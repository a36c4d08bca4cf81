import { fail, ok, type Repo, type Result } from '../doc'
import type { RecordOf } from '../model'
import { dayOf, enroll } from '../plans'
import { isClosedLead } from './stages'

/** A member who may take leads: known, not deleted, active. */
function activeMember(repo: Repo, id: string): Result<RecordOf<'members'>> {
  const m = repo.get('members', id)
  if (!m) return fail('memberId', `no member ${id}`)
  if (m.deleted || !m.active) return fail('memberId', `${m.name} is not an active member`)
  return ok(m)
}

function liveLead(repo: Repo, id: string): Result<RecordOf<'leads'>> {
  const lead = repo.get('leads', id)
  if (!lead) return fail('leadId', `no lead ${id}`)
  if (lead.deleted) return fail('leadId', `lead ${id} is deleted`)
  return ok(lead)
}

/** Assigns a lead to a member by hand (FAST's A). Refuses unknown and inactive members. */
export function assignLead(repo: Repo, leadId: string, memberId: string): Result<RecordOf<'leads'>> {
  const lead = liveLead(repo, leadId)
  if (!lead.ok) return lead
  const member = activeMember(repo, memberId)
  if (!member.ok) return member
  return repo.update('leads', leadId, { assignee: memberId })
}

export interface AssignPlanOptions {
  /** The member enrolling the contact, who gets the plan's touches. @default the lead's assignee, else the actor */
  memberId?: string
  /** The enrollment's day 0. @default today (UTC) */
  startDay?: string
}

/** The lead with its plan, and the enrollment that runs it. */
export interface PlanAssignment {
  lead: RecordOf<'leads'>
  enrollment: RecordOf<'enrollments'>
  /** The touches scheduled now (none when the contact was already enrolled in the plan). */
  touches: RecordOf<'touches'>[]
}

/**
 * Assigns a lead to a plan (FAST's A): enrolls the contact through the plans area's `enroll`
 * (deterministic ids, so two devices doing it at once end with one enrollment) and stores
 * `planId` on the lead. A contact already actively enrolled in the plan keeps that enrollment.
 * Refuses a contact opted out of all contact, and whatever `enroll` refuses (unknown or
 * archived plan, unknown member, a channel the contact opted out of), writing nothing.
 */
export function assignPlan(
  repo: Repo,
  leadId: string,
  planId: string,
  options: AssignPlanOptions = {},
): Result<PlanAssignment> {
  const found = liveLead(repo, leadId)
  if (!found.ok) return found
  const lead = found.value
  if (repo.optOutState(lead.contactId).channels.includes('all')) {
    return fail('leadId', 'the contact has opted out of all contact: no plan may contact them')
  }
  const current = repo
    .list('enrollments')
    .find((e) => e.contactId === lead.contactId && e.planId === planId && e.status === 'active')
  return repo.batch(() => {
    let enrollment = current
    let touches: RecordOf<'touches'>[] = []
    if (!enrollment) {
      const r = enroll(repo, {
        contactId: lead.contactId,
        planId,
        memberId: options.memberId ?? lead.assignee ?? repo.actor,
        startDay: options.startDay ?? dayOf(repo.clock.now()),
      })
      if (!r.ok) return r
      enrollment = r.value.enrollment
      touches = r.value.touches
    }
    const updated = repo.update('leads', leadId, { planId })
    if (!updated.ok) return updated
    return ok({ lead: updated.value, enrollment, touches })
  })
}

/** FNV-1a of a string: the same on every device. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** How many open (not converted, not lost) live leads each member holds. */
export function openLeadCounts(
  leads: readonly RecordOf<'leads'>[],
  memberIds: readonly string[],
): Map<string, number> {
  const counts = new Map(memberIds.map((id) => [id, 0]))
  for (const l of leads) {
    if (l.deleted || !l.assignee || isClosedLead(l.stage)) continue
    if (counts.has(l.assignee)) counts.set(l.assignee, counts.get(l.assignee)! + 1)
  }
  return counts
}

/** What a round-robin did: each lead's member, and the leads left as they were. */
export interface RoundRobinResult {
  assigned: { leadId: string; memberId: string }[]
  skipped: { leadId: string; reason: string }[]
}

/**
 * Shares leads among the ACTIVE members, oldest lead first. Each lead goes to the member
 * with the fewest open leads; a tie goes to the member with the highest hash of
 * `${leadId}|${memberId}` (rendezvous hashing), then the smaller member id. Deterministic:
 * the same state gives the same assignment on every device. Why the hash and not simply the
 * smaller member id: two devices round-robining different leads at the same time both see
 * the same counts, and a member-id tie-break would send every one of their leads to the same
 * member; the hash spreads them, so concurrent runs collide only by chance, and within one
 * run the counts keep the split even. Leads already with an active member, and closed
 * leads, are skipped. Every id is checked before the first write.
 */
export function assignRoundRobin(repo: Repo, leadIds: readonly string[]): Result<RoundRobinResult> {
  const leads: RecordOf<'leads'>[] = []
  for (const id of leadIds) {
    const lead = liveLead(repo, id)
    if (!lead.ok) return lead
    leads.push(lead.value)
  }
  const members = repo
    .list('members')
    .filter((m) => m.active)
    .map((m) => m.id)
  if (members.length === 0) return fail('members', 'there is no active member to assign leads to')
  const counts = openLeadCounts(repo.list('leads'), members)
  const result: RoundRobinResult = { assigned: [], skipped: [] }
  const queue = [...new Map(leads.map((l) => [l.id, l])).values()].sort(
    (a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1),
  )
  repo.batch(() => {
    for (const lead of queue) {
      if (isClosedLead(lead.stage)) {
        result.skipped.push({ leadId: lead.id, reason: `the lead is ${lead.stage}` })
        continue
      }
      if (lead.assignee && counts.has(lead.assignee)) {
        result.skipped.push({ leadId: lead.id, reason: `already assigned to ${lead.assignee}` })
        continue
      }
      const memberId = members.reduce((best, m) => {
        const d = counts.get(m)! - counts.get(best)!
        if (d !== 0) return d < 0 ? m : best
        const h = hash(`${lead.id}|${m}`) - hash(`${lead.id}|${best}`)
        return h > 0 || (h === 0 && m < best) ? m : best
      })
      repo.update('leads', lead.id, { assignee: memberId })
      counts.set(memberId, counts.get(memberId)! + 1)
      result.assigned.push({ leadId: lead.id, memberId })
    }
  })
  return ok(result)
}
