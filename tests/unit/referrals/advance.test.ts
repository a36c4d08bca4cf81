import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import {
  REWARD_DISCLOSURE,
  advanceReferral,
  receiveReferral,
  rewardsLedger,
  tellTouchId,
} from '../../../shared/referrals'
import { referrerAndReferred } from './fixtures'

const T0 = Date.UTC(2026, 0, 5, 9)
const DAY = 86_400_000

function received() {
  const { a, dana, sam } = referrerAndReferred()
  const { referral } = unwrap(
    receiveReferral(a.repo, { referrerId: dana.id, referredId: sam.id, need: 'First home' }),
  )
  return { a, dana, sam, id: referral.id }
}

describe('advanceReferral', () => {
  it('moves forward, records stageAt, appends an interaction and plans a positive message', () => {
    const { a, dana, sam, id } = received()
    a.clock.advance(DAY)
    const contacted = unwrap(advanceReferral(a.repo, id, 'contacted'))
    expect(contacted.referral.stage).toBe('contacted')
    expect(contacted.touch).toMatchObject({
      id: tellTouchId(id, 'contacted'),
      contactId: dana.id,
      due: '2026-01-06',
      title: 'Tell Dana the news about Sam: contacted',
    })
    expect(contacted.touch!.script).toBe(
      'Good news, Dana: Sam and I have connected and we are off to a great start. Thank you again for the introduction!',
    )
    expect(contacted.touch!.script).not.toContain(REWARD_DISCLOSURE)
    a.clock.advance(2 * DAY)
    const met = unwrap(advanceReferral(a.repo, id, 'appointment'))
    expect(met.touch!.script).toMatch(/^Great news — Sam and I met today/)
    expect(met.referral.stageAt).toEqual({ received: T0, contacted: T0 + DAY, appointment: T0 + 3 * DAY })
    expect(met.rewards).toEqual([])
    expect(a.repo.timeline.list(sam.id).map((e) => e.summary)).toEqual([
      'Referred by Dana Whitfield: First home',
      'Referral from Dana Whitfield moved to contacted',
      'Referral from Dana Whitfield moved to appointment',
    ])
  })

  it('may skip stages forward but never moves back or stays', () => {
    const { a, id } = received()
    unwrap(advanceReferral(a.repo, id, 'agreement'))
    const back = advanceReferral(a.repo, id, 'contacted')
    expect(back).toEqual({
      ok: false,
      problems: [{ path: 'stage', message: 'stages only move forward: contacted comes before agreement' }],
    })
    const same = advanceReferral(a.repo, id, 'agreement')
    expect(!same.ok && same.problems[0]!.message).toBe('the referral is already at agreement')
    expect(a.repo.get('referrals', id)!.stage).toBe('agreement')
  })

  it('closing needs a value, then rewards the referrer more than the referred person', () => {
    const { a, dana, sam, id } = received()
    const noValue = advanceReferral(a.repo, id, 'closed')
    expect(noValue).toEqual({
      ok: false,
      problems: [{ path: 'value', message: 'closing a referral needs the value of the deal, in cents' }],
    })
    const badValue = advanceReferral(a.repo, id, 'closed', { value: 12.5 })
    expect(!badValue.ok && badValue.problems[0]!.path).toBe('value')
    expect(a.repo.list('rewards')).toHaveLength(1)

    a.clock.advance(30 * DAY)
    const closed = unwrap(advanceReferral(a.repo, id, 'closed', { value: 45_000_000 }))
    expect(closed.referral).toMatchObject({ stage: 'closed', value: 45_000_000 })
    const [toReferrer, toReferred] = closed.rewards
    expect(toReferrer).toMatchObject({
      contactId: dana.id,
      reason: 'referral-closed',
      cost: 5000,
      day: '2026-02-04',
    })
    expect(toReferred).toMatchObject({ contactId: sam.id, reason: 'referral-closed', cost: 2500 })
    expect(toReferrer!.cost).toBeGreaterThan(toReferred!.cost)
    expect(closed.touch!.script).toContain('Sam has closed!')
    expect(closed.touch!.script).toContain(REWARD_DISCLOSURE)
    // the referrer earned twice (the act, the close), the referred person once
    const ledger = rewardsLedger(a.repo)
    expect(ledger.byContact).toEqual([
      { contactId: dana.id, count: 2, cost: 10_000, given: 0, pending: 10_000 },
      { contactId: sam.id, count: 1, cost: 2500, given: 0, pending: 2500 },
    ])
    expect(a.repo.timeline.list(sam.id).at(-1)!.summary).toBe(
      'Referral from Dana Whitfield moved to closed (450000.00 USD)',
    )
  })

  it('nothing moves out of closed or lost', () => {
    const { a, id } = received()
    unwrap(advanceReferral(a.repo, id, 'closed', { value: 100 }))
    expect(advanceReferral(a.repo, id, 'lost')).toEqual({
      ok: false,
      problems: [{ path: 'stage', message: 'the referral is closed: it cannot move to lost' }],
    })
    const other = received()
    unwrap(advanceReferral(other.a.repo, other.id, 'lost'))
    const again = advanceReferral(other.a.repo, other.id, 'contacted')
    expect(!again.ok && again.problems[0]!.message).toBe('the referral is lost: it cannot move to contacted')
  })

  it('lost, from any open stage, still thanks and credits the referrer, with no reward', () => {
    const { a, dana, id } = received()
    unwrap(advanceReferral(a.repo, id, 'under-contract'))
    const lost = unwrap(advanceReferral(a.repo, id, 'lost'))
    expect(lost.referral.stage).toBe('lost')
    expect(lost.rewards).toEqual([])
    expect(lost.touch!.contactId).toBe(dana.id)
    expect(lost.touch!.script).toBe(
      'Thank you again for introducing Sam, Dana. The timing was not right for them this time, but I truly ' +
        'appreciate you thinking of me, and I am always here for anyone you care about.',
    )
  })

  it('refuses an unknown, deleted or malformed move, naming the field', () => {
    const { a, id } = received()
    expect(!advanceReferral(a.repo, 'nope', 'contacted').ok).toBe(true)
    const bad = advanceReferral(a.repo, id, 'signed' as never)
    expect(!bad.ok && bad.problems[0]!.path).toBe('stage')
    unwrap(a.repo.remove('referrals', id))
    expect(advanceReferral(a.repo, id, 'contacted')).toEqual({
      ok: false,
      problems: [{ path: 'id', message: `referral ${id} is deleted` }],
    })
  })
})
