import { describe, expect, it } from 'vitest'
import { kpiDashboard, type KpiDashboard } from '../../../shared/kpi/index'
import { isNoData, val } from './records'
import { Q1, team } from './team'

const H = 3_600_000

describe('kpiDashboard formulas', () => {
  const d: KpiDashboard = kpiDashboard(team(), Q1)

  it('referral rate: referrals received in the period ÷ contacts existing at its end × 100', () => {
    // r1, r2, r3 in Q1 (r4 the day after, r5 the day before, r6 deleted) = 3;
    // c1…c5 exist on 2024-03-31 (c6 later, c7 deleted) = 5 → 3 / 5 × 100 = 60
    expect(d.referralRate).toEqual({ kind: 'value', value: 60, numerator: 3, denominator: 5 })
  })

  it('conversion rate: received referrals now closed ÷ received × 100', () => {
    // r2 of r1…r3 is closed → 1 / 3 × 100 = 33.33…
    expect(val(d.conversionRate)).toBeCloseTo(100 / 3, 10)
  })

  it('referrals received per source type, out of all received', () => {
    // r1 advocate, r2 allied-resource, r3 'other' (the schema default)
    expect(d.referralsBySourceType['allied-resource']).toEqual({
      kind: 'value',
      value: 1,
      numerator: 1,
      denominator: 3,
    })
    expect(val(d.referralsBySourceType.advocate)).toBe(1)
    expect(val(d.referralsBySourceType['core-advocate'])).toBe(0)
    expect(val(d.referralsBySourceType.other)).toBe(1)
  })

  it('average customer value: mean income of closed deals with a known income', () => {
    // d1 300 000 + d2 500 000 + d3 100 000 = 900 000 over 3 (d4 has no income) = 300 000
    expect(d.averageCustomerValue).toEqual({
      kind: 'value',
      value: 300_000,
      numerator: 900_000,
      denominator: 3,
    })
  })

  it('CLV: average transaction × transactions per client × retention periods', () => {
    // ATV 300 000; 4 closed deals (d1…d4) for 3 clients (c1, c2, c3) → 4/3;
    // retention 5 years × 365.25 / 91 days = 20.0687 periods
    // 300 000 × 4/3 × 1826.25/91 = 730 500 000 / 91 = 8 027 472.53 → 8 027 473 cents
    expect(val(d.customerLifetimeValue)).toBe(8_027_473)
    const m = d.customerLifetimeValue
    expect(m.kind === 'value' && m.parts?.transactionsPerClient).toBeCloseTo(4 / 3, 10)
  })

  it('CLV takes the retention from the options', () => {
    // retention of exactly one 91-day period: 300 000 × 4/3 × 1 = 400 000
    const one = kpiDashboard(team(), Q1, {}, { retentionYears: 91 / 365.25 })
    expect(val(one.customerLifetimeValue)).toBe(400_000)
    const bad = kpiDashboard(team(), Q1, {}, { retentionYears: 0 })
    expect(isNoData(bad.customerLifetimeValue)).toBe(true)
  })

  it('CAC: costs + rewards in the period ÷ contacts whose first closed deal is in the period', () => {
    // costs 50 000 + 20 000 (the April cost and the deleted one are out) + reward 10 000 = 80 000
    // new customers: c1 (first close 2024-01-20), c3 (2024-02-01); c2 first closed in 2023 → 2
    // 80 000 / 2 = 40 000
    expect(d.customerAcquisitionCost).toEqual({
      kind: 'value',
      value: 40_000,
      numerator: 80_000,
      denominator: 2,
    })
  })

  it('CPL: marketing costs ÷ leads received', () => {
    // marketing 50 000 / 4 leads received in Q1 = 12 500
    expect(d.costPerLead).toEqual({ kind: 'value', value: 12_500, numerator: 50_000, denominator: 4 })
  })

  it('ROI per source: (attributed income − cost) ÷ cost', () => {
    // s1 income: d1 300 000 (own source) + d3 100 000 (via r2) = 400 000
    // s1 cost: marketing 50 000 + reward for r1 10 000 = 60 000 → (400 000 − 60 000) / 60 000 = 5.667
    expect(val(d.roiBySource.s1)).toBeCloseTo(340_000 / 60_000, 10)
    // s2 earned d2 (via c1's source) but cost nothing recorded: no data, not Infinity
    expect(isNoData(d.roiBySource.s2)).toBe(true)
  })

  it('NPS: % promoters − % detractors over the period answers', () => {
    // 10, 9, 8, 7, 6, 0, 10 → promoters 3, passives 2, detractors 2 of 7
    // (3 − 2) / 7 × 100 = 14.29
    expect(val(d.nps)).toBeCloseTo(100 / 7, 10)
    expect(d.nps.kind === 'value' && d.nps.denominator).toBe(7)
  })

  it('listings balance: seller and buyer listings taken, ratio and seller share', () => {
    // Q1: 3 seller (one since lost, still taken), 2 buyer; the December one is out
    expect(val(d.listingsBalance.sellers)).toBe(3)
    expect(val(d.listingsBalance.buyers)).toBe(2)
    expect(val(d.listingsBalance.ratio)).toBe(1.5) // 3 / 2
    expect(val(d.listingsBalance.sellerShare)).toBe(60) // 3 / 5 × 100
  })

  it('time to first contact: median and mean over contacted leads of the period', () => {
    // delays 1 h, 3 h, 0 (contact logged before the lead) → sorted 0, 1 h, 3 h
    // median 1 h; mean 4 h / 3 = 1.333 h
    expect(val(d.timeToFirstContact.median)).toBe(H)
    expect(val(d.timeToFirstContact.mean)).toBeCloseTo((4 * H) / 3, 6)
  })

  it('plan completion: completed ÷ (completed + stopped) among enrollments ended in the period', () => {
    // ended in Q1 (by last write): completed 2, stopped 1; active and April ones out → 2 / 3 × 100
    expect(val(d.planCompletionRate)).toBeCloseTo(200 / 3, 10)
  })
})
