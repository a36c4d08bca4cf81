import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ContactPatch } from '../../../shared/model'
import { contact, deliver, recordUpdates, replica, snapshot, syncAll, type Replica } from '../helpers/team'

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 60)

const patches: ContactPatch[] = [
  { notes: 'Called about the spring listing' },
  { notes: 'Moved to Beaverton' },
  { tags: ['golf'] },
  { tags: ['first-time-buyer', 'vip'] },
  { phones: [{ value: '+15035550100' }] },
  { emails: [{ value: 'new@example.com' }] },
  { class: { met: true, relationshipType: 'core-advocate', circles: ['clients'] } },
  { name: { display: 'سارة العلي', given: 'سارة', family: 'العلي' } },
  { owner: undefined },
]

const op = fc.oneof(
  fc.record({ t: fc.constant('create' as const), at: fc.nat(2) }),
  fc.record({
    t: fc.constant('update' as const),
    at: fc.nat(2),
    pick: fc.nat(),
    patch: fc.nat(patches.length - 1),
  }),
  fc.record({ t: fc.constant('remove' as const), at: fc.nat(2), pick: fc.nat() }),
  fc.record({ t: fc.constant('restore' as const), at: fc.nat(2), pick: fc.nat() }),
  fc.record({ t: fc.constant('optOut' as const), at: fc.nat(2), pick: fc.nat() }),
  fc.record({ t: fc.constant('optIn' as const), at: fc.nat(2), pick: fc.nat() }),
  fc.record({ t: fc.constant('note' as const), at: fc.nat(2), pick: fc.nat() }),
  fc.record({
    t: fc.constant('deliver' as const),
    from: fc.nat(2),
    to: fc.nat(2),
    picks: fc.array(fc.nat(), { maxLength: 8 }),
  }),
)

function pickContact(r: Replica, n: number) {
  const all = r.repo.list('contacts', { includeDeleted: true })
  return all.length ? all[n % all.length] : undefined
}

describe('convergence (property)', () => {
  it('three devices with random operations and random, duplicated delivery converge', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 60 }), (ops) => {
        const devices = [replica('ana'), replica('ben'), replica('cy')]
        const logs = devices.map(recordUpdates)
        const optOutsMade: string[] = []
        for (const o of ops) {
          if (o.t === 'deliver') {
            const log = logs[o.from]!
            if (log.length)
              deliver(
                devices[o.to]!,
                o.picks.map((p) => log[p % log.length]!),
              )
            continue
          }
          const r = devices[o.at]!
          r.clock.advance(1000)
          if (o.t === 'create') {
            r.repo.create('contacts', contact())
            continue
          }
          const c = pickContact(r, o.pick)
          if (!c) continue
          if (o.t === 'update') r.repo.update('contacts', c.id, patches[o.patch]!)
          else if (o.t === 'remove') r.repo.remove('contacts', c.id)
          else if (o.t === 'restore') r.repo.restore('contacts', c.id)
          else if (o.t === 'optIn') r.repo.optIn(c.id, { reason: 'Asked to hear from us again' })
          else if (o.t === 'note')
            r.repo.timeline.append({ contactId: c.id, kind: 'note', at: r.clock.now(), summary: 'n' })
          else if (o.t === 'optOut') {
            const made = r.repo.optOut(c.id, { reason: 'Stop' })
            if (made.ok) optOutsMade.push(made.value.id)
          }
        }
        // Deliver everything, in reverse, twice over, then a full state exchange.
        for (const to of devices) for (const log of logs) deliver(to, [...log].reverse().concat(log))
        syncAll(...devices)

        const states = devices.map(snapshot)
        expect(states[1]).toBe(states[0])
        expect(states[2]).toBe(states[0])

        // An opt-out, once made, is never lost: it is in force, or an opt-in names it.
        const r = devices[0]!
        const active = new Set([...r.repo.optOutStates().values()].flatMap((s) => s.active.map((e) => e.id)))
        const cleared = new Set(
          [...r.docs.team.getMap('optIns').values()].flatMap(
            (e) => (e as { supersedes: string[] }).supersedes,
          ),
        )
        for (const id of optOutsMade) expect(active.has(id) || cleared.has(id)).toBe(true)
      }),
      { numRuns: NUM_RUNS },
    )
  })
})
