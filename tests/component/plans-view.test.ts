// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Repo } from '../../shared/doc'
import { BUILTIN_PLAN_IDS, enroll } from '../../shared/plans'
import { usePlansStore } from '../../pwa/stores/plans'
import { useTeamStore } from '../../pwa/stores/team'
import PlansView from '../../pwa/views/PlansView.vue'
import { eventually, mountView, startApp } from './helpers/app'

const DAY = '2026-11-23'

function contact(repo: Repo, name: string) {
  const c = repo.create('contacts', {
    name: { display: name },
    emails: [{ value: `${name.split(' ')[0]}@example.com` }],
  })
  if (!c.ok) throw new Error('refused')
  return c.value.id
}

/** A new team: three contacts in 8x8 (one completed, one stopped, one active), one in 12 Direct. */
async function teamWithEnrollments() {
  const app = await startApp()
  const team = useTeamStore(app.pinia)
  await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  const r = await team.write<unknown>((repo, s) => {
    const go = (name: string, planId: string) =>
      enroll(repo, { contactId: contact(repo, name), planId, memberId: s.memberId, startDay: DAY })
    const a = go('Omar Haddad', BUILTIN_PLAN_IDS['8x8'])
    const b = go('Layla Hamdan', BUILTIN_PLAN_IDS['8x8'])
    go('Sam Ortiz', BUILTIN_PLAN_IDS['8x8'])
    go('Noura Al-Sayed', BUILTIN_PLAN_IDS['12-direct'])
    if (!a.ok || !b.ok) return a
    repo.update('enrollments', a.value.enrollment.id, { status: 'completed' })
    return repo.update('enrollments', b.value.enrollment.id, { status: 'stopped' })
  })
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return { ...app, team }
}

const row = (w: VueWrapper, name: string) =>
  w.findAll('[data-testid="plan-row"]').find((r) => r.text().startsWith(name))!

describe('PlansView', () => {
  afterEach(() => {
    usePlansStore().$reset()
    useTeamStore().$reset()
  })

  it('lists the built-in plans with their enrollment counts and completion rate', async () => {
    const { pinia } = await teamWithEnrollments()
    const { wrapper } = await mountView(PlansView, pinia, '/plans')
    await eventually(() => expect(wrapper.findAll('[data-testid="plan-row"]')).toHaveLength(4))
    const names = wrapper.findAll('[data-testid="plan-row"] th').map((th) => th.text())
    expect(names).toEqual(['8x8', '33 Touch', '12 Direct', 'Email only'])
    await eventually(() => expect(row(wrapper, '8x8').get('[data-testid="plan-enrolled"]').text()).toBe('3'))
    expect(row(wrapper, '8x8').get('[data-testid="plan-completion"]').text()).toBe('50%')
    expect(row(wrapper, '12 Direct').get('[data-testid="plan-completion"]').text()).toBe('None ended yet')
    expect(row(wrapper, '33 Touch').text()).toContain('Built-in')
    wrapper.unmount()
  })

  it('edits a step, says what happens to scheduled touches, and names a refused field', async () => {
    const { pinia, team } = await teamWithEnrollments()
    const id = BUILTIN_PLAN_IDS['8x8']
    const { wrapper } = await mountView(PlansView, pinia, `/plans/${id}`, { id })
    await eventually(() => expect(wrapper.findAll('[data-testid="plan-step"]')).toHaveLength(8))
    // Omar's enrollment completed and Layla's stopped without closing touches: 3 × 8 pending.
    await eventually(() =>
      expect(wrapper.get('[data-testid="plan-changes-note"]').text()).toContain('(pending now: 24)'),
    )
    const title = () => wrapper.findAll('[data-testid="step-title"] input')[0]!
    await title().setValue('   ')
    await wrapper.get('form[data-testid="plan-editor"]').trigger('submit')
    await eventually(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toContain('Step 1, Title: must not be empty')
    expect(wrapper.get('[data-testid="plan-step"]').text()).toContain('must not be empty')
    expect(team.session!.repo.get('plans', id)!.steps[0]!.title).toBe('Handwritten nice-to-meet-you note')

    await title().setValue('Handwritten note')
    await wrapper.findAll('[data-testid="step-offset"] input')[1]!.setValue('-3')
    await wrapper.get('form[data-testid="plan-editor"]').trigger('submit')
    await eventually(() =>
      expect(wrapper.get('[role="alert"]').text()).toContain('Step 2, Days after enrollment:'),
    )

    await wrapper.findAll('[data-testid="step-offset"] input')[1]!.setValue('5')
    await wrapper.get('form[data-testid="plan-editor"]').trigger('submit')
    await eventually(() => expect(wrapper.get('[data-testid="plans-notice"]').text()).toBe('Saved 8x8'))
    const saved = team.session!.repo.get('plans', id)!
    expect(saved.steps.slice(0, 2).map((s) => [s.title, s.offsetDays])).toEqual([
      ['Handwritten note', 0],
      ['Check-in call', 5],
    ])
    expect(saved.builtin).toBe('8x8')
    wrapper.unmount()
  })

  it('creates a custom plan with a repeating step', async () => {
    const { pinia, team } = await teamWithEnrollments()
    const { wrapper, router } = await mountView(PlansView, pinia, '/plans/new', { id: 'new' })
    const form = wrapper.get('form[data-testid="plan-editor"]')
    await form.findAll('input')[0]!.setValue('Open house follow-up')
    await wrapper
      .get('[data-testid="step-timing"] select, select[data-testid="step-timing"]')
      .setValue('recurrence')
    await wrapper.get('[data-testid="step-title"] input').setValue('Weekly call {firstName}')
    await wrapper.get('[data-testid="plan-add-step"]').trigger('click')
    expect(wrapper.findAll('[data-testid="plan-step"]')).toHaveLength(2)
    await form.trigger('submit')
    await eventually(() =>
      expect(wrapper.get('[data-testid="plans-notice"]').text()).toBe('Created Open house follow-up'),
    )
    const plan = team.session!.repo.list('plans').find((p) => p.name === 'Open house follow-up')!
    expect(plan.builtin).toBeUndefined()
    expect(plan.steps.map((s) => [s.id, s.title, s.recurrence])).toEqual([
      ['step-1', 'Weekly call {firstName}', { everyDays: 30, count: 12 }],
      ['step-2', 'New touch', undefined],
    ])
    expect(router.currentRoute.value.params.id).toBe(plan.id)
    wrapper.unmount()
  })

  it('duplicates a built-in into a custom plan and opens it', async () => {
    const { pinia, team } = await teamWithEnrollments()
    const { wrapper, router } = await mountView(PlansView, pinia, '/plans')
    await eventually(() => expect(wrapper.findAll('[data-testid="plan-row"]')).toHaveLength(4))
    await wrapper.get('[data-testid="plan-duplicate-33-touch"]').trigger('click')
    await eventually(() =>
      expect(wrapper.get('[data-testid="plans-notice"]').text()).toBe(
        'Created 33 Touch (copy), a custom copy',
      ),
    )
    const copy = team.session!.repo.list('plans').find((p) => p.name === '33 Touch (copy)')!
    expect(copy.builtin).toBeUndefined()
    expect(router.currentRoute.value.params.id).toBe(copy.id)
    wrapper.unmount()
  })
})
