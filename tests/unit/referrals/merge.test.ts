import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import {
  advanceReferral,
  receiveReferral,
  reconcileReferral,
  referralView,
  tellTouchId,
} from '../../../shared/referrals'
import { baseline, deliver, permutations, recordUpdates, replica, syncAll } from '../helpers/team'
import { twoDevices } from './fixtures'

const T0 = Date.UTC(2026, 0, 5, 9)
const HOUR = 3_600_000

/** Ana and Ben share one received referral, then go offline. */
function sharedReferral() {
  const { a, b, dana, sam } = twoDevices()
  const { referral } = unwrap(
    receiveReferral(a.repo, { referrerId: dana.id, referredId: sam.id, need: 'Condo' }),
  )
  syncAll(a, b)
  return { a, b, dana, sam, id: referral.id }
}

const tellTouches = (r: ReturnType<typeof replica>, id: string) =>
  r.repo
    .list('touches')
    .filter((t) => t.id.startsWith(`${id}:tell:`))
    .map((t) => [t.id, t.status])

describe('referrals across devices', () => {
  it('concurrent moves to different stages end at the furthest one on both devices', () => {
    const { a, b, id } = sharedReferral()
    a.clock.advance(HOUR)
    b.clock.advance(2 * HOUR)
    unwrap(advanceReferral(a.repo, id, 'contacted'))
    unwrap(advanceReferral(b.repo, id, 'appointment'))
    syncAll(a, b)
    for (const r of [a, b]) {
      const v = referralView(r.repo, id)!
      expect(v.stage).toBe('appointment')
      // the stageAt record is one Yjs key: the plain field lost one write, the derivation did not
      expect(v.stageAt).toEqual({ received: T0, contacted: T0 + HOUR, appointment: T0 + 2 * HOUR })
      expect(tellTouches(r, id)).toEqual([
        [tellTouchId(id, 'appointment'), 'pending'],
        [tellTouchId(id, 'contacted'), 'pending'],
        [tellTouchId(id, 'received'), 'pending'],
      ])
    }
    // reconciling on both devices at once writes the same values: the plain fields converge
    unwrap(reconcileReferral(a.repo, id))
    unwrap(reconcileReferral(b.repo, id))
    syncAll(a, b)
    for (const r of [a, b]) {
      const stored = r.repo.get('referrals', id)!
      expect([stored.stage, stored.stageAt]).toEqual(['appointment', referralView(r.repo, id)!.stageAt])
    }
    // and the next move starts from the merged stage
    expect(!advanceReferral(a.repo, id, 'contacted').ok).toBe(true)
  })

  it('the same stage reached on two devices makes one message, timed at the earlier move', () => {
    const { a, b, id } = sharedReferral()
    a.clock.advance(3 * HOUR)
    b.clock.advance(HOUR)
    unwrap(advanceReferral(a.repo, id, 'contacted'))
    unwrap(advanceReferral(b.repo, id, 'contacted'))
    syncAll(a, b)
    for (const r of [a, b]) {
      expect(r.repo.list('touches').filter((t) => t.id === tellTouchId(id, 'contacted'))).toHaveLength(1)
      expect(referralView(r.repo, id)!.stageAt.contacted).toBe(T0 + HOUR)
    }
    expect(JSON.stringify(a.repo.list('touches'))).toBe(JSON.stringify(b.repo.list('touches')))
  })

  it('a close beats a concurrent loss; the loss message is cancelled and nothing moves after', () => {
    const { a, b, id } = sharedReferral()
    unwrap(advanceReferral(a.repo, id, 'lost'))
    unwrap(advanceReferral(b.repo, id, 'closed', { value: 30_000_000 }))
    syncAll(a, b)
    for (const r of [a, b]) {
      const v = referralView(r.repo, id)!
      expect(v.stage).toBe('closed')
      expect(v.stageAt).not.toHaveProperty('lost')
      expect(r.repo.list('rewards').filter((w) => w.reason === 'referral-closed')).toHaveLength(2)
    }
    unwrap(reconcileReferral(a.repo, id))
    syncAll(a, b)
    expect(b.repo.get('touches', tellTouchId(id, 'lost'))!.status).toBe('cancelled')
    expect(b.repo.get('touches', tellTouchId(id, 'closed'))!.status).toBe('pending')
    const after = advanceReferral(b.repo, id, 'lost')
    expect(!after.ok && after.problems[0]!.message).toBe('the referral is closed: it cannot move to lost')
  })

  it('a loss beats concurrent progress', () => {
    const { a, b, id } = sharedReferral()
    unwrap(advanceReferral(a.repo, id, 'lost'))
    unwrap(advanceReferral(b.repo, id, 'under-contract'))
    syncAll(a, b)
    expect([referralView(a.repo, id)!.stage, referralView(b.repo, id)!.stage]).toEqual(['lost', 'lost'])
  })

  it('every delivery order of three devices gives the same referral', () => {
    const { a, b, id } = sharedReferral()
    const c = replica('cy')
    syncAll(a, b, c)
    const base = baseline(a)
    const logs = [recordUpdates(a), recordUpdates(b), recordUpdates(c)]
    unwrap(advanceReferral(a.repo, id, 'contacted'))
    unwrap(advanceReferral(b.repo, id, 'agreement'))
    unwrap(advanceReferral(c.repo, id, 'appointment'))
    const views = new Set<string>()
    for (const order of permutations([0, 1, 2])) {
      const r = replica('observer')
      deliver(r, base)
      for (const i of order) deliver(r, logs[i]!)
      const v = referralView(r.repo, id)!
      expect(v.stage).toBe('agreement')
      views.add(JSON.stringify([v.stage, v.stageAt, r.repo.list('touches').map((t) => t.id)]))
    }
    expect(views.size).toBe(1)
  })
})
