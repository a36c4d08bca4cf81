// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { useNetworkStore } from '../../pwa/stores/network'
import { useTeamStore } from '../../pwa/stores/team'
import NetworkView from '../../pwa/views/NetworkView.vue'
import { eventually, mountView, startApp } from './helpers/app'

/** A chain Amal → Basim → Carla → Dina, and Basim also referred Elias: Basim bridges the most. */
async function chainTeam() {
  const { pinia } = await startApp()
  const team = useTeamStore(pinia)
  await team.startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
  const ids: Record<string, string> = {}
  await team.write((repo, s) => {
    for (const [name, relationshipType] of [
      ['Amal Khoury', 'advocate'],
      ['Basim Nasser', 'core-advocate'],
      ['Carla Mendes', 'allied-resource'],
      ['Dina Haddad', undefined],
      ['Elias Farah', 'other'],
    ] as const) {
      const c = repo.create('contacts', { name: { display: name }, class: { relationshipType } })
      if (!c.ok) return c
      ids[name.split(' ')[0]!] = c.value.id
    }
    for (const [from, to] of [
      ['Amal', 'Basim'],
      ['Basim', 'Carla'],
      ['Carla', 'Dina'],
      ['Basim', 'Elias'],
    ]) {
      const r = repo.create('referrals', {
        referrerId: ids[from]!,
        referredId: ids[to]!,
        need: 'a three-bedroom house near the school',
        memberId: s.memberId,
        receivedAt: Date.UTC(2026, 9, 1),
      })
      if (!r.ok) return r
    }
    return { ok: true as const, value: undefined }
  })
  return { pinia, ids }
}

describe('NetworkView', () => {
  afterEach(() => useTeamStore().$reset())

  it('lists the top connectors by betweenness, each a link to the contact', async () => {
    const { pinia, ids } = await chainTeam()
    const { wrapper } = await mountView(NetworkView, pinia, '/network')
    await eventually(() => expect(wrapper.findAll('[data-testid="network-connector"]')).toHaveLength(5))
    const items = wrapper.findAll('[data-testid="network-connector"]')
    expect(items[0]!.text()).toContain('Basim Nasser')
    expect(items[0]!.text()).toContain('Core advocate')
    expect(items[0]!.get('a').attributes('href')).toBe(`/contacts/${ids.Basim}`)
    expect(items[1]!.text()).toContain('Carla Mendes')
    expect(wrapper.get('[data-testid="network-summary"]').text()).toBe(
      '5 people linked by 4 referrals and introductions',
    )
    const m = useNetworkStore(pinia).metrics.nodes[ids.Basim!]!
    expect(m.degree).toBe(3)
    wrapper.unmount()
  })

  it('falls back to the list, with a note, when the browser has no WebGL (as in this test DOM)', async () => {
    const { pinia } = await chainTeam()
    const { wrapper } = await mountView(NetworkView, pinia, '/network')
    await eventually(() => expect(wrapper.find('[data-testid="network-no-webgl"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="network-no-webgl"]').text()).toContain('WebGL is not available')
    expect(wrapper.find('[data-testid="network-graph"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="network-connector"]')).toHaveLength(5)
    wrapper.unmount()
  })

  it('says so when there is no network yet', async () => {
    const { pinia } = await startApp()
    await useTeamStore(pinia).startNewTeam({ memberName: 'Dana Whitfield', teamName: 'Harbor Realty' })
    const { wrapper } = await mountView(NetworkView, pinia, '/network')
    await eventually(() => expect(wrapper.text()).toContain('No referrals or introductions yet'))
    wrapper.unmount()
  })
})
