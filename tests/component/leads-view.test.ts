// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { addSource } from '../../shared/leads'
import { findBuiltinPlan } from '../../shared/plans'
import { useLeadsStore } from '../../pwa/stores/leads'
import { useTeamStore } from '../../pwa/stores/team'
import LeadsView from '../../pwa/views/LeadsView.vue'
import { eventually, mountView, startApp } from './helpers/app'
import { testHost } from './helpers/host'

const MINUTE = 60_000

/** A new team of two active agents and one who left, with two lead sources. */
async function teamWithSources(host = testHost()) {
  const app = await startApp(host)
  const team = useTeamStore(app.pinia)
  await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  const r = await team.write((repo) => {
    repo.create('members', { name: 'Ben Whitaker', role: 'agent' })
    repo.create('members', { name: 'Cy Park', role: 'agent', active: false })
    addSource(repo, { name: 'Zillow ads', kind: 'ad' })
    return addSource(repo, { name: 'Open house Elm St', kind: 'open-house' })
  })
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  const { wrapper } = await mountView(LeadsView, app.pinia, '/leads')
  await eventually(() => expect(wrapper.findAll('[data-testid="source-row"]')).toHaveLength(2))
  return { ...app, team, wrapper, host }
}

const button = (w: VueWrapper, text: string) => w.findAll('button').find((b) => b.text() === text)!

async function addLead(w: VueWrapper, values: { name: string; email?: string; source?: string }) {
  await w.get('[data-testid="add-lead"]').trigger('click')
  const inputs = w.findAll('form[data-testid="lead-form"] input')
  await inputs[0]!.setValue(values.name)
  if (values.email) await inputs[1]!.setValue(values.email)
  if (values.source) {
    const select = w.get('[data-testid="lead-source"]')
    const option = select.findAll('option').find((o) => o.text() === values.source)!
    await select.setValue(option.element.value)
  }
  await w.get('form[data-testid="lead-form"]').trigger('submit')
}

