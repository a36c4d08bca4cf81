import ical from 'ical-generator'
import type { Stamp, TouchData } from '../model'
import { blockedChannels, isBlocked, type OptOutLookup } from './blocks'
import { dateOf, isDay } from './days'
import { touchSummary } from './labels'
import { fillScript, mergeContext, type MergeContext } from './merge-fields'
import type { TodayContact, TodayMember, TodayPlan } from './today'

export type ICalTouch = { id: string; deleted?: unknown; stamp?: Stamp } & Pick<
  TouchData,
  'contactId' | 'due' | 'channel' | 'title' | 'assignee'
> &
  Partial<Pick<TouchData, 'stepId' | 'planId' | 'script' | 'status'>>

export interface ICalOptions {
  contacts: readonly TodayContact[]
  /** The DTSTAMP of every event, in ms (from the host's clock: the export never reads the time). */
  stamp: number
  /** Names each event's place in its plan (`8x8 week 2`). */
  plans?: readonly TodayPlan[]
  /** Fill `{agentName}` from each touch's assignee. */
  members?: readonly TodayMember[]
  /** Touches whose contact opted out of their channel are left out. */
  optOuts?: OptOutLookup
  teamName?: string
  extraFields?: MergeContext
  /** The calendar's name. @default 'Rapport touches' */
  name?: string
}

/**
 * The touches as an iCalendar (RFC 5545) text: one all-day event per touch on its due day,
 * UID = the touch id (stable, so re-importing updates rather than duplicates), summary
 * `Call Dana Whitfield — 8x8 week 2`, description = the filled script. Leaves out deleted
 * touches, touches that are not pending, malformed days and opted-out touches; a touch whose
 * contact is unknown is named "a contact".
 */
export function scheduleToICalendar(touches: readonly ICalTouch[], options: ICalOptions): string {
  const contacts = new Map(options.contacts.filter((c) => !c.deleted).map((c) => [c.id, c]))
  const members = new Map((options.members ?? []).map((m) => [m.id, m]))
  const plans = new Map((options.plans ?? []).map((p) => [p.id, p]))
  const blocked = blockedChannels(options.optOuts ?? [])
  const cal = ical({
    name: options.name ?? 'Rapport touches',
    prodId: { company: 'Rapport', product: 'Touch plans' },
  })
  const stamp = new Date(options.stamp)
  const sorted = [...touches].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1))
  for (const t of sorted) {
    if (t.deleted || (t.status ?? 'pending') !== 'pending' || !isDay(t.due)) continue
    if (isBlocked(blocked.get(t.contactId), t.channel)) continue
    const contact = contacts.get(t.contactId)
    const ctx = mergeContext({
      contact,
      member: members.get(t.assignee),
      teamName: options.teamName,
      extra: options.extraFields,
    })
    const plan = t.planId ? plans.get(t.planId) : undefined
    cal.createEvent({
      id: t.id,
      allDay: true,
      start: dateOf(t.due),
      stamp,
      lastModified: t.stamp ? new Date(t.stamp.at) : undefined,
      summary: touchSummary(t, contact?.name.display ?? 'a contact', plan),
      description: fillScript(t.script ?? '', ctx),
    })
  }
  return cal.toString()
}
