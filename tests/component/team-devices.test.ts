// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  createDeviceKeys,
  KEY_EPOCHS_MAP,
  readKeyChain,
  registerDevice,
  rotateTeamSecret,
  teamKeyState,
  type DeviceKeys,
} from '../../shared/sync'
import TeamDevices from '../../pwa/components/team/TeamDevices.vue'
import { i18n } from '../../pwa/i18n'
import { deviceKeysOf, deviceName, removeDevice, watchTeamKeys } from '../../pwa/services/team-devices'
import { readModelName, teamLocal, type TeamSession } from '../../pwa/services/team-session'
import { createReadModel } from '../../shared/db'
import { useTeamStore } from '../../pwa/stores/team'
import { eventually, startDemoApp } from './helpers/app'
import { NOW } from './helpers/host'

const subtle = globalThis.crypto.subtle

/** Another device of the team, with its own copy of the team document. */
async function otherDevice(session: TeamSession, name: string) {
  const keys = await createDeviceKeys(subtle)
  await registerDevice(
    session.docs.team,
    session.teamId,
    keys,
    { name, memberId: session.memberId, at: NOW },
    subtle,
  )
  const doc = new Y.Doc({ guid: session.teamId })
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(session.docs.team))
  return { keys, doc }
}

/** Rotates on the other device's copy and hands the change to this device, as sync would. */
async function rotateElsewhere(session: TeamSession, by: { keys: DeviceKeys; doc: Y.Doc }, remove: string[]) {
  Y.applyUpdate(by.doc, Y.encodeStateAsUpdate(session.docs.team))
  const before = Y.encodeStateVector(session.docs.team)
  const rotated = await rotateTeamSecret({
    team: by.doc,
    teamId: session.teamId,
    keys: by.keys,
    remove,
    at: NOW + 60_000,
    actor: session.memberId,
    subtle,
  })
  Y.applyUpdate(session.docs.team, Y.encodeStateAsUpdate(by.doc, before))
  return rotated
}

describe('deviceName', () => {
  it('names the browser and the system', () => {
    const ua = {
      chromeLinux:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      iphone:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:132.0) Gecko/20100101 Firefox/132.0',
      android:
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    }
    expect(deviceName(ua.chromeLinux)).toBe('Chrome on Linux')
    expect(deviceName(ua.edge)).toBe('Edge on Windows')
    expect(deviceName(ua.iphone)).toBe('Safari on iOS')
    expect(deviceName(ua.firefoxMac)).toBe('Firefox on macOS')
    expect(deviceName(ua.android)).toBe('Chrome on Android')
    expect(deviceName('')).toBe('Browser')
  })
})

