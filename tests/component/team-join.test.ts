// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTeam, decodeJoinCode, encodeJoinCode } from '../../shared/sync'
import { readModelName, teamLocal } from '../../pwa/services/team-session'
import { setUpJoinedTeam } from '../../pwa/services/team-setup'
import { useTeamStore } from '../../pwa/stores/team'
import WelcomeView from '../../pwa/views/WelcomeView.vue'
import { createReadModel } from '../../shared/db'
import { mountView, startApp } from './helpers/app'
import { testHost } from './helpers/host'

const { teamId, secret } = createTeam()
const code = encodeJoinCode({ teamId, secret, name: 'Harbor Realty', signaling: ['ws://10.0.0.5:4444'] })

describe('joining a team from the welcome screen', () => {
  let team: ReturnType<typeof useTeamStore> | undefined
  afterEach(() => team?.$reset())

  async function mounted() {
    const { pinia, host } = await startApp(testHost())
    team = useTeamStore(pinia)
    const { wrapper, router } = await mountView(WelcomeView, pinia, '/welcome')
    const enter = async (text: string) => {
      await wrapper.get('[data-testid="join-code-input"]').setValue(text)
      await wrapper.get('[data-testid="join-check"]').trigger('submit')
      await flushPromises()
    }
    return { wrapper, router, host, enter }
  }

  it('shows why a damaged code is refused, and joins nothing', async () => {
    const { wrapper, enter, host } = await mounted()
    const i = 40
    await enter(code.slice(0, i) + (code[i] === 'x' ? 'y' : 'x') + code.slice(i + 1))
    expect(wrapper.get('[data-testid="join-code-problem"]').text()).toBe(
      'the join code is damaged: a character is missing or wrong; copy it again',
    )
    await enter('hello')
    expect(wrapper.get('[data-testid="join-code-problem"]').text()).toContain('not a Rapport join code')
    expect(wrapper.find('[data-testid="join-member-form"]').exists()).toBe(false)
    expect(team!.status).toBe('no-team')
    expect((host as ReturnType<typeof testHost>).stored.size).toBe(0)
  })

  it('joins as a new member: stores the secret, turns live sync on and opens the team', async () => {
    const { wrapper, router, enter } = await mounted()
    await enter(`Join us: ${code}`)
    const form = wrapper.get('[data-testid="join-member-form"]')
    expect(form.text()).toContain('Team: Harbor Realty')
    // No WebRTC in this browser: no member can arrive, so only "a new member" can be chosen.
    expect(wrapper.get<HTMLInputElement>('[data-testid="join-as-existing"]').element.disabled).toBe(true)
    await form.get('input[autocomplete="name"]').setValue('Sami Nasser')
    await form.trigger('submit')
    // The first visit to Today loads its view module: slow in a cold test run.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('today'), { timeout: 20_000 })
    const s = await team!.whenLoaded()
    expect(s.teamId).toBe(teamId)
    expect(team!.memberName).toBe('Sami Nasser')
    expect(s.repo.get('members', s.memberId)).toMatchObject({ name: 'Sami Nasser', role: 'agent' })
    expect(await teamLocal(s.db, 'secret')).toBe(secret)
    expect(await teamLocal(s.db, 'liveSync')).toBe(true)
    expect(await teamLocal(s.db, 'signaling')).toEqual(['ws://10.0.0.5:4444'])
  })

  it('asks for a name before joining as a new member', async () => {
    const { wrapper, enter } = await mounted()
    await enter(code)
    await wrapper.get('[data-testid="join-member-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('must not be empty')
    expect(team!.status).toBe('no-team')
  })
})

describe('setUpJoinedTeam', () => {
  it('refuses a member that is not in the team and stores nothing', async () => {
    const host = testHost()
    const decoded = decodeJoinCode(code)
    if (!decoded.ok) throw new Error('bad code')
    const r = await setUpJoinedTeam(host, decoded.value, { memberId: 'nobody' })
    expect(r).toEqual({
      ok: false,
      problems: [{ path: 'member', message: 'this member is not in the team' }],
    })
    const db = createReadModel(host.indexedDB, readModelName(teamId))
    expect(await db.settings.count()).toBe(0)
    db.close()
  })
})
