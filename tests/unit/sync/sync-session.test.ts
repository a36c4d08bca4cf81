import { afterEach, describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import { allDocs, createTeamDocs, unwrap } from '../../../shared/doc'
import { startSyncSession, type SyncSession, type SyncSessionOptions } from '../../../shared/sync'
import { contact, replica, type Replica } from '../helpers/team'
import { state } from './same-state'
import * as decoding from 'lib0/decoding'
import { readFrame } from '../../../shared/sync/multiplex'
import { memoryLink, settle, type MemoryLinkOptions } from './memory-transport'

const sessions: SyncSession[] = []
afterEach(() => sessions.splice(0).forEach((s) => s.stop()))

/** Links two replicas and starts a session on each end. */
function connect(a: Replica, b: Replica, link: MemoryLinkOptions = {}, options: SyncSessionOptions = {}) {
  const l = memoryLink(link)
  const sa = startSyncSession(a.docs, l.a, options)
  const sb = startSyncSession(b.docs, l.b)
  sessions.push(sa, sb)
  return { link: l, sa, sb }
}

const person = (given: string, family: string) =>
  contact({
    name: { display: `${given} ${family}`, given, family },
    emails: [{ value: `${given}@example.com` }],
  })

describe('sync session', () => {
  it('brings two replicas to the same state, every document synced', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    for (let i = 0; i < 40; i++) unwrap(a.repo.create('contacts', person(`ana${i}`, 'Lee')))
    unwrap(b.repo.create('contacts', person('ben', 'Ortiz')))
    const { link, sa, sb } = connect(a, b)
    await settle(link)
    expect(state(a)).toBe(state(b))
    expect(a.repo.list('contacts')).toHaveLength(41)
    for (const s of [sa, sb]) {
      expect(s.status.isConnected).toBe(true)
      expect(s.status.isSynced).toBe(true)
      expect(s.status.docs.map((d) => d.guid)).toEqual(allDocs(a.docs).map((d) => d.guid))
      expect(s.status.rejected).toBe(0)
      expect(s.status.lastMessageAt).not.toBeNull()
    }
    expect(sa.status.bytesSent).toBe(sb.status.bytesReceived)
  })

  it('works over a transport that delivers synchronously, inside send', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    unwrap(a.repo.create('contacts', person('ana', 'Lee')))
    const { link, sa, sb } = connect(a, b, { isSynchronous: true })
    unwrap(b.repo.create('contacts', person('ben', 'Ortiz')))
    await settle(link)
    expect(sa.status.isSynced && sb.status.isSynced).toBe(true)
    expect(sa.status.rejected + sb.status.rejected).toBe(0)
    expect(state(a)).toBe(state(b))
    expect(a.repo.list('contacts')).toHaveLength(2)
  })

  it('forwards live edits and does not send back what it received', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const { link, sa } = connect(a, b)
    await settle(link)
    const sentBefore = sa.status.bytesSent
    const dana = unwrap(b.repo.create('contacts', contact()))
    unwrap(b.repo.update('contacts', dana.id, { notes: 'Prefers text messages' }))
    await settle(link)
    expect(a.repo.get('contacts', dana.id)?.notes).toBe('Prefers text messages')
    expect(sa.status.bytesSent).toBe(sentBefore)
  })

  it('converges after edits on both sides while the link was down, once back and resynced', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const dana = unwrap(a.repo.create('contacts', contact()))
    const { link, sa, sb } = connect(a, b)
    await settle(link)
    link.setOnline(false)
    unwrap(a.repo.update('contacts', dana.id, { notes: 'Closing on the 14th' }))
    unwrap(b.repo.update('contacts', dana.id, { tags: ['lender', 'golf'] }))
    unwrap(b.repo.create('contacts', person('mo', 'Reyes')))
    await settle(link)
    expect(link.stats.dropped).toBeGreaterThan(0)
    expect(state(a)).not.toBe(state(b))
    link.setOnline(true)
    sa.resync()
    sb.resync()
    await settle(link)
    expect(state(a)).toBe(state(b))
    expect(b.repo.get('contacts', dana.id)).toMatchObject({
      notes: 'Closing on the 14th',
      tags: ['lender', 'golf'],
    })
  })

  it('recovers from lost hellos: one resync on either side syncs both ways', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const link = memoryLink()
    link.setOnline(false)
    const [sa, sb] = [startSyncSession(a.docs, link.a), startSyncSession(b.docs, link.b)]
    sessions.push(sa, sb)
    unwrap(a.repo.create('contacts', person('ana', 'Lee')))
    unwrap(b.repo.create('contacts', person('ben', 'Ortiz')))
    await settle(link)
    link.setOnline(true)
    sa.resync()
    await settle(link)
    expect(sa.status.isConnected && sb.status.isConnected).toBe(true)
    expect(a.repo.list('contacts')).toHaveLength(2)
    expect(state(a)).toBe(state(b))
  })

  it('converges when the devices meet again over a new link after working apart', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const first = connect(a, b)
    const dana = unwrap(a.repo.create('contacts', contact()))
    await settle(first.link)
    first.sa.stop()
    first.sb.stop()
    unwrap(a.repo.update('contacts', dana.id, { notes: 'Closing on the 14th' }))
    unwrap(b.repo.remove('contacts', dana.id))
    expect(state(a)).not.toBe(state(b))
    const again = connect(a, b)
    await settle(again.link)
    expect(state(a)).toBe(state(b))
  })

  it('syncs three replicas in a line A–B–C, B relaying in both directions', async () => {
    const [a, b, c] = [replica('ana'), replica('ben'), replica('cy')]
    const lee = unwrap(a.repo.create('contacts', person('ana', 'Lee')))
    unwrap(c.repo.create('contacts', person('cy', 'Park')))
    const ab = connect(a, b)
    const bc = connect(b, c)
    await settle(ab.link, bc.link)
    expect(state(a)).toBe(state(c))
    expect(state(b)).toBe(state(c))
    const later = unwrap(c.repo.create('contacts', person('zoe', 'Kim')))
    unwrap(a.repo.update('contacts', lee.id, { notes: 'a concurrent note' }))
    await settle(ab.link, bc.link)
    expect(a.repo.get('contacts', later.id)?.name.display).toBe('zoe Kim')
    expect(c.repo.get('contacts', lee.id)?.notes).toBe('a concurrent note')
    expect(state(a)).toBe(state(c))
    expect(state(b)).toBe(state(c))
  })

  it('an opt-out on one side stays in force after an edit on the other made while apart', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const dana = unwrap(a.repo.create('contacts', contact()))
    const first = connect(a, b)
    await settle(first.link)
    first.sa.stop()
    first.sb.stop()
    unwrap(a.repo.optOut(dana.id, { reason: 'Asked by phone to stop all contact' }))
    unwrap(
      b.repo.update('contacts', dana.id, {
        emails: [{ value: 'dana@newmail.example' }],
        notes: 'Re-imported',
      }),
    )
    const again = connect(a, b)
    await settle(again.link)
    for (const r of [a, b]) {
      expect(r.repo.optOutState(dana.id).isOptedOut).toBe(true)
      expect(r.repo.get('contacts', dana.id)?.notes).toBe('Re-imported')
    }
    expect(state(a)).toBe(state(b))
  })

  it('refuses a peer of another team: it gets the hello and nothing else', async () => {
    const a = replica('ana', 'team-1')
    const b = replica('ben', 'team-2')
    unwrap(a.repo.create('contacts', contact()))
    unwrap(b.repo.create('contacts', contact({ name: { display: 'Other Team' } })))
    const { link, sa, sb } = connect(a, b)
    await settle(link)
    expect(link.wire).toHaveLength(2)
    for (const s of [sa, sb]) {
      expect(s.status.isConnected).toBe(false)
      expect(s.status.problem).toMatch(/team/)
    }
    expect(a.repo.list('contacts')).toHaveLength(1)
    expect(b.repo.list('contacts')).toHaveLength(1)
  })

  it('drops malformed packets, counts them, and keeps syncing', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const errors: Error[] = []
    const { link, sa } = connect(a, b, {}, { onError: (e) => errors.push(e) })
    await settle(link)
    for (const junk of [[], [7], [0, 1, 200], [0, 1, 40, 2, 9, 9], [1, 5, 0, 1, 10, 3]])
      link.b.send(new Uint8Array(junk))
    await settle(link)
    expect(sa.status.rejected).toBe(5)
    expect(errors).toHaveLength(5)
    const dana = unwrap(b.repo.create('contacts', contact()))
    await settle(link)
    expect(a.repo.get('contacts', dana.id)).toBeDefined()
  })

  it('stops forwarding after stop()', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const { link, sa } = connect(a, b)
    await settle(link)
    sa.stop()
    unwrap(a.repo.create('contacts', contact()))
    await settle(link)
    expect(b.repo.list('contacts')).toHaveLength(0)
  })

  it('encodes the next answer only once the transport is ready for it', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    for (let i = 0; i < 60; i++) unwrap(a.repo.create('contacts', person(`client${i}`, 'Moreno')))
    const link = memoryLink()
    // Ana's side of the link says it is ready only when the test lets it.
    let letGo = () => {}
    const answers: number[] = []
    const gated = {
      ...link.a,
      send(packet: Uint8Array) {
        const f = packet[0] === 0 ? readFrame(packet.subarray(1)) : null
        if (f?.kind === 'sync' && decoding.readVarUint(f.decoder) === 1) answers.push(f.doc)
        link.a.send(packet)
      },
      ready: () => new Promise<void>((resolve) => (letGo = resolve)),
    }
    sessions.push(startSyncSession(a.docs, gated), startSyncSession(b.docs, link.b))
    await settle(link)
    expect(answers).toHaveLength(1) // ben asked for all 17 documents; one answer went
    for (let n = 2; n <= 17; n++) {
      letGo()
      await settle(link)
      expect(answers).toHaveLength(n)
    }
    expect(new Set(answers).size).toBe(17)
    expect(state(b)).toBe(state(a))
  })

  it('shares presence when given an awareness, and withdraws it on stop', async () => {
    const [a, b] = [createTeamDocs('t'), createTeamDocs('t')]
    const [wa, wb] = [new Awareness(a.team), new Awareness(b.team)]
    try {
      wa.setLocalState({ name: 'Ana', viewing: 'contacts' })
      const link = memoryLink()
      const sa = startSyncSession(a, link.a, { awareness: wa })
      const sb = startSyncSession(b, link.b, { awareness: wb })
      await settle(link)
      expect(wb.getStates().get(wa.clientID)).toEqual({ name: 'Ana', viewing: 'contacts' })
      wa.setLocalStateField('viewing', 'referrals')
      await settle(link)
      expect(wb.getStates().get(wa.clientID)?.viewing).toBe('referrals')
      sb.stop()
      expect(wb.getStates().has(wa.clientID)).toBe(false)
      sa.stop()
    } finally {
      wa.destroy()
      wb.destroy()
    }
  })
})
