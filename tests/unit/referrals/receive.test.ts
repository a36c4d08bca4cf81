import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { REWARD_DISCLOSURE, receiveReferral, tellTouchId } from '../../../shared/referrals'
import { referrerAndReferred } from './fixtures'

const T0 = Date.UTC(2026, 0, 5, 9)

describe('receiveReferral', () => {
  it('creates the referral at received, rewards the act of referring and plans the thank-you at once', () => {
    const { a, dana, sam } = referrerAndReferred()
    const got = unwrap(
      receiveReferral(a.repo, { referrerId: dana.id, referredId: sam.id, need: 'Buying a first home' }),
    )
    expect(got.referral).toMatchObject({
      referrerId: dana.id,
      referredId: sam.id,
      stage: 'received',
      stageAt: { received: T0 },
      receivedAt: T0,
      // defaults to the referrer's relationship type
      relationshipType: 'allied-resource',
    })
    expect(got.reward).toMatchObject({
      contactId: dana.id,
      referralId: got.referral.id,
      reason: 'referral-made',
      kind: 'gift',
      cost: 5000,
      day: '2026-01-05',
      given: false,
    })
    expect(got.touch).toMatchObject({
      id: tellTouchId(got.referral.id, 'received'),
      contactId: dana.id,
      due: '2026-01-05',
      channel: 'call',
      assignee: 'ana',
      title: 'Thank Dana for referring Sam',
    })
    expect(got.touch!.script).toContain('Thank you so much for introducing Sam, Dana!')
    expect(got.touch!.script).toContain(REWARD_DISCLOSURE)
    const timeline = a.repo.timeline.list(sam.id)
    expect(timeline.map((e) => [e.kind, e.summary, e.referralId])).toEqual([
      ['referral', 'Referred by Dana Whitfield: Buying a first home', got.referral.id],
    ])
  })

  it('refuses a person referring themself, unknown and deleted contacts, writing nothing', () => {
    const { a, dana, sam } = referrerAndReferred()
    const self = receiveReferral(a.repo, { referrerId: dana.id, referredId: dana.id, need: 'x' })
    expect(self).toEqual({
      ok: false,
      problems: [{ path: 'referredId', message: 'a person cannot refer themself' }],
    })
    const unknown = receiveReferral(a.repo, { referrerId: 'nobody', referredId: sam.id, need: 'x' })
    expect(!unknown.ok && unknown.problems[0]).toEqual({ path: 'referrerId', message: 'no contact nobody' })
    unwrap(a.repo.remove('contacts', sam.id))
    const deleted = receiveReferral(a.repo, { referrerId: dana.id, referredId: sam.id, need: 'x' })
    expect(!deleted.ok && deleted.problems[0]).toEqual({
      path: 'referredId',
      message: 'contact Sam Ortiz is deleted',
    })
    const empty = receiveReferral(a.repo, { referrerId: dana.id, referredId: 'c', need: '' })
    expect(empty.ok).toBe(false)
    expect(a.repo.list('referrals')).toHaveLength(0)
    expect(a.repo.list('rewards')).toHaveLength(0)
    expect(a.repo.list('touches')).toHaveLength(0)
  })

  it('a deterministic id makes receiving twice a no-op', () => {
    const { a, dana, sam } = referrerAndReferred()
    const input = { referrerId: dana.id, referredId: sam.id, need: 'Selling a condo' }
    const first = unwrap(receiveReferral(a.repo, input, { id: 'intro-1:referral' }))
    a.clock.advance(60_000)
    const again = unwrap(receiveReferral(a.repo, input, { id: 'intro-1:referral' }))
    expect(again.referral.receivedAt).toBe(first.referral.receivedAt)
    expect(a.repo.list('referrals')).toHaveLength(1)
    expect(a.repo.list('rewards')).toHaveLength(1)
    expect(a.repo.list('touches')).toHaveLength(1)
  })

  it('uses the team settings for the reward cost, and a free reward is a thank-you', () => {
    const { a, dana, sam } = referrerAndReferred()
    unwrap(a.repo.settings.update({ rewardCostReferrer: 0 }))
    const got = unwrap(receiveReferral(a.repo, { referrerId: dana.id, referredId: sam.id, need: 'Renting' }))
    expect(got.reward).toMatchObject({ cost: 0, kind: 'thank-you' })
  })

  it('honours the referrer opt-out: another channel, or no touch at all', () => {
    const { a, dana, sam } = referrerAndReferred()
    unwrap(a.repo.optOut(dana.id, { channel: 'call' }))
    const one = unwrap(receiveReferral(a.repo, { referrerId: dana.id, referredId: sam.id, need: 'A' }))
    expect(one.touch?.channel).toBe('text')
    unwrap(a.repo.optOut(dana.id, { channel: 'all' }))
    const two = unwrap(receiveReferral(a.repo, { referrerId: dana.id, referredId: sam.id, need: 'B' }))
    expect(two.touch).toBeUndefined()
    expect(two.touchSkipped).toBe('Dana Whitfield has opted out: no message is planned')
    // the act is still rewarded in the ledger
    expect(two.reward?.cost).toBe(5000)
  })
})
