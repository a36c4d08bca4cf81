import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { startSyncSession } from '../../../shared/sync'
import { contact, replica, type Replica } from '../helpers/team'
import { state } from './same-state'
import { memoryLink, settle, type MemoryLink } from './memory-transport'

const NUM_RUNS = Math.max(1, Math.round(Number(process.env.FC_NUM_RUNS ?? 60) / 4))

const op = fc.oneof(
  fc.record({ t: fc.constant('create' as const), at: fc.nat(2) }),
  fc.record({ t: fc.constant('update' as const), at: fc.nat(2), pick: fc.nat(), note: fc.nat(5) }),
  fc.record({ t: fc.constant('remove' as const), at: fc.nat(2), pick: fc.nat() }),
  fc.record({ t: fc.constant('optOut' as const), at: fc.nat(2), pick: fc.nat() }),
  fc.record({ t: fc.constant('link' as const), which: fc.nat(1), isOnline: fc.boolean() }),
  fc.record({ t: fc.constant('wait' as const) }),
)

function pickContact(r: Replica, n: number) {
  const all = r.repo.list('contacts', { includeDeleted: true })
  return all.length ? all[n % all.length] : undefined
}

describe('sync sessions (property)', () => {
  it(
    'three devices in a line, links going down and up at random, converge and keep every opt-out',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), fc.nat(3), async (ops, delay) => {
          const devices = [replica('ana'), replica('ben'), replica('cy')]
          const links: MemoryLink[] = [memoryLink({ delayMs: delay }), memoryLink()]
          const sessions = links.flatMap((l, i) => [
            startSyncSession(devices[i]!.docs, l.a),
            startSyncSession(devices[i + 1]!.docs, l.b),
          ])
          const optOutsMade: string[] = []
          try {
            for (const o of ops) {
              if (o.t === 'link') links[o.which]!.setOnline(o.isOnline)
              else if (o.t === 'wait') await settle(...links)
              else {
                const r = devices[o.at]!
                r.clock.advance(1000)
                const c = pickContact(r, o.t === 'create' ? 0 : o.pick)
                if (o.t === 'create') r.repo.create('contacts', contact())
                else if (!c) continue
                else if (o.t === 'update') r.repo.update('contacts', c.id, { notes: `note ${o.note}` })
                else if (o.t === 'remove') r.repo.remove('contacts', c.id)
                else {
                  const made = r.repo.optOut(c.id, { reason: 'Stop' })
                  if (made.ok) optOutsMade.push(made.value.id)
                }
              }
            }
            for (const l of links) l.setOnline(true)
            await settle(...links)
            for (const s of sessions) s.resync()
            await settle(...links)
            const states = devices.map(state)
            expect(states[1]).toBe(states[0])
            expect(states[2]).toBe(states[0])
            for (const r of devices) {
              const active = new Set(
                [...r.repo.optOutStates().values()].flatMap((s) => s.active.map((e) => e.id)),
              )
              for (const id of optOutsMade) expect(active.has(id)).toBe(true)
            }
          } finally {
            for (const s of sessions) s.stop()
          }
        }),
        { numRuns: NUM_RUNS },
      )
    },
    Math.max(120_000, NUM_RUNS * 1000),
  )
})
