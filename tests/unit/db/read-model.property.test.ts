import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dumpReadModel, rebuildReadModel, startProjector } from '../../../shared/db'
import type { ContactPatch } from '../../../shared/model'
import { contact, deliver, recordUpdates, replica, syncAll, type Replica } from '../helpers/team'
import { freshReadModel } from './read-model'

// Each run opens fake IndexedDBs, so a quarter of the document property's runs.
const NUM_RUNS = Math.ceil(Number(process.env.FC_NUM_RUNS ?? 60) / 4)

const patches: ContactPatch[] = [
  { tags: ['golf'] },
  { phones: [{ value: '+15035550100' }] },
  { emails: [{ value: 'New@Example.com' }] },
  { name: { display: 'سارة العلي', given: 'سارة', family: 'العلي' } },
  { name: { display: 'José Núñez' } },
  { class: { met: false, circles: [] } },
]

const device = fc.nat(2)
const op = fc.oneof(
  fc.record({ t: fc.constant('create' as const), at: device }),
  fc.record({
    t: fc.constant('update' as const),
    at: device,
    pick: fc.nat(),
    patch: fc.nat(patches.length - 1),
  }),
  fc.record({ t: fc.constant('remove' as const), at: device, pick: fc.nat() }),
  fc.record({ t: fc.constant('restore' as const), at: device, pick: fc.nat() }),
  fc.record({ t: fc.constant('optOut' as const), at: device, pick: fc.nat() }),
  fc.record({ t: fc.constant('optIn' as const), at: device, pick: fc.nat() }),
  fc.record({
    t: fc.constant('touch' as const),
    at: device,
    pick: fc.nat(),
    day: fc.integer({ min: 10, max: 28 }),
  }),
  fc.record({ t: fc.constant('doneTouch' as const), at: device, pick: fc.nat() }),
  fc.record({ t: fc.constant('flush' as const), at: device }),
  fc.record({
    t: fc.constant('deliver' as const),
    from: device,
    to: device,
    picks: fc.array(fc.nat(), { maxLength: 6 }),
  }),
)

function pick<T>(xs: T[], n: number): T | undefined {
  return xs.length ? xs[n % xs.length] : undefined
}

describe('read model convergence (property)', () => {
  it(
    'devices with random operations, deliveries and flushes end with identical read models',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
          const devices: Replica[] = [replica('ana'), replica('ben'), replica('cy')]
          const logs = devices.map(recordUpdates)
          const dbs = devices.map(() => freshReadModel())
          const projectors = devices.map((r, i) => startProjector(r.docs, dbs[i]!))
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
            const contacts = r.repo.list('contacts', { includeDeleted: true })
            const c = pick(contacts, 'pick' in o ? o.pick : 0)
            if (o.t === 'flush') await projectors[o.at]!.flush()
            else if (o.t === 'create') r.repo.create('contacts', contact())
            else if (!c) continue
            else if (o.t === 'update') r.repo.update('contacts', c.id, patches[o.patch]!)
            else if (o.t === 'remove') r.repo.remove('contacts', c.id)
            else if (o.t === 'restore') r.repo.restore('contacts', c.id)
            else if (o.t === 'optOut') r.repo.optOut(c.id, { channel: 'email' })
            else if (o.t === 'optIn') r.repo.optIn(c.id, { reason: 'Asked to hear from us again' })
            else if (o.t === 'touch') {
              const due = `2026-02-${o.day}`
              r.repo.create('touches', {
                contactId: c.id,
                due,
                channel: 'call',
                title: 'Call',
                assignee: r.actor,
              })
            } else if (o.t === 'doneTouch') {
              const t = pick(r.repo.list('touches'), o.pick)
              if (t) r.repo.update('touches', t.id, { status: 'done' })
            }
          }
          syncAll(...devices)
          await Promise.all(projectors.map((p) => p.flush()))
          const dumps = await Promise.all(dbs.map((db) => dumpReadModel(db)))
          const scratch = freshReadModel()
          await rebuildReadModel(devices[0]!.docs, scratch)
          const expected = JSON.stringify(await dumpReadModel(scratch))
          for (const d of dumps) expect(JSON.stringify(d)).toBe(expected)
          const optedOut = new Set([...devices[0]!.repo.optOutStates().keys()])
          for (const row of dumps[0]!.contacts) expect(row.optedOut === 1).toBe(optedOut.has(row.id))
          projectors.forEach((p) => p.stop())
          await Promise.all([...dbs, scratch].map((db) => db.delete()))
        }),
        { numRuns: NUM_RUNS },
      )
    },
    Math.max(60_000, NUM_RUNS * 2_000),
  )
})
