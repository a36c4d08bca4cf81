import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { buildToday, enroll, planSnapshot, type TodayInput } from '../../../shared/plans'
import { contact } from '../helpers/team'
import { planTeam } from './plan-team'

/** Dana in 8x8 from 2026-01-05 and Layla (Ben's) in 12 Direct from 2026-01-19, as plain arrays. */
function snapshot() {
  const { a, dana } = planTeam()
  const layla = unwrap(
    a.repo.create(
      'contacts',
      contact({
        name: { display: 'ليلى الحسيني', given: 'ليلى', family: 'الحسيني' },
        emails: [],
        phones: [{ value: '+971 50 123 4567', label: 'work' }],
        owner: 'ben',
      }),
    ),
  )
  unwrap(enroll(a.repo, { contactId: dana.id, planId: 'plan-8x8', memberId: 'ana', startDay: '2026-01-05' }))
  unwrap(
    enroll(a.repo, {
      contactId: layla.id,
      planId: 'plan-12-direct',
      memberId: 'ben',
      startDay: '2026-01-19',
    }),
  )
  return { a, dana, layla, input: planSnapshot(a.repo) as TodayInput }
}

describe('buildToday', () => {
  it('lists due and overdue pending touches for the team, grouped by channel, scripts filled', () => {
    const { dana, layla, input } = snapshot()
    const today = buildToday(input, { day: '2026-01-19', extraFields: { agentPhone: '(503) 555-0100' } })
    expect(today).toMatchObject({ day: '2026-01-19', total: 4, overdue: 2 })
    expect(
      today.groups.map((g) => [g.channel, g.items.map((i) => [i.contactName, i.due, i.daysOverdue])]),
    ).toEqual([
      ['call', [['Dana Whitfield', '2026-01-12', 7]]],
      ['email', [['Dana Whitfield', '2026-01-19', 0]]],
      ['card', [['Dana Whitfield', '2026-01-05', 14]]],
      ['mail', [['ليلى الحسيني', '2026-01-19', 0]]],
    ])
    const card = today.groups[2]!.items[0]!
    expect(card).toMatchObject({
      isOverdue: true,
      planLabel: '8x8 day 1',
      assignee: 'ana',
      assigneeName: 'Ana Reyes',
    })
    expect(card.script).toContain('Dear Dana,')
    expect(card.script).toContain('only a call away at (503) 555-0100')
    expect(card.script).toContain('Ana Reyes, Reyes Home Team')
    const mail = today.groups[3]!.items[0]!
    expect(mail.contactId).toBe(layla.id)
    expect(mail.script).toContain('ليلى الحسيني')
    expect(mail.links).toEqual({ tel: 'tel:+971501234567', sms: 'sms:+971501234567' })
    expect(today.groups[0]!.items[0]!.contactId).toBe(dana.id)
  })

  it('gives tel:, sms: and mailto: links, with an email touch’s subject and body', () => {
    const { input } = snapshot()
    const email = buildToday(input, { day: '2026-01-19' }).groups[1]!.items[0]!
    expect(email.phone).toBe('+15035550142')
    expect(email.email).toBe('dana.whitfield@example.com')
    expect(email.links.tel).toBe('tel:+15035550142')
    const mailto = new URL(email.links.mailto!)
    expect(mailto.protocol).toBe('mailto:')
    expect(mailto.pathname).toBe('dana.whitfield@example.com')
    expect(mailto.searchParams.get('subject')).toBe('Something useful for you, Dana')
    expect(mailto.searchParams.get('body')).toMatch(/^Hi Dana,\r\n\r\nI put together/)
  })

  it('lists one member’s touches only, when asked', () => {
    const { input } = snapshot()
    const ben = buildToday(input, { day: '2026-01-19', memberId: 'ben' })
    // Ben is the assistant: Dana's email step and Layla's mail piece are his
    expect(ben.groups.map((g) => g.channel)).toEqual(['email', 'mail'])
    expect(buildToday(input, { day: '2026-01-04', memberId: 'ana' }).total).toBe(0)
  })

  it('hides opted-out contacts (from Map or plain rows), stopped and duplicate enrollments, deleted contacts', () => {
    const { dana, layla, input } = snapshot()
    const optedOut = buildToday(
      { ...input, optOuts: [{ contactId: dana.id, channels: ['call', 'card'] }] },
      { day: '2026-01-19' },
    )
    expect(optedOut.groups.map((g) => g.channel)).toEqual(['email', 'mail'])
    expect(optedOut.hidden.optedOut).toBe(2)

    const stopped = input.enrollments!.map((e) =>
      e.contactId === layla.id ? { ...e, status: 'stopped' as const } : e,
    )
    expect(
      buildToday({ ...input, enrollments: stopped }, { day: '2026-01-19' }).hidden.stoppedEnrollment,
    ).toBe(1)

    const dup = {
      ...input.enrollments!.find((e) => e.contactId === dana.id)!,
      id: 'enr:zzz',
      startDay: '2026-01-06',
    }
    const dupTouches = input.touches
      .filter((t) => t.contactId === dana.id)
      .map((t) => ({ ...t, id: `enr:zzz:${t.id}`, enrollmentId: 'enr:zzz' }))
    const withDup = buildToday(
      { ...input, enrollments: [...input.enrollments!, dup], touches: [...input.touches, ...dupTouches] },
      { day: '2026-01-19' },
    )
    expect(withDup.total).toBe(4)
    expect(withDup.hidden.stoppedEnrollment).toBe(3)

    const gone = input.contacts.map((c) => (c.id === layla.id ? { ...c, deleted: { at: 1, by: 'ana' } } : c))
    expect(buildToday({ ...input, contacts: gone }, { day: '2026-01-19' }).hidden.missingContact).toBe(1)
  })

  it('is a pure function of plain data', () => {
    const { input } = snapshot()
    const frozen = JSON.parse(JSON.stringify({ ...input, optOuts: [] })) as TodayInput
    expect(buildToday(frozen, { day: '2026-02-02' })).toEqual(buildToday(frozen, { day: '2026-02-02' }))
    expect(JSON.stringify(frozen)).toBe(JSON.stringify({ ...input, optOuts: [] }))
    expect(buildToday(frozen, { day: 'not a day' }).total).toBe(0)
  })
})
