import { describe, expect, it } from 'vitest'
import { kpiDashboard, type Metric } from '../../../shared/kpi/index'
import { at, deal, enrollment, isNoData, lead, snapshot, val } from './records'
import { Q1, team } from './team'

describe('kpiDashboard no-data', () => {
  it('an empty snapshot gives no data everywhere, never 0, NaN or Infinity', () => {
    const d = kpiDashboard(snapshot(), Q1)
    const metrics: Metric[] = [
      d.referralRate,
      d.conversionRate,
      ...Object.values(d.referralsBySourceType),
      d.averageCustomerValue,
      d.customerLifetimeValue,
      d.customerAcquisitionCost,
      d.costPerLead,
      d.nps,
      ...Object.values(d.listingsBalance),
      ...Object.values(d.timeToFirstContact),
      d.planCompletionRate,
    ]
    for (const m of metrics) expect(isNoData(m)).toBe(true)
    expect(d.roiBySource).toEqual({})
  })

  it('a period with nothing in it is no data, but contacts without referrals are a real 0 %', () => {
    const d = kpiDashboard(team(), { from: '2022-01-01', to: '2022-12-31' })
    // no contact existed yet (all created 2023-06-01 or later)
    expect(isNoData(d.referralRate)).toBe(true)
    const later = kpiDashboard(team(), { from: '2025-01-01', to: '2025-01-31' })
    // 6 contacts exist, 0 referrals received: the rate is 0, conversion has no denominator
    expect(later.referralRate).toEqual({ kind: 'value', value: 0, numerator: 0, denominator: 6 })
    expect(isNoData(later.conversionRate)).toBe(true)
    expect(isNoData(later.customerAcquisitionCost)).toBe(true)
    expect(isNoData(later.roiBySource.s1)).toBe(true)
  })

  it('zero denominators: no buyer listings, no stopped-or-completed plans, uncontacted leads', () => {
    const d = kpiDashboard(
      snapshot({
        deals: [deal({ status: 'open', side: 'seller', listing: true, created: at('2024-01-03') })],
        leads: [lead({ receivedAt: at('2024-01-02') })],
        enrollments: [enrollment({ status: 'active', stamp: at('2024-01-15') })],
      }),
      Q1,
    )
    expect(val(d.listingsBalance.sellers)).toBe(1)
    expect(isNoData(d.listingsBalance.ratio)).toBe(true)
    expect(val(d.listingsBalance.sellerShare)).toBe(100)
    expect(isNoData(d.timeToFirstContact.median)).toBe(true)
    expect(isNoData(d.planCompletionRate)).toBe(true)
    // a lead but no marketing cost: no data rather than a free lead
    expect(isNoData(d.costPerLead)).toBe(true)
  })

  it('new customers without any recorded cost give no CAC', () => {
    const d = kpiDashboard(snapshot({ deals: [deal({ closedOn: '2024-01-20', income: 100 })] }), Q1)
    expect(isNoData(d.customerAcquisitionCost)).toBe(true)
    expect(val(d.averageCustomerValue)).toBe(100)
  })

  it.each([
    { from: '2024-03-31', to: '2024-01-01' },
    { from: '2024-02-30', to: '2024-03-31' },
    { from: 'January', to: '2024-03-31' },
  ])('an invalid period %o gives no data everywhere', (period) => {
    const d = kpiDashboard(team(), period)
    expect(isNoData(d.referralRate)).toBe(true)
    expect(isNoData(d.nps)).toBe(true)
    expect(Object.values(d.roiBySource).every(isNoData)).toBe(true)
  })
})
