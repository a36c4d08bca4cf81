// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { watch } from 'vue'
import type { Repo } from '../../shared/doc'
import { enroll } from '../../shared/plans'
import { useContactsStore } from '../../pwa/stores/contacts'
import { useTeamStore } from '../../pwa/stores/team'
import ContactsView from '../../pwa/views/ContactsView.vue'
import { eventually, mountView, startApp } from './helpers/app'
import { listedNames, withListHeight } from './helpers/contact-list'

type Wrapper = Awaited<ReturnType<typeof mountView>>['wrapper']

/** A new team (built-in plans installed) with contacts of several roles, sources and tags. */
async function team(more: (repo: Repo) => void = () => {}) {
  const app = await startApp()
  const store = useTeamStore(app.pinia)
  await store.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  await store.write((repo, s) =>
    repo.batch(() => {
      repo.create('contacts', {
        name: { display: 'Omar Haddad' },
        class: { met: true, innerCircleRole: 'promoter', circles: [] },
        source: { kind: 'open-house' },
        tags: ['farm-sellwood'],
      })
      repo.create('contacts', {
        name: { display: 'سارة العتيبي' },
        class: { met: false, innerCircleRole: 'influencer', circles: [] },
        source: { kind: 'referral' },
        tags: ['farm-sellwood'],
      })
      const brooke = repo.create('contacts', {
        name: { display: 'Brooke Bennett' },
        source: { kind: 'open-house' },
        tags: ['farm-sellwood', 'investor'],
      })
      const wei = repo.create('contacts', { name: { display: 'Wei Ming Li' }, tags: ['farm-sellwood'] })
      repo.create('contacts', { name: { display: 'Kim Lee' } })
      if (wei.ok) repo.optOut(wei.value.id, { reason: 'asked by email' })
      if (brooke.ok)
        enroll(repo, {
          contactId: brooke.value.id,
          planId: 'plan-12-direct',
          memberId: s.memberId,
          startDay: '2026-11-02',
        })
      more(repo)
      return wei
    }),
  )
  await store.session!.loaded
  return app
}

const names = listedNames
const box = (w: Wrapper, name: string) => w.get(`input[aria-label="Select ${name}"]`)

async function submitBulk(w: Wrapper, button: string, field: string, value: string) {
  await w.get(`[data-testid="${button}"]`).trigger('click')
  await w.get(`[data-testid="${field}"]`).setValue(value)
  await w.get('[data-testid="bulk-form"]').trigger('submit')
}

