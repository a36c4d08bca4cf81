// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeJoinCode } from '../../shared/sync'
import { teamLocal } from '../../pwa/services/team-session'
import { useSyncStore } from '../../pwa/stores/sync'
import { useTeamStore } from '../../pwa/stores/team'
import TeamView from '../../pwa/views/TeamView.vue'
import { eventually, mountView, startApp } from './helpers/app'

describe('TeamView', () => {
  let team: ReturnType<typeof useTeamStore> | undefined
  let unmount = () => {}
  afterEach(() => {
    unmount()
    team?.$reset()
  })

  async function mounted() {
    const { pinia } = await startApp()
    team = useTeamStore(pinia)
    // A team name with markup: it reaches the QR code and the page as text only.
    await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor <img src=x onerror=alert(1)>' })
    await team.whenLoaded()
    const sync = useSyncStore(pinia)
    const { wrapper } = await mountView(TeamView, pinia, '/team')
    unmount = () => wrapper.unmount()
    await eventually(() => expect(sync.joinCode).not.toBe(''))
    await flushPromises()
    return { wrapper, sync }
  }

  it('shows the join code as text and as a QR image, with the warning', async () => {
    const { wrapper, sync } = await mounted()
    const text = wrapper.get<HTMLTextAreaElement>('[data-testid="join-code"]').element.value
    expect(text).toBe(sync.joinCode)
    expect(decodeJoinCode(text)).toMatchObject({
      ok: true,
      value: { name: 'Harbor <img src=x onerror=alert(1)>' },
    })
    const qr = wrapper.get('img.team-qr-code')
    expect(qr.attributes('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/)
    expect(qr.attributes('alt')).toBe('QR code of the team’s join code')
    expect(wrapper.text()).toContain('Anyone with this code gets full access to the whole team')
    expect(wrapper.find('img[src="x"]').exists()).toBe(false)
  })

  it('refuses a signaling address that is not ws:// or wss://, keeping the old ones', async () => {
    const { wrapper, sync } = await mounted()
    const before = [...sync.signalingUrls]
    await wrapper.get('[data-testid="signaling-urls"]').setValue('https://signal.example.org')
    await wrapper.get('form.servers').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      '"https://signal.example.org" must start with ws:// or wss://',
    )
    expect(sync.signalingUrls).toEqual(before)
    expect(await teamLocal((await team!.whenLoaded()).db, 'signaling')).toBeUndefined()
  })

  it('saves several signaling addresses and puts them in the join code', async () => {
    const { wrapper, sync } = await mounted()
    await wrapper
      .get('[data-testid="signaling-urls"]')
      .setValue('ws://192.168.1.20:4444\nwss://signal.example.org')
    await wrapper.get('form.servers').trigger('submit')
    await eventually(() =>
      expect(sync.signalingUrls).toEqual(['ws://192.168.1.20:4444', 'wss://signal.example.org']),
    )
    const code = decodeJoinCode(sync.joinCode)
    expect(code.ok && code.value.signaling).toEqual(['ws://192.168.1.20:4444', 'wss://signal.example.org'])
  })

  it('refuses a file that is not a bundle with the reason', async () => {
    const { wrapper } = await mounted()
    const input = wrapper.get<HTMLInputElement>('[data-testid="bundle-import"]')
    const file = new File(['name,email\nOmar,omar@example.org\n'], 'contacts.csv', { type: 'text/csv' })
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    await eventually(() =>
      expect(wrapper.find('[data-testid="bundle-problem"]').text()).toBe(
        'this file is not a Rapport sync bundle',
      ),
    )
  })
})
