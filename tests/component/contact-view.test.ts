// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { useContactStore } from '../../pwa/stores/contact'
import { useTeamStore } from '../../pwa/stores/team'
import ContactView from '../../pwa/views/ContactView.vue'
import { eventually, mountView, startApp } from './helpers/app'

async function teamWithContact() {
  const app = await startApp()
  const team = useTeamStore(app.pinia)
  await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  const r = await team.write((repo) =>
    repo.create('contacts', {
      name: { display: 'Omar Haddad' },
      emails: [{ value: 'omar@example.com', label: 'work' }],
      notes: '<b>not bold</b>',
    }),
  )
  if (!r.ok) throw new Error('refused')
  const { wrapper } = await mountView(ContactView, app.pinia, `/contacts/${r.value.id}`, { id: r.value.id })
  await eventually(() => expect(wrapper.find('.contact-details').exists()).toBe(true))
  return { ...app, team, wrapper, id: r.value.id }
}

const button = (w: Awaited<ReturnType<typeof teamWithContact>>['wrapper'], text: string) =>
  w.findAll('button').find((b) => b.text() === text)!

describe('ContactView', () => {
  afterEach(() => {
    useContactStore().$reset()
    useTeamStore().$reset()
  })

  it('shows the details, rendering captured text as text, never as HTML', async () => {
    const { wrapper } = await teamWithContact()
    expect(wrapper.get('[data-testid="contact-name"]').text()).toBe('Omar Haddad')
    expect(wrapper.get('.contact-details').text()).toContain('omar@example.com (work)')
    expect(wrapper.get('.notes').text()).toBe('<b>not bold</b>')
    expect(wrapper.find('.notes b').exists()).toBe(false)
    wrapper.unmount()
  })

  it('edits the contact, keeping the labels of values it keeps', async () => {
    const { wrapper, team, id } = await teamWithContact()
    await button(wrapper, 'Edit').trigger('click')
    const inputs = wrapper.findAll('form.contact-form input')
    await inputs[3]!.setValue('Harbor Realty')
    await wrapper.get('form.contact-form').trigger('submit')
    await eventually(() => expect(wrapper.get('[data-testid="contact-notice"]').text()).toBe('Saved'))
    const c = team.session!.repo.get('contacts', id)!
    expect(c.work.organisation).toBe('Harbor Realty')
    expect(c.emails).toEqual([{ value: 'omar@example.com', label: 'work' }])
    wrapper.unmount()
  })

  it('enrolls in 8x8 and lists the plan as active', async () => {
    const { wrapper } = await teamWithContact()
    await wrapper.get('[data-testid="enroll-8x8"]').trigger('click')
    await eventually(() => expect(wrapper.get('.contact-plans').text()).toContain('Active'))
    expect(wrapper.get('[data-testid="contact-notice"]').text()).toBe('Enrolled in 8x8')
    expect(wrapper.get('[data-testid="enroll-8x8"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('records an opt-out that stops the plans, and an opt-in only with a reason', async () => {
    const { wrapper, team, id } = await teamWithContact()
    await wrapper.get('[data-testid="enroll-8x8"]').trigger('click')
    await eventually(() => expect(wrapper.get('.contact-plans').text()).toContain('Active'))
    await wrapper.get('.contact-opt-out input').setValue('asked on the phone')
    await wrapper.get('.contact-opt-out').trigger('submit')
    await eventually(() => expect(wrapper.find('[data-testid="opted-out-state"]').exists()).toBe(true))
    expect(team.session!.repo.optOutState(id).isOptedOut).toBe(true)
    expect(wrapper.get('[data-testid="enroll-33-touch"]').attributes('disabled')).toBeDefined()

    await wrapper.get('.contact-opt-out').trigger('submit')
    await eventually(() => expect(wrapper.get('.contact-opt-out').text()).toContain('must not be empty'))
    expect(team.session!.repo.optOutState(id).isOptedOut).toBe(true)

    await wrapper.get('.contact-opt-out input').setValue('wrote to ask for the newsletter again')
    await wrapper.get('.contact-opt-out').trigger('submit')
    await eventually(() => expect(wrapper.find('[data-testid="opted-out-state"]').exists()).toBe(false))
    expect(team.session!.repo.optOutState(id).isOptedOut).toBe(false)
    await eventually(() => expect(wrapper.get('.contact-timeline').text()).toContain('Opted back in'))
    wrapper.unmount()
  })

  it('says when the contact does not exist', async () => {
    const app = await startApp()
    await useTeamStore(app.pinia).startNewTeam({ memberName: 'Dana', teamName: 'Harbor' })
    const { wrapper } = await mountView(ContactView, app.pinia, '/contacts/nope', { id: 'nope' })
    await eventually(() => expect(wrapper.text()).toContain('This contact does not exist'))
    wrapper.unmount()
  })
})
