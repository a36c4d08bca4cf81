import type { Channel, ContactData, EnrollmentData, MemberData, PlanData, TouchData } from '../model'
import { blockedChannels, isBlocked, type OptOutLookup } from './blocks'
import { daysBetween, isDay } from './days'
import { CHANNEL_ORDER, touchPlanLabel } from './labels'
import { contactLinks, type ContactLinks } from './links'
import { fillScript, mergeContext, type MergeContact, type MergeContext } from './merge-fields'
import { duplicateEnrollments } from './duplicates'

/** One collator for every sort: `localeCompare` with a locale builds a new one per call. */
const byName = new Intl.Collator('en')

type Deletable = { id: string; deleted?: unknown }
/** A touch row: a stored touch or a read-model row. */
export type TodayTouch = Deletable &
  Pick<TouchData, 'contactId' | 'due' | 'channel' | 'title' | 'assignee' | 'status'> &
  Partial<Pick<TouchData, 'enrollmentId' | 'planId' | 'stepId' | 'script'>>
export type TodayContact = Deletable & MergeContact & Partial<Pick<ContactData, 'phones' | 'emails'>>
export type TodayMember = Deletable & Pick<MemberData, 'name'> & Partial<Pick<MemberData, 'email'>>
export type TodayEnrollment = Deletable & Pick<EnrollmentData, 'contactId' | 'planId' | 'startDay' | 'status'>
export type TodayPlan = Deletable & Pick<PlanData, 'name' | 'steps'>

/** Plain arrays, from the repository (`todayFromRepo`) or the Dexie read model. */
export interface TodayInput {
  touches: readonly TodayTouch[]
  contacts: readonly TodayContact[]
  members: readonly TodayMember[]
  /** The opt-out ledger's standings (`repo.optOutStates()`): opted-out touches never show. */
  optOuts: OptOutLookup
  settings?: { name?: string }
  /** When given, touches of stopped enrollments and of duplicate enrollments are hidden too. */
  enrollments?: readonly TodayEnrollment[]
  /** When given, items carry their place in the plan (`8x8 week 2`). */
  plans?: readonly TodayPlan[]
}

export interface TodayOptions {
  /** Today, `YYYY-MM-DD`, in the user's zone. */
  day: string
  /** One member's list; the whole team's when omitted. */
  memberId?: string
  /** Merge fields the records do not hold, e.g. `{ agentPhone }`. */
  extraFields?: MergeContext
}

export interface TodayItem {
  touchId: string
  contactId: string
  contactName: string
  channel: Channel
  title: string
  /** e.g. `8x8 week 2`, when the plans were given. */
  planLabel?: string
  due: string
  isOverdue: boolean
  daysOverdue: number
  assignee: string
  assigneeName?: string
  /** The step's script with the merge fields filled (unknown ones left visible). */
  script: string
  phone?: string
  email?: string
  links: ContactLinks
}

export interface TodayGroup {
  channel: Channel
  items: TodayItem[]
}

export interface TodayList {
  day: string
  memberId?: string
  total: number
  overdue: number
  /** By channel, in `CHANNEL_ORDER`; within one, oldest due first, then by name. */
  groups: TodayGroup[]
  /** Due touches left out, by reason: opted out, stopped or duplicate enrollment, no contact. */
  hidden: { optedOut: number; stoppedEnrollment: number; missingContact: number }
}

const byId = <T extends Deletable>(rows: readonly T[]) => {
  const m = new Map<string, T>()
  for (const r of rows) if (!r.deleted) m.set(r.id, r)
  return m
}

/**
 * Builds the Today list: pending touches due on `day` or before (overdue, with the days),
 * for one member or the whole team, grouped by channel, each with its script filled for the
 * contact and the assignee and the contact's `tel:`/`sms:`/`mailto:` links.
 * A pure function of plain arrays. It reads the opt-out standings itself, so a touch an
 * offline device generated for a contact who opted out elsewhere never shows once the
 * devices have merged, even before `applyOptOuts` cancels it. A malformed day gives no items.
 */
export function buildToday(input: TodayInput, options: TodayOptions): TodayList {
  const { day, memberId } = options
  const list: TodayList = {
    day,
    memberId,
    total: 0,
    overdue: 0,
    groups: [],
    hidden: { optedOut: 0, stoppedEnrollment: 0, missingContact: 0 },
  }
  if (!isDay(day)) return list
  const due = input.touches.filter(
    (t) =>
      !t.deleted &&
      t.status === 'pending' &&
      t.due <= day &&
      (memberId === undefined || t.assignee === memberId),
  )
  if (due.length === 0) return list
  const wanted = new Set(due.map((t) => t.contactId))
  const contacts = byId(input.contacts.filter((c) => wanted.has(c.id)))
  const members = byId(input.members)
  // Deleted plans still name their touches.
  const plans = new Map((input.plans ?? []).map((p) => [p.id, p]))
  const blocked = blockedChannels(input.optOuts)
  // Only the enrollments of contacts with a due touch matter (duplicates are per contact).
  const theirs = input.enrollments?.filter((e) => wanted.has(e.contactId))
  const enrollments = theirs ? byId(theirs) : undefined
  const duplicates = theirs ? duplicateEnrollments(theirs) : new Set<string>()
  const groups = new Map<Channel, TodayItem[]>()

  for (const t of due) {
    if (isBlocked(blocked.get(t.contactId), t.channel)) {
      list.hidden.optedOut++
      continue
    }
    const e = t.enrollmentId ? enrollments?.get(t.enrollmentId) : undefined
    if (e && (e.status === 'stopped' || duplicates.has(e.id))) {
      list.hidden.stoppedEnrollment++
      continue
    }
    const c = contacts.get(t.contactId)
    if (!c) {
      list.hidden.missingContact++
      continue
    }
    const member = members.get(t.assignee)
    const ctx = mergeContext({
      contact: c,
      member,
      teamName: input.settings?.name,
      extra: options.extraFields,
    })
    const script = fillScript(t.script ?? '', ctx)
    const plan = t.planId ? plans.get(t.planId) : undefined
    const daysOverdue = Math.max(0, daysBetween(t.due, day))
    const links = contactLinks(c, { channel: t.channel, title: fillScript(t.title, ctx), script })
    const item: TodayItem = {
      touchId: t.id,
      contactId: t.contactId,
      contactName: c.name.display,
      channel: t.channel,
      title: t.title,
      planLabel: plan ? touchPlanLabel(t, plan) : undefined,
      due: t.due,
      isOverdue: daysOverdue > 0,
      daysOverdue,
      assignee: t.assignee,
      assigneeName: member?.name,
      script,
      phone: links.phone,
      email: links.email,
      links: links.links,
    }
    const group = groups.get(t.channel)
    if (group) group.push(item)
    else groups.set(t.channel, [item])
    list.total++
    if (item.isOverdue) list.overdue++
  }
  const order = (c: Channel) => (CHANNEL_ORDER.includes(c) ? CHANNEL_ORDER.indexOf(c) : CHANNEL_ORDER.length)
  list.groups = [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([channel, items]) => ({
      channel,
      items: items.sort(
        (a, b) =>
          (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
          byName.compare(a.contactName, b.contactName) ||
          (a.touchId < b.touchId ? -1 : 1),
      ),
    }))
  return list
}
