// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { introReferralId } from '../../shared/care'
import { useIntrosStore } from '../../pwa/stores/intros'
import { useTeamStore } from '../../pwa/stores/team'
import IntrosView from '../../pwa/views/IntrosView.vue'
import { eventually, mountView, startApp } from './helpers/app'

/** A new team with two people who could help each other. */
async function teamWithTwoContacts() {
  const app = await startApp()
  const team = useTeamStore(app.pinia)
  await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  const ids = await team.write((repo) => {
    const a = repo.create('contacts', {
      name: { display: 'Omar Haddad', given: 'Omar' },
      emails: [{ value: 'omar@example.com' }],
    })
    const b = repo.create('contacts', {
      name: { display: 'Layla Hamdan', given: 'Layla' },
      phones: [{ value: '+1 503 555 0142', label: 'mobile' }],
      emails: [{ value: 'layla@example.com' }],
    })
    if (!a.ok || !b.ok) throw new Error('contacts refused')
    return { ok: true as const, value: { a: a.value.id, b: b.value.id } }
  })
  if (!ids.ok) throw new Error('refused')
  // The pickers search the read model: wait until both people are projected.
  await eventually(async () => expect(await team.session!.db.contacts.count()).toBe(2))
  return { ...app, team, ...ids.value }
}

type Wrapper = Awaited<ReturnType<typeof mountView>>['wrapper']

async function pick(wrapper: Wrapper, testid: string, query: string, name: string) {
  await wrapper.get(`[data-testid="${testid}"] input`).setValue(query)
  await eventually(() =>
    expect(wrapper.find(`[data-testid="${testid}"] button[aria-label="Choose ${name}"]`).exists()).toBe(true),
  )
  await wrapper.get(`[data-testid="${testid}"] button[aria-label="Choose ${name}"]`).trigger('click')
}

