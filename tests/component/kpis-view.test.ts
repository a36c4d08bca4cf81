// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { useKpisStore } from '../../pwa/stores/kpis'
import { useTeamStore } from '../../pwa/stores/team'
import KpisView from '../../pwa/views/KpisView.vue'
import { eventually, mountView, startApp, startDemoApp } from './helpers/app'

const figure = (w: { get(s: string): { get(s: string): { text(): string } } }, id: string) =>
  w.get(`[data-testid="${id}"]`).get('[data-testid="kpi-value"]').text()

describe('KpisView', () => {
  afterEach(() => {
    useKpisStore().$reset()
    useTeamStore().$reset()
  })

  it('shows the demo team’s measures, and a contact added through the repository moves the referral rate', async () => {
    const { pinia } = await startDemoApp()
    const { wrapper } = await mountView(KpisView, pinia, '/kpis')
    await eventually(() => expect(figure(wrapper, 'kpi-referral-rate')).toMatch(/%$/))
    const kpis = useKpisStore(pinia)
    const rate = kpis.dashboard.referralRate
    if (rate.kind !== 'value') throw new Error('the demo team has referrals')
    const before = figure(wrapper, 'kpi-referral-rate')
    const detail = wrapper.get('[data-testid="kpi-referral-rate"]').text()
    expect(detail).toContain(`of ${rate.denominator!.toLocaleString('en')}`)

    await useTeamStore(pinia).write((repo) => repo.create('contacts', { name: { display: 'Noura Saleh' } }))
    await eventually(() => {
      const after = kpis.dashboard.referralRate
      expect(after.kind === 'value' && after.denominator).toBe(rate.denominator! + 1)
    })
    await eventually(() =>
      expect(wrapper.get('[data-testid="kpi-referral-rate"]').text()).toContain(
        `of ${(rate.denominator! + 1).toLocaleString('en')}`,
      ),
    )
    expect(before).toMatch(/^\d+(\.\d)?%$/)
    // Each chart has a table alternative with one row per bar.
    const tables = wrapper.findAll('[data-testid="kpi-chart-table"]')
    expect(tables.length).toBeGreaterThanOrEqual(2)
    expect(tables[0]!.findAll('tbody tr')).toHaveLength(4)
    wrapper.unmount()
  })

  it('says "No data", never 0, for an empty team and for a reversed custom period, with the reason', async () => {
    const { pinia } = await startApp()
    await useTeamStore(pinia).startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
    const { wrapper } = await mountView(KpisView, pinia, '/kpis')
    await eventually(() => expect(figure(wrapper, 'kpi-referral-rate')).toBe('No data'))
    expect(figure(wrapper, 'kpi-nps')).toBe('No data')
    expect(wrapper.get('[data-testid="kpi-nps"]').text()).toContain('No survey answers in the period.')
    expect(figure(wrapper, 'kpi-cpl')).toBe('No data')

    await wrapper.get('[data-testid="kpi-period"]').setValue('custom')
    await wrapper.get('[data-testid="kpi-from"]').setValue('2026-06-30')
    await wrapper.get('[data-testid="kpi-to"]').setValue('2026-06-01')
    await eventually(() =>
      expect(wrapper.get('[data-testid="kpi-referral-rate"]').text()).toContain(
        'The period is not a valid range of days',
      ),
    )
    wrapper.unmount()
  })

  it('narrows to a member: cost measures are no data, with why', async () => {
    const { pinia } = await startDemoApp()
    const { wrapper } = await mountView(KpisView, pinia, '/kpis')
    const kpis = useKpisStore(pinia)
    await eventually(() => expect(kpis.members.length).toBeGreaterThan(0))
    await wrapper.get('[data-testid="kpi-member"]').setValue(kpis.members[0]!.id)
    await eventually(() =>
      expect(wrapper.get('[data-testid="kpi-cpl"]').text()).toContain(
        'Costs are not recorded per team member.',
      ),
    )
    expect(figure(wrapper, 'kpi-cac')).toBe('No data')
    wrapper.unmount()
  })

  it('writes figures with the locale’s digits in Arabic', async () => {
    const { pinia } = await startDemoApp()
    const { wrapper } = await mountView(KpisView, pinia, '/kpis')
    await eventually(() => expect(figure(wrapper, 'kpi-referral-rate')).toMatch(/%$/))
    const en = figure(wrapper, 'kpi-referral-rate')
    const { i18n } = await import('../../pwa/i18n')
    i18n.global.locale.value = 'ar'
    await eventually(() => expect(figure(wrapper, 'kpi-referral-rate')).not.toBe(en))
    expect(figure(wrapper, 'kpi-referral-rate')).toBe(
      new Intl.NumberFormat('ar', { style: 'percent', maximumFractionDigits: 1 }).format(
        (useKpisStore(pinia).dashboard.referralRate as { value: number }).value / 100,
      ),
    )
    i18n.global.locale.value = 'en'
    wrapper.unmount()
  })
})
