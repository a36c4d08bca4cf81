import { describe, expect, it } from 'vitest'
import { kpiDashboard } from '../../../shared/kpi/index'
import {
  at,
  contact,
  cost,
  deal,
  enrollment,
  lead,
  referral,
  reward,
  snapshot,
  source,
  survey,
  val,
} from './records'

const Q1 = { from: '2024-01-01', to: '2024-03-31' }
const H = 3_600_000

/**
 * Who is credited with what:
 * - r1 a1→a4: allied-resource, own source sA and member m1, closed
 * - r2 a2→a3: advocate, no source or member of its own → a3's (none, m1)
 * - r3 a2→a1: advocate, sB, m2
 * - dA (a4, via r1): sA, m1, allied-resource; dB (a3): m2, no source, no type;
 *   dC (a2, own source sB): owner m2, type of sB = advocate
 */
function team() {
  return snapshot({
    sources: [
      source({ id: 'sA', relationshipType: 'allied-resource' }),
      source({ id: 'sB', relationshipType: 'advocate' }),
      source({ id: 'sC', kind: 'ad' }),
    ],
    contacts: [
      contact({
        id: 'a1',
        owner: 'm1',
        source: { kind: 'referral', sourceId: 'sA' },
        class: { relationshipType: 'allied-resource' },
      }),
      contact({
        id: 'a2',
        owner: 'm2',
        source: { kind: 'referral', sourceId: 'sB' },
        class: { relationshipType: 'advocate' },
      }),
      contact({ id: 'a3', owner: 'm1', class: { relationshipType: 'advocate' } }),
      contact({ id: 'a4', owner: 'm2', source: { kind: 'referral', sourceId: 'sA' } }),
    ],
    referrals: [
      referral({
        id: 'r1',
        referrerId: 'a1',
        referredId: 'a4',
        relationshipType: 'allied-resource',
        sourceId: 'sA',
        memberId: 'm1',
        stage: 'closed',
      }),
      referral({ id: 'r2', referrerId: 'a2', referredId: 'a3', relationshipType: 'advocate' }),
      referral({
        id: 'r3',
        referrerId: 'a2',
        referredId: 'a1',
        relationshipType: 'advocate',
        sourceId: 'sB',
        memberId: 'm2',
      }),
    ],
    deals: [
      deal({ id: 'dA', contactId: 'a4', closedOn: '2024-02-01', income: 200_000, referralId: 'r1' }),
      deal({ id: 'dB', contactId: 'a3', closedOn: '2024-02-10', income: 100_000, memberId: 'm2' }),
      deal({ id: 'dC', contactId: 'a2', closedOn: '2024-03-01', income: 400_000, sourceId: 'sB' }),
    ],
    costs: [
      cost({ amount: 10_000, sourceId: 'sA' }),
      cost({ amount: 40_000, sourceId: 'sB' }),
      cost({ amount: 5_000, sourceId: 'sC' }),
      cost({ amount: 1_000, category: 'software' }),
    ],
    rewards: [reward({ contactId: 'a2', referralId: 'r2', cost: 2_000 })],
    leads: [
      lead({
        sourceId: 'sA',
        assignee: 'm1',
        receivedAt: at('2024-01-02', 9),
        firstContactAt: at('2024-01-02', 11),
      }),
      lead({
        sourceId: 'sB',
        assignee: 'm2',
        receivedAt: at('2024-01-02', 9),
        firstContactAt: at('2024-01-02', 10),
      }),
      lead({
        sourceId: 'sC',
        assignee: 'm1',
        receivedAt: at('2024-01-02', 9),
        firstContactAt: at('2024-01-02', 13),
      }),
    ],
    surveys: [
      survey({ contactId: 'a1', score: 10 }),
      survey({ contactId: 'a2', score: 0 }),
      survey({ contactId: 'a3', score: 9 }),
    ],
    enrollments: [
      enrollment({ contactId: 'a1', memberId: 'm1', status: 'completed', stamp: at('2024-02-01') }),
      enrollment({ contactId: 'a2', memberId: 'm2', status: 'stopped', stamp: at('2024-02-01') }),
      enrollment({ contactId: 'a3', memberId: 'm1', status: 'stopped', stamp: at('2024-02-01') }),
    ],
  })
}

