import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { addLeadByHand, advanceLead, leadFunnel } from '../../../shared/leads'
import { team } from './fixtures'

describe('addLeadByHand', () => {
  it('adds a manual lead with a new contact tagged with the source', () => {
    const { a, zillow } = team()
    const r = unwrap(
      addLeadByHand(a.repo, {
        name: ' Noura Al-Sayed ',
        emails: ['noura@example.com', ' '],
        phones: ['(503) 555-0177'],
        sourceId: zillow.id,
        need: 'Condo downtown',
      }),
    )
    expect(r.isNewContact).toBe(true)
    expect(r.lead).toMatchObject({
      entry: 'manual',
      stage: 'new',
      sourceId: zillow.id,
      need: 'Condo downtown',
    })
    expect(r.contact).toMatchObject({
      name: { display: 'Noura Al-Sayed' },
      emails: [{ value: 'noura@example.com' }],
      source: { kind: 'ad', sourceId: zillow.id },
    })
  })

  it('requires a name, a way to reach the lead and a source, naming each', () => {
    const { a } = team()
    const before = a.repo.list('leads').length
    const r = addLeadByHand(a.repo, { name: '  ', emails: [''], phones: [], sourceId: '' })
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['name', 'contact', 'sourceId'])
    expect(a.repo.list('leads')).toHaveLength(before)
  })

  it('refuses a retired source', () => {
    const { a, openHouse } = team()
    unwrap(a.repo.update('sources', openHouse.id, { active: false }))
    const r = addLeadByHand(a.repo, { name: 'Lee Park', phones: ['503 555 0110'], sourceId: openHouse.id })
    expect(r.ok ? [] : r.problems).toEqual([
      { path: 'sourceId', message: 'source Open house Elm St is inactive: pick an active source' },
    ])
  })
})

describe('leadFunnel', () => {
  it('counts the leads at each stage and those that reached it', () => {
    const { a, zillow } = team()
    const add = (name: string) =>
      unwrap(
        addLeadByHand(a.repo, { name, emails: [`${name.toLowerCase()}@example.com`], sourceId: zillow.id }),
      ).lead
    const [x, y, z] = [add('Ari'), add('Bea'), add('Cal')]
    unwrap(advanceLead(a.repo, x.id, 'contacted'))
    unwrap(advanceLead(a.repo, x.id, 'appointment'))
    unwrap(advanceLead(a.repo, y.id, 'contacted'))
    unwrap(advanceLead(a.repo, y.id, 'lost'))
    unwrap(a.repo.update('leads', z.id, { assignee: 'm-ana' }))
    const f = leadFunnel(a.repo.list('leads'))
    expect(f.total).toBe(3)
    expect(f.at).toEqual({ new: 1, contacted: 0, qualified: 0, appointment: 1, converted: 0, lost: 1 })
    expect(f.reached).toEqual({ new: 3, contacted: 2, qualified: 0, appointment: 1, converted: 0, lost: 1 })
    expect(f.unassigned).toBe(1)
  })
})
