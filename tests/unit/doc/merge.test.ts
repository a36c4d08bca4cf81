import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import {
  baseline,
  contact,
  deliver,
  permutations,
  recordUpdates,
  replica,
  snapshot,
  syncAll,
  type Replica,
} from '../helpers/team'

/** Three devices that share one contact, then go apart. */
function threeDevicesSharingAContact() {
  const [a, b, c] = [replica('ana'), replica('ben'), replica('cy')] as [Replica, Replica, Replica]
  const dana = unwrap(a.repo.create('contacts', contact()))
  syncAll(a, b, c)
  const base = baseline(a)
  const logs = [recordUpdates(a), recordUpdates(b), recordUpdates(c)]
  return { a, b, c, dana, logs, base }
}

/**
 * Starting from the shared baseline, a fresh device receives the devices' concurrent updates
 * in every order of senders (and each update twice); all end in one state, which `check` inspects.
 */
function mergeInEveryOrder(
  { logs, base }: { logs: ReturnType<typeof recordUpdates>[]; base: ReturnType<typeof baseline> },
  check: (r: Replica) => void,
) {
  const states = new Set<string>()
  for (const order of permutations(logs.map((_, i) => i))) {
    const r = replica('observer')
    deliver(r, base)
    for (const i of order) deliver(r, [...logs[i]!].reverse().concat(logs[i]!))
    check(r)
    states.add(snapshot(r))
  }
  expect(states.size).toBe(1)
}