describe('kpiDashboard filters', () => {
  it('sourceId keeps the records credited to that source', () => {
    const d = kpiDashboard(team(), Q1, { sourceId: 'sA' })
    // referrals of sA: r1 → 1; contacts from sA: a1, a4 → 1 / 2 × 100 = 50
    expect(d.referralRate).toMatchObject({ value: 50, numerator: 1, denominator: 2 })
    // deals of sA: dA (via r1) → 200 000
    expect(val(d.averageCustomerValue)).toBe(200_000)
    // costs of sA 10 000 (r2's reward has no source); new customers: a4 → 10 000 / 1
    expect(val(d.customerAcquisitionCost)).toBe(10_000)
    // marketing of sA 10 000 / 1 lead of sA
    expect(val(d.costPerLead)).toBe(10_000)
    // only sA: (200 000 − 10 000) / 10 000 = 19
    expect(Object.keys(d.roiBySource)).toEqual(['sA'])
    expect(val(d.roiBySource.sA)).toBe(19)
    // answers of contacts from sA: a1's 10 → 1 promoter of 1 = 100
    expect(val(d.nps)).toBe(100)
    // enrollments of contacts from sA: a1 completed → 1 / 1 × 100
    expect(val(d.planCompletionRate)).toBe(100)
  })

  it('memberId keeps the records of that member, and refuses cost measures', () => {
    const d = kpiDashboard(team(), Q1, { memberId: 'm1' })
    // r1 (own m1) and r2 (a3's owner m1) → 2; contacts owned by m1: a1, a3 → 2 / 2 × 100 = 100
    expect(val(d.referralRate)).toBe(100)
    // r1 closed of 2 → 50
    expect(val(d.conversionRate)).toBe(50)
    // dA via r1 is m1's; dB names m2; dC falls to a2's owner m2 → 200 000
    expect(val(d.averageCustomerValue)).toBe(200_000)
    expect(d.customerAcquisitionCost.kind).toBe('no-data')
    expect(d.costPerLead.kind).toBe('no-data')
    expect(Object.values(d.roiBySource).every((m) => m.kind === 'no-data')).toBe(true)
    // leads assigned to m1: 2 h and 4 h → median 3 h, mean 3 h
    expect(val(d.timeToFirstContact.median)).toBe(3 * H)
    // answers of a1 (10) and a3 (9) → 100
    expect(val(d.nps)).toBe(100)
    // m1's enrollments: 1 completed, 1 stopped → 50
    expect(val(d.planCompletionRate)).toBe(50)
  })

  it('relationshipType keeps referral-sourced business of that type', () => {
    const d = kpiDashboard(team(), Q1, { relationshipType: 'advocate' })
    // r2, r3 → 2; contacts typed advocate: a2, a3 → 2 / 2 × 100 = 100
    expect(val(d.referralRate)).toBe(100)
    expect(val(d.referralsBySourceType.advocate)).toBe(2)
    expect(val(d.referralsBySourceType['allied-resource'])).toBe(0)
    // dC (sB is an advocate source) → 400 000
    expect(val(d.averageCustomerValue)).toBe(400_000)
    // sB 40 000 + r2's reward 2 000 = 42 000; new customers: a2 (dC) → 42 000
    expect(val(d.customerAcquisitionCost)).toBe(42_000)
    // marketing of sB 40 000 / 1 lead of sB
    expect(val(d.costPerLead)).toBe(40_000)
    // sB: (400 000 − 40 000) / 40 000 = 9
    expect(Object.keys(d.roiBySource)).toEqual(['sB'])
    expect(val(d.roiBySource.sB)).toBe(9)
    // a2 answered 0, a3 answered 9 → (1 − 1) / 2 × 100 = 0, a real zero
    expect(d.nps).toMatchObject({ kind: 'value', value: 0, denominator: 2 })
    // a2 and a3 were stopped → 0 / 2
    expect(val(d.planCompletionRate)).toBe(0)
  })

  it('no filter counts everything', () => {
    const d = kpiDashboard(team(), Q1)
    // 3 referrals / 4 contacts × 100 = 75
    expect(val(d.referralRate)).toBe(75)
    // costs 10 000 + 40 000 + 5 000 + 1 000 + reward 2 000 = 58 000; 3 new customers → 19 333.33 → 19 333
    expect(d.customerAcquisitionCost).toMatchObject({ value: 19_333, numerator: 58_000, denominator: 3 })
  })
})
