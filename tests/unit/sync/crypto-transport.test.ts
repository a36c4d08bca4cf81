import { afterEach, describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import {
  createTeam,
  deriveKeys,
  encryptedTransport,
  startSyncSession,
  type SyncSession,
} from '../../../shared/sync'
import { contact, replica } from '../helpers/team'
import { state } from './same-state'
import { memoryLink, settle, until } from './memory-transport'

const sessions: SyncSession[] = []
afterEach(() => sessions.splice(0).forEach((s) => s.stop()))

const contains = (haystack: Uint8Array, text: string) => Buffer.from(haystack).includes(Buffer.from(text))

describe('encrypted transport', () => {
  it('two devices with the same secret converge, and the wire carries only ciphertext', async () => {
    const { secret } = createTeam()
    const [ka, kb] = [await deriveKeys(secret), await deriveKeys(secret)]
    const [a, b] = [replica('ana'), replica('ben')]
    unwrap(a.repo.create('contacts', contact()))
    unwrap(b.repo.create('contacts', contact({ name: { display: 'Priya Natarajan' } })))
    const link = memoryLink()
    const [ta, tb] = [encryptedTransport(link.a, ka.updateKey), encryptedTransport(link.b, kb.updateKey)]
    const [sa, sb] = [startSyncSession(a.docs, ta), startSyncSession(b.docs, tb)]
    sessions.push(sa, sb)
    await until(() => sa.status.isSynced && sb.status.isSynced && state(a) === state(b), 'convergence')
    expect(
      b.repo
        .list('contacts')
        .map((c) => c.name.display)
        .sort(),
    ).toEqual(['Dana Whitfield', 'Priya Natarajan'])
    expect(ta.rejected + tb.rejected).toBe(0)
    for (const message of link.wire) {
      for (const text of ['Whitfield', 'Priya', 'rapport-sync', 'team-1'])
        expect(contains(message, text)).toBe(false)
    }
    const ivs = new Set(link.wire.map((m) => Buffer.from(m.subarray(0, 12)).toString('hex')))
    expect(ivs.size).toBe(link.wire.length)
  })

  it('a device with a wrong secret learns nothing and changes nothing', async () => {
    const [a, m] = [replica('ana'), replica('mallory')]
    unwrap(a.repo.create('contacts', contact()))
    unwrap(m.repo.create('contacts', contact({ name: { display: 'Injected Person' } })))
    const before = state(a)
    const mBefore = state(m)
    const link = memoryLink()
    const ta = encryptedTransport(link.a, (await deriveKeys(createTeam().secret)).updateKey)
    const tm = encryptedTransport(link.b, (await deriveKeys(createTeam().secret)).updateKey)
    const [sa, sm] = [startSyncSession(a.docs, ta), startSyncSession(m.docs, tm)]
    sessions.push(sa, sm)
    await until(() => ta.rejected > 0 && tm.rejected > 0, 'both hellos to be refused')
    unwrap(m.repo.update('contacts', m.repo.list('contacts')[0]!.id, { notes: 'try again' }))
    await settle(link)
    expect(state(a)).toBe(before)
    expect(m.repo.list('contacts').map((c) => c.name.display)).toEqual(['Injected Person'])
    expect(state(m)).not.toBe(mBefore) // only its own edit
    expect(sa.status.isConnected || sm.status.isConnected).toBe(false)
    expect(sa.status.rejected + sm.status.rejected).toBe(0) // nothing reached the sessions at all
  })

  it('drops a tampered message and keeps the order of the rest', async () => {
    const { updateKey } = await deriveKeys(createTeam().secret)
    const link = memoryLink()
    const rejects: number[] = []
    const [ta, tb] = [
      encryptedTransport(link.a, updateKey),
      encryptedTransport(link.b, updateKey, { onReject: (n) => rejects.push(n) }),
    ]
    const got: number[] = []
    tb.onMessage((m) => got.push(m.length))
    for (let i = 1; i <= 200; i++) ta.send(new Uint8Array((i * 7919) % 5000))
    await until(() => got.length === 200, 'all messages')
    expect(got).toEqual(Array.from({ length: 200 }, (_, i) => ((i + 1) * 7919) % 5000))
    const tampered = link.wire[0]!.slice()
    tampered[20]! ^= 1
    link.a.send(tampered)
    link.a.send(new Uint8Array(5))
    await settle(link)
    expect(tb.rejected).toBe(2)
    expect(rejects).toEqual([1, 2])
    expect(got).toHaveLength(200)
  })
})