describe('merge rules across devices', () => {
  it('concurrent edits to different fields of one contact both survive, in every order', () => {
    const devices = threeDevicesSharingAContact()
    const { a, b, c, dana } = devices
    unwrap(a.repo.update('contacts', dana.id, { phones: [{ value: '+15035550199', label: 'work' }] }))
    unwrap(b.repo.update('contacts', dana.id, { notes: 'Met at the Pearl District open house' }))
    unwrap(c.repo.update('contacts', dana.id, { tags: ['lender', 'golf'] }))
    mergeInEveryOrder(devices, (r) => {
      const d = r.repo.get('contacts', dana.id)!
      expect(d.phones).toEqual([{ value: '+15035550199', label: 'work' }])
      expect(d.notes).toBe('Met at the Pearl District open house')
      expect(d.tags).toEqual(['lender', 'golf'])
      expect(d.emails).toEqual(dana.emails)
    })
  })

  it('an opt-out wins over concurrent edits on other devices, in every order', () => {
    const devices = threeDevicesSharingAContact()
    const { a, b, c, dana } = devices
    unwrap(a.repo.optOut(dana.id, { reason: 'Asked by phone to stop all contact' }))
    unwrap(b.repo.update('contacts', dana.id, { emails: [{ value: 'dana@newmail.example' }] }))
    unwrap(
      c.repo.update('contacts', dana.id, { class: { met: true, relationshipType: 'advocate', circles: [] } }),
    )
    mergeInEveryOrder(devices, (r) => {
      expect(r.repo.optOutState(dana.id).isOptedOut).toBe(true)
      expect(r.repo.get('contacts', dana.id)!.emails).toEqual([{ value: 'dana@newmail.example' }])
    })
  })

  it('an opt-in clears only the opt-outs it names: a concurrent opt-out stays in force', () => {
    const { a, b, dana } = threeDevicesSharingAContact()
    const first = unwrap(a.repo.optOut(dana.id, { channel: 'email', reason: 'Unsubscribed from newsletter' }))
    syncAll(a, b)
    unwrap(a.repo.optIn(dana.id, { reason: 'Asked to be back on the newsletter at the closing' }))
    const concurrent = unwrap(b.repo.optOut(dana.id, { channel: 'call', reason: 'Do not call' }))
    syncAll(a, b)
    for (const r of [a, b]) {
      const s = r.repo.optOutState(dana.id)
      expect(s.isOptedOut).toBe(true)
      expect(s.active.map((e) => e.id)).toEqual([concurrent.id])
      expect(s.channels).toEqual(['call'])
      expect(s.active.some((e) => e.id === first.id)).toBe(false)
    }
  })

  it('later edits and imports on another device never clear an opt-out', () => {
    const { a, b, dana } = threeDevicesSharingAContact()
    unwrap(a.repo.optOut(dana.id, { reason: 'Stop' }))
    syncAll(a, b)
    b.repo.batch(() => {
      unwrap(b.repo.update('contacts', dana.id, { notes: 'Re-imported from Outlook' }))
    })
    syncAll(a, b)
    expect(a.repo.optOutState(dana.id).isOptedOut).toBe(true)
    expect(b.repo.optOutState(dana.id).isOptedOut).toBe(true)
  })

  it('an opt-out recorded at the same time on two devices needs an opt-in naming both', () => {
    const { a, b, dana } = threeDevicesSharingAContact()
    unwrap(a.repo.optOut(dana.id))
    unwrap(b.repo.optOut(dana.id))
    syncAll(a, b)
    expect(a.repo.optOutState(dana.id).active).toHaveLength(2)
    unwrap(a.repo.optIn(dana.id, { reason: 'Confirmed in writing' }))
    syncAll(a, b)
    expect(b.repo.optOutState(dana.id).isOptedOut).toBe(false)
  })

  it('an opt-in must be attributed and give a reason', () => {
    const { a, dana } = threeDevicesSharingAContact()
    unwrap(a.repo.optOut(dana.id))
    const r = a.repo.optIn(dana.id, { reason: '' })
    expect(!r.ok && r.problems[0]!.path).toBe('reason')
    expect(a.repo.optOutState(dana.id).isOptedOut).toBe(true)
    const opted = unwrap(a.repo.optIn(dana.id, { reason: 'Asked again' }))
    expect(opted.by).toBe('ana')
  })

  it('a concurrent edit does not resurrect a deleted contact, and restore brings all of it back', () => {
    const devices = threeDevicesSharingAContact()
    const { a, b, c, dana } = devices
    unwrap(a.repo.remove('contacts', dana.id))
    unwrap(b.repo.update('contacts', dana.id, { notes: 'Edited while offline' }))
    mergeInEveryOrder(devices, (r) => {
      const d = r.repo.get('contacts', dana.id)!
      expect(d.deleted).toMatchObject({ by: 'ana' })
      expect(r.repo.list('contacts')).toHaveLength(0)
      // the record is whole, not half: every field is still there
      expect(d.name.display).toBe('Dana Whitfield')
      expect(d.emails).toEqual(dana.emails)
    })
    syncAll(a, b, c)
    expect(c.repo.list('contacts')).toHaveLength(0)
    unwrap(c.repo.restore('contacts', dana.id))
    syncAll(a, b, c)
    for (const r of [a, b, c])
      expect(r.repo.list('contacts').map((x) => x.notes)).toEqual(['Edited while offline'])
  })

  it('interactions are append-only and order by time then id on every device', () => {
    const devices = threeDevicesSharingAContact()
    const { a, b, c, dana } = devices
    const at = Date.UTC(2026, 0, 6, 10)
    unwrap(a.repo.timeline.append({ contactId: dana.id, kind: 'call', at, summary: 'Left a voicemail' }))
    unwrap(
      b.repo.timeline.append({ contactId: dana.id, kind: 'email', at, summary: 'Sent the market report' }),
    )
    unwrap(
      c.repo.timeline.append({ contactId: dana.id, kind: 'note', at: at - 1, summary: 'Prefers mornings' }),
    )
    mergeInEveryOrder(devices, (r) => {
      const t = r.repo.timeline.list(dana.id)
      expect(t.map((x) => x.summary)).toEqual([
        'Prefers mornings',
        'Left a voicemail',
        'Sent the market report',
      ])
    })
  })

  it('two devices creating the same deterministic touch end with one', () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const input = {
      contactId: 'c1',
      due: '2026-01-12',
      channel: 'call',
      title: 'Call',
      assignee: 'ana',
    } as const
    unwrap(a.repo.create('touches', input, { id: 'enr-1:s1' }))
    unwrap(b.repo.create('touches', input, { id: 'enr-1:s1' }))
    syncAll(a, b)
    expect(a.repo.list('touches')).toHaveLength(1)
    expect(JSON.stringify(a.repo.list('touches'))).toBe(JSON.stringify(b.repo.list('touches')))
  })
})