describe('TeamDevices', () => {
  let team: ReturnType<typeof useTeamStore> | undefined
  afterEach(() => team?.$reset())

  async function mountDevices() {
    const { pinia } = await startDemoApp()
    team = useTeamStore(pinia)
    const session = await team.whenLoaded()
    const wrapper = mount(TeamDevices, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
    await eventually(() => expect(wrapper.findAll('[data-testid="device-row"]')).toHaveLength(1))
    return { wrapper, session }
  }

  it('lists the devices, this one marked, and removes another after a plain confirm', async () => {
    const { wrapper, session } = await mountDevices()
    expect(wrapper.find('[data-testid="this-device"]').text()).toBe('This device')
    const phone = await otherDevice(session, 'Safari on iPhone')
    await eventually(() => expect(wrapper.findAll('[data-testid="device-row"]')).toHaveLength(2))
    const secretBefore = await teamLocal(session.db, 'secret')
    const onSecret = vi.fn()
    const stop = watchTeamKeys(session, onSecret, () => {})
    const buttons = wrapper.findAll('[data-testid="remove-device"]')
    expect(buttons).toHaveLength(1) // none for this device
    expect(buttons[0]!.attributes('aria-label')).toBe('Remove device Safari on iPhone')

    await buttons[0]!.trigger('click')
    const confirm = wrapper.find('[data-testid="remove-device-confirm"]')
    expect(confirm.text()).toContain('Remove Safari on iPhone?')
    expect(confirm.text()).toContain('Safari on iPhone keeps its copy of everything it already has.')
    expect(confirm.text()).toContain('It gets nothing new and can send nothing')
    expect(document.activeElement).toBe(confirm.element)
    expect(session.docs.team.getMap(KEY_EPOCHS_MAP).size).toBe(0) // nothing before the confirm

    await wrapper.find('[data-testid="confirm-remove-device"]').trigger('click')
    await eventually(() =>
      expect(wrapper.find('[data-testid="remove-device-status"]').text()).toBe(
        'Safari on iPhone was removed. The team uses a new secret now.',
      ),
    )
    await eventually(() => expect(wrapper.find('[data-testid="device-removed"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="remove-device"]').exists()).toBe(false)
    const secretAfter = await teamLocal(session.db, 'secret')
    expect(secretAfter).not.toBe(secretBefore)
    await eventually(() => expect(onSecret).toHaveBeenCalledWith(secretAfter)) // the sync moves to the new room
    expect(onSecret).toHaveBeenCalledTimes(1)
    stop()
    Y.applyUpdate(phone.doc, Y.encodeStateAsUpdate(session.docs.team))
    expect(
      (
        await teamKeyState({
          team: phone.doc,
          teamId: session.teamId,
          keys: phone.keys,
          secret: secretBefore!,
          subtle,
        })
      ).kind,
    ).toBe('removed')
    wrapper.unmount()
  })

  it('switches to a secret another device rotated, and shows the banner once this device is removed', async () => {
    const { wrapper, session } = await mountDevices()
    const laptop = await otherDevice(session, 'Chrome on Linux')
    const onSecret = vi.fn()
    const onRemoved = vi.fn()
    const stop = watchTeamKeys(session, onSecret, onRemoved)
    await eventually(() => expect(wrapper.findAll('[data-testid="device-row"]')).toHaveLength(2))

    const { secret } = await rotateElsewhere(session, laptop, [])
    await eventually(() => expect(onSecret).toHaveBeenCalledWith(secret))
    expect(await teamLocal(session.db, 'secret')).toBe(secret)
    expect(onRemoved).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid="device-removed-banner"]').exists()).toBe(false)

    const me = (await deviceKeysOf(session)).deviceId
    await rotateElsewhere(session, laptop, [me])
    await eventually(() => expect(onRemoved).toHaveBeenCalledTimes(1))
    await eventually(() =>
      expect(wrapper.find('[data-testid="device-removed-banner"]').text()).toContain(
        'It keeps its copy of what it already had, but it can no longer sync',
      ),
    )
    expect(onSecret).toHaveBeenCalledTimes(1)
    expect(await teamLocal(session.db, 'secret')).toBe(secret) // it kept the last secret it had
    expect(wrapper.find('[data-testid="remove-device"]').exists()).toBe(false)
    const epochs = session.docs.team.getMap(KEY_EPOCHS_MAP).size
    expect(await removeDevice(session, laptop.keys.deviceId)).toEqual({
      ok: false,
      problems: [
        {
          path: 'device',
          message: 'this device does not hold the team’s current secret, so it cannot remove a device',
        },
      ],
    })
    expect(session.docs.team.getMap(KEY_EPOCHS_MAP).size).toBe(epochs)
    stop()
    wrapper.unmount()
    await flushPromises()
  })

  it('finishes a removal that lost to a concurrent rotation by rotating again', async () => {
    const { wrapper, session } = await mountDevices()
    const laptop = await otherDevice(session, 'Chrome on Linux')
    const tablet = await otherDevice(session, 'Old tablet')
    Y.applyUpdate(laptop.doc, Y.encodeStateAsUpdate(session.docs.team))
    const onSecret = vi.fn()
    const stop = watchTeamKeys(session, onSecret, () => {})
    const removed = await removeDevice(session, tablet.keys.deviceId)
    expect(removed.ok).toBe(true)
    // Meanwhile the laptop, not having seen it, rotated with the lowest possible record id: it wins epoch 1.
    const lowest = (n: number) =>
      n === 16
        ? new Uint8Array(Buffer.from('-'.repeat(22), 'base64url'))
        : crypto.getRandomValues(new Uint8Array(n))
    const concurrent = await rotateTeamSecret({
      team: laptop.doc,
      teamId: session.teamId,
      keys: laptop.keys,
      remove: [],
      at: NOW,
      actor: session.memberId,
      subtle,
      random: lowest,
    })
    Y.applyUpdate(session.docs.team, Y.encodeStateAsUpdate(laptop.doc))
    await eventually(async () => {
      const chain = await readKeyChain(session.docs.team, session.teamId, { subtle })
      expect(chain.epochs.map((r) => r.id)[0]).toBe(concurrent.record.id)
      expect([...chain.removed.keys()]).toEqual([tablet.keys.deviceId])
      expect(chain.head?.epoch).toBe(2)
    })
    // The app's own key watcher may finish the removal too: compare with the secret stored last.
    await eventually(async () =>
      expect(onSecret).toHaveBeenLastCalledWith(await teamLocal(session.db, 'secret')),
    )
    Y.applyUpdate(tablet.doc, Y.encodeStateAsUpdate(session.docs.team))
    const tabletState = await teamKeyState({
      team: tablet.doc,
      teamId: session.teamId,
      keys: tablet.keys,
      secret: concurrent.secret,
      subtle,
    })
    expect(tabletState.kind).toBe('removed')
    stop()
    wrapper.unmount()
    await flushPromises()
  })

  it('keeps one key pair per device, stored in the team read model', async () => {
    const { pinia, host } = await startDemoApp()
    team = useTeamStore(pinia)
    const session = await team.whenLoaded()
    const [a, b] = await Promise.all([deviceKeysOf(session), deviceKeysOf(session)])
    expect(b).toBe(a)
    // Another connection to the same database reads the stored keys back, CryptoKeys and all.
    const db = createReadModel(host.indexedDB, readModelName(session.teamId))
    const reread = await deviceKeysOf({ ...session, db })
    db.close()
    expect(reread.deviceId).toBe(a.deviceId)
    expect(reread.agreement.privateKey.extractable).toBe(false)
    const sealed = await subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      reread.signing.privateKey,
      new Uint8Array(8),
    )
    expect(
      await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, a.signing.publicKey, sealed, new Uint8Array(8)),
    ).toBe(true)
  })
})
