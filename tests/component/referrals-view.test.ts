// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { receiveReferral, stageEventId, tellTouchId } from '../../shared/referrals'
import { useReferralsStore } from '../../pwa/stores/referrals'
import { useTeamStore } from '../../pwa/stores/team'
import ReferralsView from '../../pwa/views/ReferralsView.vue'
import { eventually, mountView, startApp } from './helpers/app'

/** A new team where Omar (an advocate) referred Layla. */
async function teamWithReferral() {
  const app = await startApp()
  const team = useTeamStore(app.pinia)
  await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  const made = await team.write((repo) => {
    const a = repo.create('contacts', {
      name: { display: 'Omar Haddad', given: 'Omar' },
      class: { relationshipType: 'advocate' },
    })
    const b = repo.create('contacts', { name: { display: 'Layla Hamdan', given: 'Layla' } })
    const c = repo.create('contacts', { name: { display: 'Sami Nasser', given: 'Sami' } })
    if (!a.ok || !b.ok || !c.ok) throw new Error('contacts refused')
    const r = receiveReferral(repo, { referrerId: a.value.id, referredId: b.value.id, need: 'sell a condo' })
    if (!r.ok) return r
    return { ok: true as const, value: { id: r.value.referral.id, omar: a.value.id, sami: c.value.id } }
  })
  if (!made.ok) throw new Error(JSON.stringify(made.problems))
  await eventually(async () => expect(await team.session!.db.contacts.count()).toBe(3))
  return { ...app, team, ...made.value }
}

type Wrapper = Awaited<ReturnType<typeof mountView>>['wrapper']
const count = (w: Wrapper, stage: string) =>
  w.get(`[data-testid="stage-${stage}"] [data-testid="stage-count"]`).text()

