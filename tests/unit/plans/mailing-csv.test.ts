import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { enroll, planSnapshot, twelveDirectMailingCsv, MAILING_COLUMNS } from '../../../shared/plans'
import { contact } from '../helpers/team'
import { planTeam } from './plan-team'

function farm() {
  const { a, dana } = planTeam({
    addresses: [
      { label: 'work', street: '1 Office Park', city: 'Salem', postalCode: '97301' },
      {
        label: 'home',
        street: '2230 NW Pettygrove St\nApt 4B',
        city: 'Portland',
        region: 'OR',
        postalCode: '97210',
        country: 'USA',
      },
    ],
  })
  const add = (display: string, more = {}) =>
    unwrap(a.repo.create('contacts', contact({ name: { display }, ...more })))
  const omar = add('Omar Haddad', {
    addresses: [{ street: '9 Elm St', city: 'Portland', postalCode: '97201' }],
  })
  const layla = add('Layla Hussaini', { addresses: [{ city: 'Beaverton' }] })
  const evil = add('=HYPERLINK("http://x.example")', {
    addresses: [{ street: '5 Oak Ave', city: 'Lake Oswego', postalCode: '97034', country: 'USA' }],
  })
  for (const c of [dana, omar, layla, evil]) {
    unwrap(
      enroll(a.repo, { contactId: c.id, planId: 'plan-12-direct', memberId: 'ben', startDay: '2026-01-19' }),
    )
  }
  unwrap(a.repo.optOut(omar.id, { channel: 'mail', reason: 'No mail please' }))
  return { a, dana, omar, layla, evil }
}

describe('twelveDirectMailingCsv', () => {
  it('lists the month’s 12 Direct pieces, one row per addressable contact, and reports the rest', () => {
    const { a, dana, omar, layla, evil } = farm()
    const list = unwrap(twelveDirectMailingCsv(planSnapshot(a.repo), { month: '2026-02' }))
    const parsed = Papa.parse<string[]>(list.csv.trim(), { skipEmptyLines: true }).data
    expect(parsed[0]).toEqual([...MAILING_COLUMNS])
    expect(parsed[0]).toEqual([
      'Name',
      'Address line 1',
      'Address line 2',
      'City',
      'Region',
      'Postal code',
      'Country',
    ])
    expect(parsed.slice(1)).toEqual([
      ['\'=HYPERLINK("http://x.example")', '5 Oak Ave', '', 'Lake Oswego', '', '97034', 'USA'],
      ['Dana Whitfield', '2230 NW Pettygrove St', 'Apt 4B', 'Portland', 'OR', '97210', 'USA'],
    ])
    expect(list.rows).toBe(2)
    expect(list.touchIds).toEqual(
      [dana.id, evil.id].map((id) => `enr:${id}:plan-12-direct:2026-01-19:mail:1`).sort(),
    )
    expect(list.skipped).toEqual([
      { contactId: layla.id, name: 'Layla Hussaini', reason: 'no-address' },
      { contactId: omar.id, name: 'Omar Haddad', reason: 'opted-out' },
    ])
  })

  it('leaves out touches of other months and of done pieces, and refuses a bad month', () => {
    const { a } = farm()
    const snapshot = planSnapshot(a.repo)
    expect(unwrap(twelveDirectMailingCsv(snapshot, { month: '2025-12' })).rows).toBe(0)
    const done = snapshot.touches.map((t) => ({ ...t, status: 'done' as const }))
    expect(unwrap(twelveDirectMailingCsv({ ...snapshot, touches: done }, { month: '2026-02' })).rows).toBe(0)
    const bad = twelveDirectMailingCsv(snapshot, { month: '2026-13' })
    expect(!bad.ok && bad.problems[0]!.path).toBe('month')
  })
})
