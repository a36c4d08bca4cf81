// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mergeContacts } from '../../shared/contacts'
import { installBuiltinPlans, enroll } from '../../shared/plans'
import { useContactStore } from '../../pwa/stores/contact'
import { useTeamStore } from '../../pwa/stores/team'
import ContactView from '../../pwa/views/ContactView.vue'
import { eventually, mountView, startApp } from './helpers/app'

/** A team with Omar twice (same email, another phone), a referral and a plan on the duplicate. */
async function teamWithDuplicates() {
  const app = await startApp()
  const team = useTeamStore(app.pinia)
  await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  const r = await team.write((repo, s) => {
    const omar = repo.create('contacts', {
      name: { display: 'Omar Haddad' },
      emails: [{ value: 'omar@example.com', label: 'work' }],
      phones: [{ value: '+15035550142', label: 'mobile' }],
    })
    const dupe = repo.create('contacts', {
      name: { display: 'O. Haddad' },
      emails: [{ value: 'OMAR@example.com', label: 'home' }],
      phones: [{ value: '+15035550199', label: 'work' }],
      notes: 'From the open house sign-in sheet',
    })
    const lina = repo.create('contacts', { name: { display: 'Lina Sabbagh' } })
    if (!omar.ok || !dupe.ok || !lina.ok) throw new Error('refused')
    repo.create('referrals', {
      referrerId: dupe.value.id,
      referredId: lina.value.id,
      need: 'Selling a condo',
      receivedAt: repo.stamp().at,
    })
    if (!repo.list('plans').length) installBuiltinPlans(repo)
    const plan = repo.list('plans').find((p) => p.builtin === '8x8')!
    enroll(repo, { contactId: dupe.value.id, planId: plan.id, memberId: s.memberId, startDay: team.today() })
    repo.optOut(dupe.value.id, { channel: 'text', reason: 'prefers email' })
    return { ok: true as const, value: { omar: omar.value.id, dupe: dupe.value.id, lina: lina.value.id } }
  })
  if (!r.ok) throw new Error('refused')
  const { wrapper } = await mountView(ContactView, app.pinia, `/contacts/${r.value.omar}`, {
    id: r.value.omar,
  })
  await eventually(() => expect(wrapper.find('.contact-details').exists()).toBe(true))
  return { ...app, team, wrapper, ...r.value }
}

describe('merging duplicates on the Contact screen', () => {
  afterEach(() => {
    useContactStore().$reset()
    useTeamStore().$reset()
  })

  it('suggests the duplicate, previews the result and what moves, and merges on confirm', async () => {
    const { wrapper, team, omar, dupe, lina } = await teamWithDuplicates()
    await eventually(() => expect(team.session!.db.contacts.get(dupe)).resolves.toBeTruthy())
    await wrapper.get('[data-testid="merge-open"]').trigger('click')
    await eventually(() => expect(wrapper.find('[data-testid="merge-suggestions"]').exists()).toBe(true))
    const suggestions = wrapper.get('[data-testid="merge-suggestions"]')
    expect(suggestions.text()).toContain('Merge O. Haddad into this one')
    expect(suggestions.text()).toContain('same email')
    expect(suggestions.text()).not.toContain('Lina')

    await suggestions.get('button').trigger('click')
    await eventually(() => expect(wrapper.find('[data-testid="merge-preview"]').exists()).toBe(true))
    const result = wrapper.get('[data-testid="merge-result"]').text()
    expect(result).toContain('omar@example.com')
    expect(result).not.toContain('OMAR@example.com')
    expect(result).toContain('+15035550142')
    expect(result).toContain('+15035550199')
    const moves = wrapper.get('[data-testid="merge-moves"]').text()
    expect(moves).toContain('one referral')
    expect(moves).toContain('one plan')
    expect(moves).toContain('8 touches')
    expect(wrapper.get('[data-testid="merge-opt-outs"]').text()).toContain('Texts')
    // Nothing is written before the confirmation.
    expect(team.session!.repo.get('contacts', dupe)!.deleted).toBeFalsy()

    await wrapper.get('[data-testid="merge-confirm"]').trigger('click')
    await eventually(() =>
      expect(wrapper.get('[data-testid="contact-notice"]').text()).toBe(
        'O. Haddad was merged into this contact.',
      ),
    )
    const repo = team.session!.repo
    expect(repo.get('contacts', dupe)).toMatchObject({
      mergedInto: omar,
      deleted: { by: expect.any(String) },
    })
    expect(repo.get('contacts', omar)!.phones.map((p) => p.value)).toEqual(['+15035550142', '+15035550199'])
    expect(repo.list('referrals')[0]).toMatchObject({ referrerId: omar, referredId: lina })
    expect(repo.optOutState(omar).channels).toEqual(['text'])
    // The duplicate's timeline (its opt-out note) now shows with the kept contact's.
    await eventually(() => expect(wrapper.get('.contact-details').text()).toContain('+15035550199'))
    await eventually(() => expect(useContactStore().timeline.map((e) => e.contactId)).toContain(dupe))
    expect(wrapper.find('[data-testid="merge-preview"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('opens a merged contact as a pointer to the contact it was merged into', async () => {
    const { wrapper, team, pinia, omar, dupe } = await teamWithDuplicates()
    wrapper.unmount()
    const r = await team.write((repo) => mergeContacts(repo, { keepId: omar, dropId: dupe }))
    expect(r.ok).toBe(true)
    const merged = (await mountView(ContactView, pinia, `/contacts/${dupe}`, { id: dupe })).wrapper
    await eventually(() =>
      expect(merged.get('[data-testid="contact-merged"]').text()).toContain(
        'O. Haddad was merged into another contact.',
      ),
    )
    expect(merged.get('[data-testid="contact-merged"] a').attributes('href')).toBe(`/contacts/${omar}`)
    expect(merged.find('[data-testid="merge-open"]').exists()).toBe(false)
    merged.unmount()
  })

  it('finds a contact by name search, and cancelling writes nothing', async () => {
    const { wrapper, team, lina } = await teamWithDuplicates()
    await eventually(() => expect(team.session!.db.contacts.get(lina)).resolves.toBeTruthy())
    await wrapper.get('[data-testid="merge-open"]').trigger('click')
    await wrapper.get('.contact-merge form input').setValue('lina')
    await wrapper.get('.contact-merge form').trigger('submit')
    await eventually(() =>
      expect(wrapper.get('[data-testid="merge-results"]').text()).toContain('Lina Sabbagh'),
    )
    await wrapper.get('[data-testid="merge-results"] button').trigger('click')
    await eventually(() => expect(wrapper.find('[data-testid="merge-preview"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="merge-moves"]').text()).toContain('one referral')
    const cancel = wrapper.findAll('[data-testid="merge-preview"] button').find((b) => b.text() === 'Cancel')!
    await cancel.trigger('click')
    expect(wrapper.find('[data-testid="merge-open"]').exists()).toBe(true)
    expect(team.session!.repo.get('contacts', lina)!.deleted).toBeFalsy()
    wrapper.unmount()
  })
})