describe('IntrosView', () => {
  afterEach(() => {
    useIntrosStore().$reset()
    useTeamStore().$reset()
  })

  it('creates an intro from two picked contacts and a need, and puts it under consent pending', async () => {
    const { pinia, team } = await teamWithTwoContacts()
    const { wrapper, router } = await mountView(IntrosView, pinia, '/intros')
    await wrapper.get('[data-testid="intro-new"]').trigger('click')
    await pick(wrapper, 'pick-party-a', 'oma', 'Omar Haddad')
    await pick(wrapper, 'pick-party-b', 'layla', 'Layla Hamdan')
    await wrapper.get('[data-testid="intro-need"] input').setValue('A mortgage broker for a first home')
    await wrapper.get('[data-testid="intro-new-form"]').trigger('submit')
    await eventually(() => expect(router.currentRoute.value.params.id).toBeTruthy())
    const intros = team.session!.repo.list('intros')
    expect(intros).toHaveLength(1)
    expect(intros[0]).toMatchObject({ need: { text: 'A mortgage broker for a first home', urgency: 'now' } })
    expect(intros[0]!.exit).toEqual({ followUpDays: 14 })
    await eventually(() =>
      expect(
        wrapper.get('[data-testid="intro-column-consent"] [data-testid="intro-column-count"]').text(),
      ).toBe('1'),
    )
    expect(wrapper.get('[data-testid="intro-column-consent"]').text()).toContain(
      'Omar Haddad and Layla Hamdan',
    )
    wrapper.unmount()
  })

  it('refuses a new intro without a second person, naming the field', async () => {
    const { pinia, team } = await teamWithTwoContacts()
    const { wrapper } = await mountView(IntrosView, pinia, '/intros')
    await wrapper.get('[data-testid="intro-new"]').trigger('click')
    await pick(wrapper, 'pick-party-a', 'omar', 'Omar Haddad')
    await wrapper.get('[data-testid="intro-need"] input').setValue('A broker')
    await wrapper.get('[data-testid="intro-new-form"]').trigger('submit')
    await eventually(() => expect(wrapper.find('.base-problems').exists()).toBe(true))
    expect(wrapper.get('.base-problems').text()).toContain('Party B (who can help)')
    expect(team.session!.repo.list('intros')).toHaveLength(0)
    wrapper.unmount()
  })

  it('holds the draft back until both consented, then shows it; "worked" makes the referral', async () => {
    const { pinia, team, a, b } = await teamWithTwoContacts()
    const made = await team.write((repo) =>
      repo.create('intros', {
        partyA: a,
        partyB: b,
        need: { text: 'a buyer agent', urgency: 'soon' },
        exit: { followUpDays: 30 },
      }),
    )
    if (!made.ok) throw new Error('refused')
    const id = made.value.id
    const { wrapper } = await mountView(IntrosView, pinia, `/intros/${id}`, { id })
    await eventually(() => expect(wrapper.find('[data-testid="intro-draft-refused"]').exists()).toBe(true))
    const refused = () => wrapper.get('[data-testid="intro-draft-refused"]').text()
    expect(refused()).toContain('Party A has not consented yet: their details cannot be shared with party B')
    expect(refused()).toContain('Party B has not consented yet')
    expect(wrapper.get('[data-testid="intro-draft"]').text()).not.toContain('omar@example.com')
    expect(wrapper.get('[data-testid="care-consent"]').text()).toContain('Missing')

    await wrapper.get('[data-testid="consent-A"] form').trigger('submit')
    await eventually(() =>
      expect(wrapper.get('[data-testid="consent-A"]').text()).toContain('Agreed by Call'),
    )
    expect(refused()).not.toContain('Party A has not')
    expect(refused()).toContain('Party B has not consented yet')

    await wrapper.get('[data-testid="consent-how-B"]').setValue('email')
    await wrapper.get('[data-testid="consent-B"] form').trigger('submit')
    await eventually(() => expect(wrapper.find('[data-testid="intro-draft-body"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="intro-draft-refused"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="consent-B"]').text()).toContain('Agreed by Email')
    expect(wrapper.get('[data-testid="intro-draft-body"]').text()).toContain('Hi Omar and Layla,')
    const href = wrapper.get('[data-testid="intro-draft-mailto"]').attributes('href')!
    expect(href.startsWith('mailto:omar%40example.com,layla%40example.com?subject=Introduction')).toBe(true)
    expect(wrapper.get('[data-testid="care-consent"]').text()).toContain('Done')
    await eventually(() => expect(wrapper.find('[data-testid="intro-follow-up"]').exists()).toBe(true))

    await wrapper.get('[data-testid="outcome-worked"]').setValue(true)
    await wrapper.get('[data-testid="intro-evaluate"]').trigger('submit')
    await eventually(() => expect(wrapper.find('[data-testid="intro-referral-link"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="intro-referral-link"]').attributes('href')).toBe(
      `/referrals/${introReferralId(id)}`,
    )
    const referral = team.session!.repo.get('referrals', introReferralId(id))!
    expect(referral).toMatchObject({ referrerId: a, referredId: b, stage: 'received' })
    await eventually(() =>
      expect(
        wrapper.get('[data-testid="intro-column-evaluated"] [data-testid="intro-column-count"]').text(),
      ).toBe('1'),
    )
    wrapper.unmount()
  })

  it('fills the good-referral checklist and shows its completeness', async () => {
    const { pinia, team, a, b } = await teamWithTwoContacts()
    const made = await team.write((repo) =>
      repo.create('intros', { partyA: a, partyB: b, need: { text: 'a stager', urgency: 'now' } }),
    )
    if (!made.ok) throw new Error('refused')
    const { wrapper } = await mountView(IntrosView, pinia, `/intros/${made.value.id}`, { id: made.value.id })
    await eventually(() => expect(wrapper.find('[data-testid="good-complete"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="good-complete"]').text()).toBe('1 of 10 complete')
    const form = wrapper.get('.intro-good-referral')
    const inputs = form.findAll('input')
    await inputs[0]!.setValue('text: +1 503 555 0142')
    await inputs[4]!.setValue('home staging')
    await form.trigger('submit')
    await eventually(() =>
      expect(wrapper.get('[data-testid="good-complete"]').text()).toBe('4 of 10 complete'),
    )
    expect(team.session!.repo.get('intros', made.value.id)!.checklist).toMatchObject({
      preferredContactA: 'text: +1 503 555 0142',
      productOrService: 'home staging',
    })
    wrapper.unmount()
  })
})