describe('LeadsView', () => {
  afterEach(() => {
    useLeadsStore().$reset()
    useTeamStore().$reset()
  })

  it('refuses a lead without a way to reach it or a source, naming both fields', async () => {
    const { wrapper, team } = await teamWithSources()
    await addLead(wrapper, { name: 'Noura Al-Sayed' })
    await eventually(() =>
      expect(wrapper.find('form[data-testid="lead-form"] [role="alert"]').exists()).toBe(true),
    )
    const alert = wrapper.get('form[data-testid="lead-form"] [role="alert"]').text()
    expect(alert).toContain('Email or phone: give an email or a phone number to reach the lead')
    expect(alert).toContain('Source: a lead needs a source from the team list')
    expect(team.session!.repo.list('leads')).toHaveLength(0)
    wrapper.unmount()
  })

  it('adds a lead by hand into the inbox, flagged unassigned, newest first', async () => {
    const { wrapper, team, host } = await teamWithSources()
    await addLead(wrapper, { name: 'Omar Haddad', email: 'omar@example.com', source: 'Zillow ads' })
    await eventually(() => expect(wrapper.findAll('[data-testid="lead-row"]')).toHaveLength(1))
    host.clock.advance(5 * MINUTE)
    await addLead(wrapper, { name: 'نورة السيد', email: 'noura@example.com', source: 'Open house Elm St' })
    await eventually(() => expect(wrapper.findAll('[data-testid="lead-row"]')).toHaveLength(2))
    const rows = wrapper.findAll('[data-testid="lead-row"]')
    expect(rows[0]!.text()).toContain('نورة السيد')
    expect(rows[0]!.text()).toContain('Open house Elm St')
    expect(rows[0]!.text()).toContain('Typed in')
    expect(rows[0]!.find('[data-testid="lead-unassigned"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="leads-notice"]').text()).toBe('Lead added: نورة السيد')
    const lead = team.session!.repo.list('leads').find((l) => l.entry === 'manual' && l.receivedAt > 0)!
    expect(lead.sourceId).toBeTruthy()
    expect(wrapper.get('[data-testid="funnel-new"] [data-testid="funnel-reached"]').text()).toBe('2')
    wrapper.unmount()
  })

  it('assigns round-robin, enrolls in a plan and shows the time to first contact', async () => {
    const { wrapper, team, host } = await teamWithSources()
    await addLead(wrapper, { name: 'Omar Haddad', email: 'omar@example.com', source: 'Zillow ads' })
    await eventually(() => expect(wrapper.findAll('[data-testid="lead-row"]')).toHaveLength(1))
    const repo = team.session!.repo
    const id = repo.list('leads')[0]!.id
    await wrapper.setProps({ id })
    await eventually(() => expect(wrapper.find('[data-testid="lead-detail"]').exists()).toBe(true))

    await wrapper.get('[data-testid="lead-round-robin"]').trigger('click')
    await eventually(() => expect(wrapper.get('[data-testid="lead-detail"]').text()).toMatch(/Assigned to/))
    const assignee = repo.get('leads', id)!.assignee
    expect(repo.get('members', assignee!)!.active).toBe(true)
    expect(wrapper.find('[data-testid="lead-row"] [data-testid="lead-unassigned"]').exists()).toBe(false)

    const plan = findBuiltinPlan(repo.list('plans'), '8x8')!
    await wrapper.get('[data-testid="lead-plan-select"]').setValue(plan.id)
    await wrapper.get('[data-testid="lead-enroll"]').trigger('click')
    await eventually(() => expect(wrapper.get('[data-testid="lead-plan"]').text()).toBe('Plan: 8x8'))
    expect(repo.list('enrollments').filter((e) => e.planId === plan.id)).toHaveLength(1)

    host.clock.advance(2 * 60 * MINUTE + 5 * MINUTE)
    await wrapper.get('[data-testid="lead-move-contacted"]').trigger('click')
    await eventually(() =>
      expect(wrapper.get('[data-testid="lead-detail-ttfc"]').text()).toBe('2 hours, 5 minutes'),
    )
    expect(wrapper.get('[data-testid="lead-stage"]').text()).toBe('Contacted')
    expect(wrapper.get('[data-testid="funnel-contacted"] [data-testid="funnel-at"]').text()).toBe('1')
    // The inbox holds new leads only; the contacted lead shows under Open.
    expect(wrapper.findAll('[data-testid="lead-row"]')).toHaveLength(0)
    await wrapper.get('input[value="open"]').setValue(true)
    await eventually(() => expect(wrapper.findAll('[data-testid="lead-row"]')).toHaveLength(1))
    expect(wrapper.get('[data-testid="lead-ttfc"]').text()).toBe('First contact after 2 hours, 5 minutes')
    wrapper.unmount()
  })

  it('adds, renames and retires a source; a retired source is not offered for new leads', async () => {
    const { wrapper, team } = await teamWithSources()
    const form = wrapper.get('form[data-testid="source-form"]')
    await form.get('input').setValue('Zillow ads')
    await form.trigger('submit')
    await eventually(() =>
      expect(wrapper.get('[data-testid="leads-notice"]').text()).toBe(
        'That did not work: a source named Zillow ads already exists',
      ),
    )
    await form.get('input').setValue('Spring mailer')
    await form.get('select').setValue('other')
    await form.trigger('submit')
    await eventually(() => expect(wrapper.findAll('[data-testid="source-row"]')).toHaveLength(3))

    await wrapper.get('button[aria-label="Rename source Zillow ads"]').trigger('click')
    const rename = wrapper.get('[data-testid="source-row"] form')
    await rename.get('input').setValue('Zillow premier ads')
    await rename.trigger('submit')
    await eventually(() => expect(wrapper.text()).toContain('Source renamed: Zillow premier ads'))

    await wrapper.get('button[aria-label="Retire source Open house Elm St"]').trigger('click')
    await eventually(() => expect(wrapper.text()).toContain('Source retired: Open house Elm St'))
    expect(team.session!.repo.list('sources').find((s) => s.name === 'Open house Elm St')!.active).toBe(false)
    await button(wrapper, 'Add lead').trigger('click')
    const offered = () =>
      wrapper
        .get('[data-testid="lead-source"]')
        .findAll('option')
        .map((o) => o.text())
    await eventually(() =>
      expect(offered()).toEqual(['Choose a source', 'Spring mailer', 'Zillow premier ads']),
    )
    wrapper.unmount()
  })
})
