import { describe, expect, it } from 'vitest'
import { buildReferralGraph } from '../../../shared/network/index'
import { contact, rec, referral } from '../kpi/records'

function intro(partyA: string, partyB: string, requestedBy?: string, isDeleted = false) {
  return rec(
    'intros',
    { partyA, partyB, need: { text: 'a lender', urgency: 'now' }, requestedBy },
    { isDeleted },
  )
}

describe('buildReferralGraph', () => {
  const contacts = ['a', 'b', 'c', 'd', 'e', 'lonely'].map((id) =>
    contact({ id, class: id === 'a' ? { relationshipType: 'advocate' } : {} }),
  )
  contacts.push(contact({ id: 'gone', isDeleted: true }))

  const g = buildReferralGraph({
    contacts,
    referrals: [
      referral({ referrerId: 'a', referredId: 'b' }),
      referral({ referrerId: 'a', referredId: 'b' }),
      referral({ referrerId: 'b', referredId: 'a' }), // the other way: same tie
      referral({ referrerId: 'a', referredId: 'c' }),
      referral({ referrerId: 'a', referredId: 'a' }), // self-referral: no tie
      referral({ referrerId: 'a', referredId: 'gone' }), // deleted contact
      referral({ referrerId: 'a', referredId: 'nobody' }), // unknown contact
      referral({ referrerId: 'c', referredId: 'd', isDeleted: true }),
    ],
    intros: [intro('c', 'd', 'e'), intro('b', 'c'), intro('a', 'e', undefined, true)],
  })

  it('keeps only the contacts taking part in a live referral or intro', () => {
    expect(g.type).toBe('undirected')
    expect(g.nodes().sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(g.getNodeAttributes('a')).toEqual({ name: 'a', relationshipType: 'advocate' })
  })

  it('counts repeats, either way, as weight', () => {
    expect(g.getEdgeAttributes(g.edge('a', 'b'))).toEqual({ weight: 3, referrals: 3, intros: 0, requests: 0 })
    expect(g.getEdgeAttributes(g.edge('a', 'c'))).toMatchObject({ weight: 1, referrals: 1 })
  })

  it('links intro parties, and whoever asked for the intro to both', () => {
    expect(g.getEdgeAttributes(g.edge('c', 'd'))).toEqual({ weight: 1, referrals: 0, intros: 1, requests: 0 })
    expect(g.getEdgeAttribute(g.edge('e', 'c'), 'requests')).toBe(1)
    expect(g.getEdgeAttribute(g.edge('e', 'd'), 'requests')).toBe(1)
    expect(g.getEdgeAttribute(g.edge('b', 'c'), 'intros')).toBe(1)
    // a–b, a–c, c–d, e–c, e–d, b–c; the deleted intro a–e is left out
    expect(g.size).toBe(6)
    expect(g.hasEdge('a', 'e')).toBe(false)
  })
})
