// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { findBuiltinPlan, enroll } from '../../shared/plans'
import type { Repo } from '../../shared/doc'
import { useTeamStore } from '../../pwa/stores/team'
import { useTodayStore } from '../../pwa/stores/today'
import TodayView from '../../pwa/views/TodayView.vue'
import { eventually, mountView, startApp } from './helpers/app'
import { testHost } from './helpers/host'

const DAY = '2026-11-23'

/** A contact enrolled in 8x8 today, owned by `owner`: its first touch (a card) is due today. */
function enrolled(repo: Repo, name: string, owner: string, memberId: string) {
  const contact = repo.create('contacts', {
    name: { display: name },
    emails: [{ value: `${name.split(' ')[0]!.toLowerCase()}@example.com` }],
    phones: [{ value: '+1 503 555 0142', label: 'mobile' }],
    owner,
  })
  if (!contact.ok) throw new Error('contact refused')
  const plan = findBuiltinPlan(repo.list('plans'), '8x8')!
  const r = enroll(repo, { contactId: contact.value.id, planId: plan.id, memberId, startDay: DAY })
  if (!r.ok) throw new Error(JSON.stringify(r.problems))
  return contact.value.id
}

/** A new team with one of my contacts and one of a colleague's, both with a touch due today. */
async function teamWithTouches(host = testHost()) {
  const app = await startApp(host)
  const team = useTeamStore(app.pinia)
  await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  await team.write((repo, s) => {
    const colleague = repo.create('members', { name: 'Ben Whitaker', role: 'agent' })
    if (!colleague.ok) return colleague
    enrolled(repo, 'Omar Haddad', s.memberId, s.memberId)
    enrolled(repo, 'Layla Hamdan', colleague.value.id, s.memberId)
    return colleague
  })
  return { ...app, team }
}

describe('TodayView', () => {
  afterEach(() => useTeamStore().$reset())

  it('lists my due touches grouped by channel, with the script filled in and the contact links', async () => {
    const { pinia } = await teamWithTouches()
    const { wrapper } = await mountView(TodayView, pinia, '/today')
    await eventually(() => expect(wrapper.findAll('[data-testid="today-touch"]')).toHaveLength(1))
    const card = wrapper.get('[data-testid="today-touch"]')
    expect(wrapper.get('h2').text()).toContain('Cards')
    expect(card.text()).toContain('Omar Haddad')
    expect(card.text()).toContain('Dear Omar,')
    expect(card.text()).toContain('Dana Whitfield, Harbor Realty')
    const hrefs = card.findAll('a').map((a) => a.attributes('href'))
    expect(hrefs).toContain('tel:+15035550142')
    expect(hrefs).toContain('mailto:omar@example.com')
    expect(wrapper.get('[data-testid="today-summary"]').text()).toBe('1 due · 0 overdue')
    wrapper.unmount()
  })

  it("shows the team's touches, with whom each is for, when asked", async () => {
    const { pinia } = await teamWithTouches()
    const { wrapper } = await mountView(TodayView, pinia, '/today')
    await eventually(() => expect(wrapper.findAll('[data-testid="today-touch"]')).toHaveLength(1))
    await wrapper.get('input[value="team"]').setValue(true)
    await eventually(() => expect(wrapper.findAll('[data-testid="today-touch"]')).toHaveLength(2))
    expect(wrapper.text()).toContain('For Ben Whitaker')
    wrapper.unmount()
  })

  it('marks a touch done in one tap: it leaves the list and the status line says so', async () => {
    const { pinia } = await teamWithTouches()
    const { wrapper } = await mountView(TodayView, pinia, '/today')
    await eventually(() => expect(wrapper.findAll('[data-testid="today-touch"]')).toHaveLength(1))
    await wrapper.get('[data-testid="touch-done"]').trigger('click')
    await eventually(() => expect(wrapper.findAll('[data-testid="today-touch"]')).toHaveLength(0))
    expect(wrapper.get('[role="status"]').text()).toBe('Done: Handwritten nice-to-meet-you note')
    expect(wrapper.text()).toContain('Nothing due today')
    const s = useTeamStore(pinia).session!
    expect(s.repo.list('touches').filter((t) => t.status === 'done')).toHaveLength(1)
    wrapper.unmount()
  })

  it('moves a touch to tomorrow and skips another', async () => {
    const { pinia } = await teamWithTouches()
    const today = useTodayStore(pinia)
    today.scope = 'team'
    const { wrapper } = await mountView(TodayView, pinia, '/today')
    await eventually(() => expect(wrapper.findAll('[data-testid="today-touch"]')).toHaveLength(2))
    await wrapper.get('button[aria-label^="Move"]').trigger('click')
    await eventually(() => expect(wrapper.findAll('[data-testid="today-touch"]')).toHaveLength(1))
    expect(wrapper.get('[role="status"]').text()).toMatch(/^Moved “Handwritten nice-to-meet-you note” to /)
    await wrapper.get('button[aria-label^="Skip"]').trigger('click')
    await eventually(() => expect(wrapper.findAll('[data-testid="today-touch"]')).toHaveLength(0))
    const touches = useTeamStore(pinia).session!.repo.list('touches')
    expect(touches.filter((t) => t.due === '2026-11-24' && t.status === 'pending')).toHaveLength(1)
    expect(touches.filter((t) => t.status === 'skipped')).toHaveLength(1)
    wrapper.unmount()
  })

  it('renders from the read model before the record documents finish loading', async () => {
    const host = testHost()
    const first = await teamWithTouches(host)
    await first.team.whenLoaded()
    await new Promise((resolve) => setTimeout(resolve, 50))
    first.team.$reset()

    host.hold()
    const { pinia } = await startApp(host)
    const team = useTeamStore(pinia)
    const loaded = vi.fn()
    void team.whenLoaded().then(loaded)
    const { wrapper } = await mountView(TodayView, pinia, '/today')
    await eventually(() => expect(wrapper.findAll('[data-testid="today-touch"]')).toHaveLength(1))
    expect(loaded).not.toHaveBeenCalled()
    expect(team.isLoaded).toBe(false)
    host.release()
    await team.whenLoaded()
    expect(team.isLoaded).toBe(true)
    wrapper.unmount()
  })
})
