// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { PeerStatus } from '../../shared/sync'
import TeamLiveSync from '../../pwa/components/team/TeamLiveSync.vue'
import { i18n } from '../../pwa/i18n'
import { firstSyncOf } from '../../pwa/services/sync-progress'

const peer = (over: Partial<PeerStatus>): PeerStatus => ({
  peerId: 'f3a9c2d17b',
  state: 'connected',
  isSynced: false,
  docsSynced: 0,
  docCount: 17,
  lastSyncAt: null,
  bytesSent: 0,
  bytesReceived: 0,
  throttled: 0,
  rejected: 0,
  problem: null,
  ...over,
})

function mountWith(peers: PeerStatus[]) {
  return mount(TeamLiveSync, {
    props: {
      state: 'on',
      isOn: true,
      urls: ['ws://127.0.0.1:4444'],
      defaultUrl: 'ws://127.0.0.1:4444',
      servers: [],
      peers,
      unshared: 0,
      lastSyncAt: null,
      firstSync: firstSyncOf(peers),
      openRooms: false,
      openRoomPeers: 0,
    },
    global: { plugins: [i18n] },
  })
}

describe('TeamLiveSync first-sync progress', () => {
  it('fills the bar by the documents the peer has answered', () => {
    const w = mountWith([peer({ docsSynced: 6, bytesReceived: 3 * 1024 * 1024 })])
    const bar = w.get<HTMLProgressElement>('[data-testid="first-sync-progress"]').element
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['6', '17'])
    expect(w.get('.progress label').text()).toBe('First sync: 6 of 17 parts in · 3,072 KiB received')
  })

  it('counts only devices still in their first sync, and hides the bar when none is', () => {
    const synced = peer({ peerId: 'b', isSynced: true, docsSynced: 17, bytesReceived: 9_000_000 })
    const connecting = peer({ peerId: 'c', state: 'connecting' })
    expect(firstSyncOf([synced, connecting, peer({ docsSynced: 2, bytesReceived: 1024 })])).toEqual({
      bytesReceived: 1024,
      docsSynced: 2,
      docCount: 17,
    })
    expect(mountWith([synced]).find('[data-testid="first-sync-progress"]').exists()).toBe(false)
  })
})
