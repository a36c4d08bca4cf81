import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { enroll, planSnapshot, scheduleToICalendar } from '../../../shared/plans'
import { planTeam } from './plan-team'

/** Unfolds RFC 5545 content lines (CRLF + space continues a line). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n')

describe('scheduleToICalendar', () => {
  it('writes one all-day event per touch with a stable UID, a summary and the filled script', () => {
    const { a, dana } = planTeam()
    const { touches } = unwrap(
      enroll(a.repo, { contactId: dana.id, planId: 'plan-8x8', memberId: 'ana', startDay: '2026-01-05' }),
    )
    const s = planSnapshot(a.repo)
    const ics = scheduleToICalendar(s.touches, {
      contacts: s.contacts,
      plans: s.plans,
      members: s.members,
      teamName: s.settings.name,
      optOuts: s.optOuts,
      stamp: Date.UTC(2026, 0, 5, 9),
    })
    const lines = unfold(ics)
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(8)
    expect(lines.filter((l) => l.startsWith('UID:')).map((l) => l.slice(4))).toEqual(touches.map((t) => t.id))
    expect(lines.filter((l) => l.startsWith('DTSTART')).slice(0, 3)).toEqual([
      'DTSTART;VALUE=DATE:20260105',
      'DTSTART;VALUE=DATE:20260112',
      'DTSTART;VALUE=DATE:20260119',
    ])
    expect(lines).toContain('DTSTAMP:20260105T090000Z')
    const summaries = lines.filter((l) => l.startsWith('SUMMARY:'))
    expect(summaries[1]).toBe('SUMMARY:Call Dana Whitfield — 8x8 week 1')
    expect(summaries[2]).toBe('SUMMARY:Email Dana Whitfield — 8x8 week 2')
    expect(summaries[0]).toBe('SUMMARY:Send a card to Dana Whitfield — 8x8 day 1')
    const description = lines.find((l) => l.startsWith('DESCRIPTION:'))!
    expect(description).toContain('Dear Dana\\,\\nIt was a real pleasure meeting you.')
    expect(description).toContain('Ana Reyes\\, Reyes Home Team')
  })

  it('is the same text for the same input, and skips closed and opted-out touches', () => {
    const { a, dana } = planTeam()
    unwrap(
      enroll(a.repo, { contactId: dana.id, planId: 'plan-8x8', memberId: 'ana', startDay: '2026-01-05' }),
    )
    const s = planSnapshot(a.repo)
    const opts = { contacts: s.contacts, plans: s.plans, stamp: 0 }
    expect(scheduleToICalendar(s.touches, opts)).toBe(scheduleToICalendar([...s.touches].reverse(), opts))
    const closed = s.touches.map((t, i) => (i < 2 ? { ...t, status: 'done' as const } : t))
    const noCalls = { ...opts, optOuts: [{ contactId: dana.id, channels: ['call' as const] }] }
    const lines = unfold(scheduleToICalendar(closed, noCalls))
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(4) // 8 − 2 done − 2 remaining calls
  })
})