describe('Contacts: filters and bulk actions', () => {
  withListHeight()
  afterEach(() => {
    useContactsStore().$reset()
    useTeamStore().$reset()
  })

  it('filters by inner-circle role, source, tag and plan, combined with the search', async () => {
    const { pinia } = await team()
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(5))
    await wrapper.get('[data-testid="filter-role"]').setValue('influencer')
    await eventually(() => expect(names(wrapper)).toEqual(['سارة العتيبي']))
    await wrapper.get('[data-testid="filter-role"]').setValue('')
    await wrapper.get('[data-testid="filter-source"]').setValue('open-house')
    await eventually(() => expect(names(wrapper)).toEqual(['Brooke Bennett', 'Omar Haddad']))
    await wrapper.get('[data-testid="contact-search"]').setValue('had')
    await eventually(() => expect(names(wrapper)).toEqual(['Omar Haddad']))
    await wrapper.get('[data-testid="contact-search"]').setValue('')
    await wrapper.get('[data-testid="filter-source"]').setValue('')
    await eventually(() =>
      expect(wrapper.findAll('[data-testid="filter-tag"] option').map((o) => o.text())).toEqual([
        'Any',
        'farm-sellwood',
        'investor',
      ]),
    )
    await wrapper.get('[data-testid="filter-tag"]').setValue('investor')
    await eventually(() => expect(names(wrapper)).toEqual(['Brooke Bennett']))
    await wrapper.get('[data-testid="filter-tag"]').setValue('')
    await wrapper.get('[data-testid="filter-plan"]').setValue('plan-12-direct')
    await eventually(() => expect(names(wrapper)).toEqual(['Brooke Bennett']))
    wrapper.unmount()
  })

  it('selects all matching a tag and enrolls them, skipping and counting the enrolled and opted out', async () => {
    const { pinia } = await team()
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(5))
    await wrapper.get('[data-testid="filter-tag"]').setValue('farm-sellwood')
    await eventually(() => expect(names(wrapper)).toHaveLength(4))
    expect(wrapper.get('[data-testid="bulk-select-all"]').text()).toBe('Select all 4 matching')
    expect(wrapper.get('[data-testid="bulk-enroll"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="bulk-select-all"]').trigger('click')
    expect(wrapper.get('[data-testid="bulk-selected"]').text()).toBe('Selected: 4')
    expect((box(wrapper, 'Omar Haddad').element as HTMLInputElement).checked).toBe(true)

    await submitBulk(wrapper, 'bulk-enroll', 'bulk-plan', 'plan-12-direct')
    await eventually(() =>
      expect(wrapper.get('[data-testid="bulk-result"]').text()).toBe(
        'Enrolled 2, skipped 2 (already enrolled 1, opted out 1)',
      ),
    )
    // Enrolling again enrolls nobody twice.
    await submitBulk(wrapper, 'bulk-enroll', 'bulk-plan', 'plan-12-direct')
    await eventually(() =>
      expect(wrapper.get('[data-testid="bulk-result"]').text()).toBe(
        'Enrolled 0, skipped 4 (already enrolled 3, opted out 1)',
      ),
    )
    const s = useTeamStore(pinia).session!
    const active = s.repo
      .list('enrollments')
      .filter((e) => e.planId === 'plan-12-direct' && e.status === 'active')
    expect(active).toHaveLength(3)
    wrapper.unmount()
  })

  it('adds a tag to the ticked contacts, then filters by it and removes it', async () => {
    const { pinia } = await team()
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(5))
    await box(wrapper, 'Kim Lee').trigger('click')
    await box(wrapper, 'Omar Haddad').trigger('click')
    expect(wrapper.get('[data-testid="bulk-selected"]').text()).toBe('Selected: 2')
    await submitBulk(wrapper, 'bulk-add-tag', 'bulk-tag', '  vip  ')
    await eventually(() =>
      expect(wrapper.get('[data-testid="bulk-result"]').text()).toBe(
        'Tag “vip” added to 2; 0 already had it',
      ),
    )
    await eventually(() =>
      expect(wrapper.findAll('[data-testid="filter-tag"] option').map((o) => o.text())).toContain('vip'),
    )
    await wrapper.get('[data-testid="filter-tag"]').setValue('vip')
    await eventually(() => expect(names(wrapper)).toEqual(['Kim Lee', 'Omar Haddad']))

    await box(wrapper, 'Kim Lee').trigger('click')
    await submitBulk(wrapper, 'bulk-remove-tag', 'bulk-tag', 'vip')
    await eventually(() => expect(names(wrapper)).toEqual(['Kim Lee']))
    expect(wrapper.get('[data-testid="bulk-result"]').text()).toBe(
      'Tag “vip” removed from 1; 0 did not have it',
    )
    wrapper.unmount()
  })

  it('ticks a range with shift-click and clears the selection', async () => {
    const { pinia } = await team()
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(5))
    await box(wrapper, 'Brooke Bennett').trigger('click')
    await box(wrapper, 'Omar Haddad').trigger('click', { shiftKey: true })
    expect(wrapper.get('[data-testid="bulk-selected"]').text()).toBe('Selected: 3')
    expect((box(wrapper, 'Kim Lee').element as HTMLInputElement).checked).toBe(true)
    expect((box(wrapper, 'Wei Ming Li').element as HTMLInputElement).checked).toBe(false)
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Clear selection')!
      .trigger('click')
    expect(wrapper.get('[data-testid="bulk-selected"]').text()).toBe('Selected: 0')
    wrapper.unmount()
  })

  it('refuses an empty tag with a clear message, writing nothing', async () => {
    const { pinia } = await team()
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(5))
    await box(wrapper, 'Kim Lee').trigger('click')
    await submitBulk(wrapper, 'bulk-add-tag', 'bulk-tag', '   ')
    await eventually(() =>
      expect(wrapper.get('[data-testid="bulk-result"]').text()).toBe(
        'Nothing more was written: must not be empty',
      ),
    )
    wrapper.unmount()
  })

  it('writes a large selection in chunks, reporting progress between them', async () => {
    const { pinia } = await team((repo) => {
      for (let i = 0; i < 600; i++)
        repo.create('contacts', {
          name: { display: `Person ${String(i).padStart(4, '0')}` },
          tags: ['farm-elm'],
        })
    })
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    const contacts = useContactsStore(pinia)
    await eventually(() => expect(contacts.choices.tags).toContain('farm-elm'))
    await wrapper.get('[data-testid="filter-tag"]').setValue('farm-elm')
    await eventually(() => expect(contacts.ids).toHaveLength(600))
    const seen: number[] = []
    const stop = watch(
      () => contacts.bulk.progress.done,
      (d) => seen.push(d),
    )
    contacts.selectAllMatching()
    const r = await contacts.tagSelected('spring-mailing', 'add')
    stop()
    expect(r).toEqual({ ok: true, value: { changed: 600, unchanged: 0 } })
    expect(seen).toEqual([250, 500, 600])
    expect(contacts.bulk.running).toBe(false)
    wrapper.unmount()
  })
})
