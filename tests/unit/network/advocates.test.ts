import { describe, expect, it } from 'vitest'
import {
  buildReferralGraph,
  silentAlliedResources,
  suggestCoreAdvocates,
} from '../../../shared/network/index'
import { at, contact, referral } from '../kpi/records'

describe('suggestCoreAdvocates', () => {
  // A tree of 10 contacts: h and k are the two hubs, p sent three referrals to one person.
  //   p – x1 – h – k – x6 – q
  //       x2 ┘ │   ├ x4
  //       x3 ──┘   └ x5
  const ids = ['h', 'k', 'p', 'q', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6']
  const contacts = ids.map((id) =>
    contact({
      id,
      class: { relationshipType: id === 'k' ? 'core-advocate' : id === 'h' ? 'advocate' : 'other' },
    }),
  )
  const sent = (from: string, to: string[]) => to.map((t) => referral({ referrerId: from, referredId: t }))
  const referrals = [
    ...sent('h', ['x1', 'x2', 'x3', 'k']),
    ...sent('k', ['x4', 'x5', 'x6']),
    ...sent('p', ['x1', 'x1', 'x1']),
    ...sent('q', ['x6']),
  ]
  const data = { contacts, referrals }
  const graph = buildReferralGraph({ ...data, intros: [] })

  it('suggests central contacts with enough referrals, not those already core advocates', () => {
    const s = suggestCoreAdvocates(data, graph, { minReferrals: 3, topN: 5 })
    // h: 4 sent; k is already core-advocate; p sent 3 but sits on the edge (percentiles 0)
    expect(s.map((x) => x.contactId)).toEqual(['h'])
    // Removing h leaves branches of 2, 1, 1 and 5 contacts: of the 36 pairs among the other 9,
    // 36 − C(2,2) − C(5,2) = 25 run through h → normalized 25 / 36.
    // Degrees 1,1,1,1,1,1,2,2,4,4: 8 of the 9 others are below h's 4 → 8/9;
    // only k (also 25) is not below h's betweenness → 8/9.
    expect(s[0]).toMatchObject({ referralsSent: 4, degree: 4, betweennessRaw: 25 })
    expect(s[0].betweenness).toBeCloseTo(25 / 36, 10)
    expect(s[0].degreePercentile).toBeCloseTo(8 / 9, 10)
    expect(s[0].betweennessPercentile).toBeCloseTo(8 / 9, 10)
    expect(s[0].score).toBeCloseTo(8 / 9, 10)
  })

  it('ranks by centrality and honours minReferrals, minPercentile and topN', () => {
    const all = suggestCoreAdvocates(data, graph, { minReferrals: 1, minPercentile: 0, topN: 10 })
    // q (1 sent) and p (3 sent) both have degree 1 and betweenness 0: tie broken by referrals sent
    expect(all.map((x) => x.contactId)).toEqual(['h', 'p', 'q'])
    expect(suggestCoreAdvocates(data, graph, { minReferrals: 1, minPercentile: 0, topN: 1 })).toHaveLength(1)
    expect(suggestCoreAdvocates(data, graph, { minReferrals: 5 })).toEqual([])
  })
})

describe('silentAlliedResources', () => {
  const Q1 = { from: '2024-01-01', to: '2024-03-31' }
  const allied = { relationshipType: 'allied-resource' as const }
  const data = {
    contacts: [
      contact({ id: 'a1', class: allied }),
      contact({ id: 'a2', class: allied }),
      contact({ id: 'a3', class: allied }),
      contact({ id: 'a4', class: allied, created: at('2024-04-05') }),
      contact({ id: 'a5', class: allied, isDeleted: true }),
      contact({ id: 'a6', class: { relationshipType: 'advocate' } }),
      contact({ id: 'a7', class: allied }),
    ],
    referrals: [
      referral({ referrerId: 'a1', receivedAt: at('2024-02-01') }),
      referral({ referrerId: 'a1', receivedAt: at('2023-05-01') }),
      referral({ referrerId: 'a2', receivedAt: at('2023-11-01') }),
      referral({ referrerId: 'a2', receivedAt: at('2023-10-01') }),
      referral({ referrerId: 'a2', receivedAt: at('2024-02-01'), isDeleted: true }),
      referral({ referrerId: 'a7', receivedAt: at('2024-04-10') }),
    ],
  }

  it('lists allied resources who sent nothing in the period, never-referrers first', () => {
    // a1 sent in Q1; a4 did not exist yet; a5 is deleted; a6 is not an allied resource;
    // a2's Q1 referral is deleted; a7's only referral came after the period
    expect(silentAlliedResources(data, Q1)).toEqual([
      { contactId: 'a3', name: 'a3', lastReferralAt: null, referralsBefore: 0 },
      { contactId: 'a7', name: 'a7', lastReferralAt: null, referralsBefore: 0 },
      { contactId: 'a2', name: 'a2', lastReferralAt: at('2023-11-01'), referralsBefore: 2 },
    ])
  })

  it('refuses an invalid period', () => {
    expect(silentAlliedResources(data, { from: '2024-03-31', to: '2024-01-01' })).toBeNull()
  })
})
