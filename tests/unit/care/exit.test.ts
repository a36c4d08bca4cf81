import { describe, expect, it } from 'vitest'
import {
  createIntro,
  ensureExitTouch,
  evaluateIntro,
  exitTouchId,
  introReferralId,
  planExit,
  recordConsent,
} from '../../../shared/care'
import { unwrap } from '../../../shared/doc'
import { rewardId, tellTouchId } from '../../../shared/referrals'
import { replica, syncAll } from '../helpers/team'
import { mortgageNeed, people } from './fixtures'

const DAY = 86_400_000

function intro(extra: { requestedBy?: 'priya' | 'partyB' } = {}) {
  const p = people()
  const requestedBy = extra.requestedBy === 'priya' ? p.priya.id : extra.requestedBy ? p.dana.id : undefined
  const i = unwrap(
    createIntro(p.a.repo, { partyA: p.sam.id, partyB: p.dana.id, need: mortgageNeed, requestedBy }),
  )
  return { ...p, id: i.id }
}

const consentBoth = (repo: ReturnType<typeof replica>['repo'], id: string) => {
  unwrap(recordConsent(repo, id, 'A', { how: 'call' }))
  unwrap(recordConsent(repo, id, 'B', { how: 'call' }))
}

describe('planExit', () => {
  it('schedules the follow-up from the day the second party consented', () => {
    const { a, sam, id } = intro()
    const planned = unwrap(planExit(a.repo, id, 14))
    expect(planned.touch).toBeUndefined() // no consent yet: nothing to follow up
    unwrap(recordConsent(a.repo, id, 'A', { how: 'call' })) // 2026-01-05
    expect(a.repo.list('touches')).toHaveLength(0)
    a.clock.advance(2 * DAY)
    a.clock.advance(2 * DAY)
    unwrap(recordConsent(a.repo, id, 'B', { how: 'email' })) // 2026-01-09
    const touch = a.repo.get('touches', exitTouchId(id))!
    expect(touch).toMatchObject({ contactId: sam.id, due: '2026-01-23', assignee: 'ana', status: 'pending' })
    expect(touch.title).toBe('Follow up on the introduction of Sam Ortiz and Dana Whitfield')
    expect(a.repo.get('intros', id)!.exit).toEqual({ followUpDays: 14, touchId: exitTouchId(id) })
    // re-planning moves the pending touch
    expect(unwrap(planExit(a.repo, id, 30)).touch!.due).toBe('2026-02-08')
    expect(a.repo.list('touches')).toHaveLength(1)
  })

  it('refuses a delay under one whole day', () => {
    const { a, id } = intro()
    expect(!planExit(a.repo, id, 0).ok).toBe(true)
    expect(!planExit(a.repo, id, 1.5).ok).toBe(true)
    expect(!planExit(a.repo, 'nope', 7).ok).toBe(true)
  })

  it('consents on two devices: after they merge, both make the same one touch', () => {
    const { a, id } = intro()
    unwrap(planExit(a.repo, id, 7))
    const b = replica('ben')
    syncAll(a, b)
    unwrap(recordConsent(a.repo, id, 'A', { how: 'call' }))
    b.clock.advance(DAY)
    unwrap(recordConsent(b.repo, id, 'B', { how: 'call' }))
    syncAll(a, b)
    expect(a.repo.list('touches')).toHaveLength(0) // neither device saw both consents
    expect(unwrap(ensureExitTouch(a.repo, id))!.due).toBe('2026-01-13')
    expect(unwrap(ensureExitTouch(b.repo, id))!.due).toBe('2026-01-13')
    syncAll(a, b)
    expect(a.repo.list('touches').map((t) => [t.id, t.due])).toEqual([[exitTouchId(id), '2026-01-13']])
    expect(JSON.stringify(a.repo.list('touches'))).toBe(JSON.stringify(b.repo.list('touches')))
  })
})

describe('evaluateIntro', () => {
  it('"worked" needs both consents', () => {
    const { a, id } = intro()
    unwrap(recordConsent(a.repo, id, 'A', { how: 'call' }))
    expect(evaluateIntro(a.repo, id, 'worked')).toEqual({
      ok: false,
      problems: [
        {
          path: 'outcome',
          message: 'an introduction can only have worked once both parties consented to it',
        },
      ],
    })
    expect(a.repo.list('referrals')).toHaveLength(0)
  })

  it('"worked" makes a linked referral: with no requester, party A referred party B', () => {
    const { a, sam, dana, id } = intro()
    unwrap(planExit(a.repo, id, 14))
    consentBoth(a.repo, id)
    const { intro: done, referral } = unwrap(evaluateIntro(a.repo, id, 'worked'))
    expect(referral).toMatchObject({
      id: introReferralId(id),
      referrerId: sam.id,
      referredId: dana.id,
      need: mortgageNeed.text,
      introId: id,
      stage: 'received',
    })
    expect(done).toMatchObject({ outcome: 'worked', referralId: introReferralId(id) })
    expect(a.repo.get('touches', exitTouchId(id))!.status).toBe('done')
    // the referral came with its reward and thank-you touch
    expect(a.repo.get('rewards', rewardId(referral!.id, 'made'))!.contactId).toBe(sam.id)
    expect(a.repo.get('touches', tellTouchId(referral!.id, 'received'))!.contactId).toBe(sam.id)
  })

  it('the requester is the referrer: a party (the other is referred) or a third person (A is referred)', () => {
    const byB = intro({ requestedBy: 'partyB' })
    consentBoth(byB.a.repo, byB.id)
    const r1 = unwrap(evaluateIntro(byB.a.repo, byB.id, 'worked')).referral!
    expect([r1.referrerId, r1.referredId]).toEqual([byB.dana.id, byB.sam.id])
    const byPriya = intro({ requestedBy: 'priya' })
    consentBoth(byPriya.a.repo, byPriya.id)
    const r2 = unwrap(evaluateIntro(byPriya.a.repo, byPriya.id, 'worked')).referral!
    expect([r2.referrerId, r2.referredId]).toEqual([byPriya.priya.id, byPriya.sam.id])
  })

  it('"did-not" and "unknown" make no referral', () => {
    const { a, id } = intro()
    expect(unwrap(evaluateIntro(a.repo, id, 'did-not')).referral).toBeUndefined()
    expect(unwrap(evaluateIntro(a.repo, id, 'unknown')).intro.outcome).toBe('unknown')
    expect(a.repo.list('referrals')).toHaveLength(0)
    expect(!evaluateIntro(a.repo, id, 'maybe' as never).ok).toBe(true)
  })

  it('two devices evaluating "worked" at once make one referral, one reward and one touch', () => {
    const { a, id } = intro()
    consentBoth(a.repo, id)
    const b = replica('ben')
    syncAll(a, b)
    b.clock.advance(DAY)
    unwrap(evaluateIntro(a.repo, id, 'worked'))
    unwrap(evaluateIntro(b.repo, id, 'worked'))
    syncAll(a, b)
    for (const r of [a, b]) {
      expect(r.repo.list('referrals').map((x) => x.id)).toEqual([introReferralId(id)])
      expect(r.repo.list('rewards')).toHaveLength(1)
      expect(r.repo.list('touches').filter((t) => t.id.includes(':tell:'))).toHaveLength(1)
      expect(r.repo.get('intros', id)!.referralId).toBe(introReferralId(id))
    }
    expect(JSON.stringify(a.repo.list('referrals'))).toBe(JSON.stringify(b.repo.list('referrals')))
  })
})
