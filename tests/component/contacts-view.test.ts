// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { Repo } from '../../shared/doc'
import { i18n } from '../../pwa/i18n'
import { useContactsStore } from '../../pwa/stores/contacts'
import { useTeamStore } from '../../pwa/stores/team'
import ContactsView from '../../pwa/views/ContactsView.vue'
import { eventually, mountView, startApp } from './helpers/app'
import { listedNames, withListHeight } from './helpers/contact-list'
import { testHost } from './helpers/host'

/** A new team with a few contacts: Latin and Arabic names, met or not, one opted out. */
async function teamWithContacts(more: (repo: Repo) => void = () => {}, host = testHost()) {
  const app = await startApp(host)
  const team = useTeamStore(app.pinia)
  await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  await team.write((repo) =>
    repo.batch(() => {
      repo.create('contacts', { name: { display: 'Omar Haddad' }, class: { met: true, circles: [] } })
      repo.create('contacts', {
        name: { display: 'سارة العتيبي' },
        class: { met: true, relationshipType: 'core-advocate', circles: [] },
      })
      repo.create('contacts', {
        name: { display: 'Brooke Bennett' },
        class: { met: false, relationshipType: 'allied-resource', circles: [] },
      })
      const out = repo.create('contacts', { name: { display: 'Wei Ming Li' } })
      if (out.ok) repo.optOut(out.value.id, { reason: 'asked by email' })
      more(repo)
      return out
    }),
  )
  await team.session!.loaded
  return app
}

const names = listedNames
const count = (w: Awaited<ReturnType<typeof mountView>>['wrapper']) =>
  w.get('[data-testid="contact-count"]').text()