describe('ReferralsView', () => {
  afterEach(() => {
    useReferralsStore().$reset()
    useTeamStore().$reset()
  })

  it('shows the pipeline by stage and the rewards ledger with its totals', async () => {
    const { pinia } = await teamWithReferral()
    const { wrapper } = await mountView(ReferralsView, pinia, '/referrals')
    await eventually(() => expect(count(wrapper, 'received')).toBe('1 referrals'))
    expect(count(wrapper, 'contacted')).toBe('0 referrals')
    expect(wrapper.get('[data-testid="stage-received"]').text()).toContain('Layla Hamdan')
    expect(wrapper.get('[data-testid="stage-received"]').text()).toContain('Advocate')
    await eventually(() => expect(wrapper.findAll('[data-testid="reward-line"]')).toHaveLength(1))
    expect(wrapper.get('[data-testid="rewards-totals"]').text()).toBe(
      'Total 1 rewards · $50.00 · given $0.00 · to give $50.00',
    )
    await wrapper.get('[data-testid="reward-mark-given"]').trigger('click')
    await eventually(() =>
      expect(wrapper.get('[data-testid="rewards-totals"]').text()).toBe(
        'Total 1 rewards · $50.00 · given $50.00 · to give $0.00',
      ),
    )
    wrapper.unmount()
  })

  it('moves a referral a stage and shows the tell-the-referrer touch it planned', async () => {
    const { pinia, team, id } = await teamWithReferral()
    const { wrapper } = await mountView(ReferralsView, pinia, `/referrals/${id}`, { id })
    await eventually(() => expect(wrapper.find('[data-testid="referral-detail"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="referral-relationship"]').text()).toBe('Advocate')
    expect(wrapper.findAll('[data-testid="referral-tell"]')).toHaveLength(1)
    await wrapper.get('form.move').trigger('submit')
    await eventually(() => expect(wrapper.get('[data-testid="referral-stage"]').text()).toBe('Contacted'))
    expect(wrapper.get('[data-testid="referral-told"]').text()).toBe(
      'Planned for today: Tell Omar the news about Layla: contacted',
    )
    await eventually(() => expect(wrapper.findAll('[data-testid="referral-tell"]')).toHaveLength(2))
    expect(team.session!.repo.get('touches', tellTouchId(id, 'contacted'))!.script).toContain(
      'Good news, Omar',
    )
    await eventually(() => expect(count(wrapper, 'contacted')).toBe('1 referrals'))
    wrapper.unmount()
  })

  it('refuses to close without a value, then closes with one and rewards the referrer', async () => {
    const { pinia, team, id } = await teamWithReferral()
    const store = useReferralsStore(pinia)
    store.show(id)
    for (const s of ['contacted', 'appointment', 'agreement', 'under-contract'] as const) {
      const r = await store.advance(s)
      if (!r.ok) throw new Error(JSON.stringify(r.problems))
    }
    const { wrapper } = await mountView(ReferralsView, pinia, `/referrals/${id}`, { id })
    await eventually(() => expect(wrapper.find('[data-testid="referral-value"]').exists()).toBe(true))
    await wrapper.get('form.move').trigger('submit')
    await eventually(() =>
      expect(wrapper.get('.referral-detail').text()).toContain(
        'closing a referral needs the value of the deal',
      ),
    )
    expect(wrapper.get('[data-testid="referral-stage"]').text()).toBe('Under contract')
    await wrapper.get('[data-testid="referral-value"]').setValue('640000')
    await wrapper.get('form.move').trigger('submit')
    await eventually(() => expect(wrapper.get('[data-testid="referral-stage"]').text()).toBe('Closed'))
    expect(team.session!.repo.get('referrals', id)!.value).toBe(64_000_000)
    await eventually(() =>
      expect(wrapper.get('[data-testid="stage-closed"] [data-testid="stage-value"]').text()).toBe(
        'Value $640,000',
      ),
    )
    wrapper.unmount()
  })

  it('receives a new referral with a chosen relationship type', async () => {
    const { pinia, team, omar, sami } = await teamWithReferral()
    const { wrapper, router } = await mountView(ReferralsView, pinia, '/referrals')
    await wrapper.get('[data-testid="referral-new"]').trigger('click')
    for (const [testid, q, name] of [
      ['pick-referrer', 'omar', 'Omar Haddad'],
      ['pick-referred', 'sami', 'Sami Nasser'],
    ] as const) {
      await wrapper.get(`[data-testid="${testid}"] input`).setValue(q)
      const pickButton = `[data-testid="${testid}"] button[aria-label="Choose ${name}"]`
      await eventually(() => expect(wrapper.find(pickButton).exists()).toBe(true))
      await wrapper.get(pickButton).trigger('click')
    }
    await wrapper.get('[data-testid="referral-need"] input').setValue('buy a first home')
    await wrapper.get('[data-testid="referral-relationship-select"]').setValue('core-advocate')
    await wrapper.get('[data-testid="referral-new-form"]').trigger('submit')
    await eventually(() => expect(router.currentRoute.value.params.id).toBeTruthy())
    const made = team.session!.repo.list('referrals').find((r) => r.referredId === sami)!
    expect(made).toMatchObject({
      referrerId: omar,
      need: 'buy a first home',
      relationshipType: 'core-advocate',
    })
    await eventually(() => expect(count(wrapper, 'received')).toBe('2 referrals'))
    wrapper.unmount()
  })

  it('marks a referral lost, telling the referrer kindly, and moves it no further', async () => {
    const { pinia, team, id } = await teamWithReferral()
    const { wrapper } = await mountView(ReferralsView, pinia, `/referrals/${id}`, { id })
    await eventually(() => expect(wrapper.find('[data-testid="referral-lost"]').exists()).toBe(true))
    await wrapper.get('[data-testid="referral-lost"]').trigger('click')
    await eventually(() => expect(wrapper.get('[data-testid="referral-stage"]').text()).toBe('Lost'))
    expect(wrapper.get('[data-testid="referral-told"]').text()).toBe(
      'Planned for today: Tell Omar the news about Layla: lost',
    )
    expect(wrapper.find('[data-testid="referral-next"]').exists()).toBe(false)
    expect(wrapper.get('.referral-detail').text()).toContain(
      'This referral is Lost: it does not move any more.',
    )
    expect(team.session!.repo.get('touches', tellTouchId(id, 'lost'))!.script).toContain(
      'The timing was not right',
    )
    wrapper.unmount()
  })

  it('writes back a move merged from another device when the referral opens', async () => {
    const { pinia, team, id } = await teamWithReferral()
    // Another device's move arrives as its stage event only; its write of the record lost the merge.
    await team.write((repo) => {
      const r = repo.get('referrals', id)!
      repo.timeline.append(
        {
          contactId: r.referredId,
          kind: 'referral',
          at: Date.UTC(2026, 10, 23, 13),
          referralId: id,
          summary: 'moved',
        },
        { id: stageEventId(id, 'appointment', 'other-device') },
      )
      return { ok: true as const, value: undefined }
    })
    expect(team.session!.repo.get('referrals', id)!.stage).toBe('received')
    const { wrapper } = await mountView(ReferralsView, pinia, `/referrals/${id}`, { id })
    await eventually(() => expect(wrapper.get('[data-testid="referral-stage"]').text()).toBe('Appointment'))
    expect(team.session!.repo.get('referrals', id)!.stage).toBe('appointment')
    await eventually(() => expect(count(wrapper, 'appointment')).toBe('1 referrals'))
    wrapper.unmount()
  })

  it('says so when the referral does not exist', async () => {
    const { pinia } = await teamWithReferral()
    const { wrapper } = await mountView(ReferralsView, pinia, '/referrals/nope', { id: 'nope' })
    await eventually(() => expect(wrapper.text()).toContain('There is no such referral.'))
    wrapper.unmount()
  })
})
