import type { ContactRow, MemberRow, PlanRow, ReadModel, SourceRow } from '../../shared/db'
import { leadFunnel, timeToFirstContact, type LeadFunnel } from '../../shared/leads'
import type { LeadStage } from '../../shared/model'

/** One lead as the Leads screen lists it. */
export interface LeadItem {
  id: string
  contactId: string
  name: string
  email?: string
  phone?: string
  sourceId: string
  sourceName: string
  entry: 'manual' | 'import' | 'capture'
  stage: LeadStage
  stageAt: Record<string, number>
  receivedAt: number
  /** Milliseconds from arrival to the first contact; undefined while nobody has been in touch. */
  timeToFirstContact?: number
  assignee?: string
  assigneeName?: string
  planId?: string
  planName?: string
  need?: string
}

/** Everything the Leads screen shows, from the read model. */
export interface LeadsData {
  /** Live leads, newest first. */
  leads: LeadItem[]
  funnel: LeadFunnel
  /** Every live source, active first, then by name. */
  sources: SourceRow[]
  /** Active members, by name. */
  members: MemberRow[]
  /** Plans a lead may be enrolled in (live, not archived), by name. */
  plans: PlanRow[]
}

export const emptyLeads = (): LeadsData => ({
  leads: [],
  funnel: leadFunnel([]),
  sources: [],
  members: [],
  plans: [],
})

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)

/** Reads the leads with their contacts, sources, members and plans. Dexie calls only. */
export async function readLeads(db: ReadModel): Promise<LeadsData> {
  const rows = (await db.leads.orderBy('receivedAt').reverse().toArray()).filter((l) => !l.deleted)
  const contacts = new Map(
    (await db.contacts.bulkGet([...new Set(rows.map((l) => l.contactId))]))
      .filter((c): c is ContactRow => !!c)
      .map((c) => [c.id, c]),
  )
  const allSources = await db.sources.toArray()
  const sourceNames = new Map(allSources.map((s) => [s.id, s.name]))
  const allMembers = await db.members.toArray()
  const memberNames = new Map(allMembers.map((m) => [m.id, m.name]))
  const allPlans = await db.plans.toArray()
  const planNames = new Map(allPlans.map((p) => [p.id, p.name]))
  const leads = rows.map((l): LeadItem => {
    const c = contacts.get(l.contactId)
    return {
      id: l.id,
      contactId: l.contactId,
      name: c?.displayName ?? l.contactId,
      email: c?.primaryEmail,
      phone: c?.primaryPhone,
      sourceId: l.sourceId,
      sourceName: sourceNames.get(l.sourceId) ?? l.sourceId,
      entry: l.entry,
      stage: l.stage,
      stageAt: l.stageAt,
      receivedAt: l.receivedAt,
      timeToFirstContact: timeToFirstContact(l),
      assignee: l.assignee,
      assigneeName: l.assignee ? (memberNames.get(l.assignee) ?? l.assignee) : undefined,
      planId: l.planId,
      planName: l.planId ? (planNames.get(l.planId) ?? l.planId) : undefined,
      need: l.need,
    }
  })
  return {
    leads,
    funnel: leadFunnel(rows),
    sources: allSources
      .filter((s) => !s.deleted)
      .sort((a, b) => Number(b.active) - Number(a.active) || byName(a, b)),
    members: allMembers.filter((m) => !m.deleted && m.active !== false).sort(byName),
    plans: allPlans.filter((p) => !p.deleted && !p.archived).sort(byName),
  }
}