describe('ContactsView', () => {
  withListHeight()

  afterEach(() => {
    useContactsStore().$reset()
    useTeamStore().$reset()
  })

  it('lists the contacts in name order from the read model', async () => {
    const { pinia } = await teamWithContacts()
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(4))
    expect(names(wrapper)).toEqual(['Brooke Bennett', 'Omar Haddad', 'Wei Ming Li', 'سارة العتيبي'])
    expect(count(wrapper)).toBe('Contacts shown: 4')
    expect(wrapper.text()).toContain('Opted out')
    wrapper.unmount()
  })

  it('labels rows, their checkboxes and badges in the chosen language', async () => {
    const { pinia } = await teamWithContacts()
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(4))
    const row = (name: string) =>
      wrapper.findAll('[data-testid="contact-row"]').find((r) => r.text().includes(name))!
    const label = (name: string) => row(name).get('[data-testid="contact-select"]').attributes('aria-label')
    expect(label('سارة العتيبي')).toBe('Select سارة العتيبي')
    expect(row('سارة العتيبي').text()).toContain('Core advocate')
    expect(row('Brooke Bennett').text()).toContain('Allied resource')
    expect(row('Wei Ming Li').text()).toContain('Opted out')

    i18n.global.locale.value = 'ar'
    try {
      await eventually(() => expect(label('Omar Haddad')).toBe('تحديد Omar Haddad'))
      expect(row('Omar Haddad').text()).toContain('التقيت بهم')
      expect(row('Wei Ming Li').text()).toContain('ألغوا الاشتراك')
      expect(row('سارة العتيبي').text()).not.toContain('Core advocate')
    } finally {
      i18n.global.locale.value = 'en'
      wrapper.unmount()
    }
  })

  it('draws a restarted list from the order kept last time, then from the fresh read', async () => {
    const host = testHost()
    const first = await teamWithContacts(() => {}, host)
    const { wrapper } = await mountView(ContactsView, first.pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(4))
    const db = useTeamStore().session!.db
    await eventually(async () => expect(await db.snapshots.get('contacts.order')).toBeDefined())
    const kept = (await db.snapshots.get('contacts.order'))!.value as string[]
    expect(kept).toEqual(useContactsStore().ids)
    wrapper.unmount()
    useContactsStore().$reset()
    useTeamStore().$reset()

    // Restarted with the full read held back: the kept order (one contact since deleted) shows.
    const second = await startApp(host)
    const session = useTeamStore(second.pinia).session!
    await session.db.snapshots.put({ key: 'contacts.order', value: kept.slice(1), at: 0 })
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const table = session.db.contacts
    const orderBy = table.orderBy.bind(table)
    // The fresh read waits until the kept order's first rows are read (it would hold them back).
    const rowsWhenRead: number[] = []
    table.orderBy = ((index: string) => {
      if (index === 'sortKey') rowsWhenRead.push(useContactsStore().rows.size)
      const collection = orderBy(index)
      const keys = collection.primaryKeys.bind(collection)
      collection.primaryKeys = (() => held.then(() => keys())) as typeof collection.primaryKeys
      return collection
    }) as typeof table.orderBy
    const again = await mountView(ContactsView, second.pinia, '/contacts')
    await eventually(() =>
      expect(names(again.wrapper)).toEqual(['Omar Haddad', 'Wei Ming Li', 'سارة العتيبي']),
    )
    expect(rowsWhenRead).toEqual([3])
    release()
    await eventually(() => expect(names(again.wrapper)).toHaveLength(4))
    expect(names(again.wrapper)[0]).toBe('Brooke Bennett')
    again.wrapper.unmount()
  })

  it('searches instantly in Latin and Arabic letters', async () => {
    const { pinia } = await teamWithContacts()
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(4))
    await wrapper.get('[data-testid="contact-search"]').setValue('had')
    await eventually(() => expect(names(wrapper)).toEqual(['Omar Haddad']))
    // Arabic spelling variants fold together: alef with hamza, taa marbuta.
    await wrapper.get('[data-testid="contact-search"]').setValue('ساره')
    await eventually(() => expect(names(wrapper)).toEqual(['سارة العتيبي']))
    await wrapper.get('[data-testid="contact-search"]').setValue('')
    await eventually(() => expect(names(wrapper)).toHaveLength(4))
    wrapper.unmount()
  })

  it("filters by Met / Haven't met, relationship type and opt-out", async () => {
    const { pinia } = await teamWithContacts()
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(4))
    await wrapper.get('[data-testid="filter-met"]').setValue('met')
    await eventually(() => expect(names(wrapper)).toEqual(['Omar Haddad', 'سارة العتيبي']))
    await wrapper.get('[data-testid="filter-relationship"]').setValue('core-advocate')
    await eventually(() => expect(names(wrapper)).toEqual(['سارة العتيبي']))
    await wrapper.get('[data-testid="filter-met"]').setValue('all')
    await wrapper.get('[data-testid="filter-relationship"]').setValue('')
    await wrapper.get('[data-testid="filter-opted-out"]').setValue('opted-out')
    await eventually(() => expect(names(wrapper)).toEqual(['Wei Ming Li']))
    await wrapper.get('[data-testid="filter-met"]').setValue('not-met')
    await wrapper.get('[data-testid="filter-opted-out"]').setValue('reachable')
    await eventually(() => expect(names(wrapper)).toEqual(['Brooke Bennett']))
    wrapper.unmount()
  })

  it('refuses an Add contact form with errors that name the fields, then adds a valid one', async () => {
    const { pinia } = await teamWithContacts()
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(names(wrapper)).toHaveLength(4))
    await wrapper.get('[data-testid="add-contact"]').trigger('click')
    const form = wrapper.get('form.contact-form')
    await form.trigger('submit')
    await eventually(() => expect(form.find('[role="alert"]').exists()).toBe(true))
    expect(form.get('[role="alert"]').text()).toContain('Name: must not be empty')

    const inputs = form.findAll('input')
    await inputs[0]!.setValue('Layla Hamdan')
    await inputs[1]!.setValue('layla-at-example')
    await form.trigger('submit')
    await eventually(() =>
      expect(form.get('[role="alert"]').text()).toContain('Email: "layla-at-example" is not'),
    )
    expect(inputs[1]!.attributes('aria-invalid')).toBe('true')

    await inputs[1]!.setValue('layla@example.com')
    await form.trigger('submit')
    await eventually(() => expect(wrapper.text()).toContain('Added Layla Hamdan'))
    expect(wrapper.find('form.contact-form').exists()).toBe(false)
    await eventually(() => expect(names(wrapper)).toContain('Layla Hamdan'))
    wrapper.unmount()
  })

  it('renders only a window of rows for a large team', async () => {
    const { pinia } = await teamWithContacts((repo) => {
      for (let i = 0; i < 2000; i++)
        repo.create('contacts', { name: { display: `Person ${String(i).padStart(4, '0')}` } })
    })
    const { wrapper } = await mountView(ContactsView, pinia, '/contacts')
    await eventually(() => expect(count(wrapper)).toBe('Contacts shown: 2,004'))
    await eventually(() => expect(names(wrapper).length).toBeGreaterThan(0))
    expect(names(wrapper).length).toBeLessThan(100)
    expect(names(wrapper)[0]).toBe('Brooke Bennett')

    // Search hits carry their rows: they draw with the read model's row reads held back.
    const session = useTeamStore().session!
    await session.loaded
    await eventually(async () => expect(await session.search('person 1999')).toHaveLength(1))
    const table = session.db.contacts
    table.bulkGet = (() => new Promise(() => {})) as unknown as typeof table.bulkGet
    await wrapper.get('[data-testid="contact-search"]').setValue('person 1999')
    await eventually(() => expect(names(wrapper)).toEqual(['Person 1999']))
    wrapper.unmount()
  })
})
