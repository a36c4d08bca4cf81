import { describe, expect, it } from 'vitest'
import { kpiDashboard } from '../../shared/kpi'
import { localDayStart, periodOf } from '../../pwa/services/kpis-period'
import { emptyKpiData, kpiContactOf } from '../../pwa/services/kpis-query'

const custom = { from: '2026-02-01', to: '2026-02-28' }

describe('the KPI periods', () => {
  it('end today and start where each preset says (both days inclusive)', () => {
    expect(periodOf('month', '2026-11-23', custom)).toEqual({ from: '2026-11-01', to: '2026-11-23' })
    expect(periodOf('last30', '2026-11-23', custom)).toEqual({ from: '2026-10-25', to: '2026-11-23' })
    expect(periodOf('last90', '2026-11-23', custom)).toEqual({ from: '2026-08-26', to: '2026-11-23' })
    expect(periodOf('year', '2026-11-23', custom)).toEqual({ from: '2026-01-01', to: '2026-11-23' })
    expect(periodOf('custom', '2026-11-23', custom)).toBe(custom)
  })

  it('crosses month and year ends by the calendar (last 30 days of a 1 January)', () => {
    expect(periodOf('last30', '2027-01-01', custom)).toEqual({ from: '2026-12-03', to: '2027-01-01' })
    expect(periodOf('month', '2024-02-29', custom)).toEqual({ from: '2024-02-01', to: '2024-02-29' })
  })

  it('start each day at the local midnight', () => {
    expect(localDayStart('2026-11-23')).toBe(new Date(2026, 10, 23).getTime())
  })
})

describe('the contact rows the measures read', () => {
  it('keep what the measures attribute by, and count as live records', () => {
    const row = {
      id: 'c1',
      shard: 3,
      deleted: 0 as const,
      kind: 'person' as const,
      displayName: 'Noura Saleh',
      sortKey: 'noura saleh',
      emails: [],
      phones: [],
      nameTokens: [],
      tags: ['vip'],
      circles: [],
      met: 1 as const,
      relationshipType: 'advocate',
      sourceKind: 'referral',
      sourceId: 's1',
      owner: 'm1',
      optedOut: 0 as const,
      optOutChannels: [],
      createdAt: Date.UTC(2026, 9, 1),
      updatedAt: Date.UTC(2026, 9, 2),
    }
    const c = kpiContactOf(row)
    expect(c).toMatchObject({
      id: 'c1',
      deleted: null,
      created: { at: Date.UTC(2026, 9, 1) },
      class: { relationshipType: 'advocate', met: true },
      source: { kind: 'referral', sourceId: 's1' },
      owner: 'm1',
    })
    // A live row counts among the contacts at the period's end, under its source's filter.
    const data = { ...emptyKpiData(), contacts: [c] }
    const period = { from: '2026-10-01', to: '2026-10-31' }
    const rate = kpiDashboard(data, period, { sourceId: 's1' }).referralRate
    expect(rate).toEqual({ kind: 'value', value: 0, numerator: 0, denominator: 1 })
    expect(kpiDashboard(data, period, { sourceId: 's2' }).referralRate.kind).toBe('no-data')
  })
})
