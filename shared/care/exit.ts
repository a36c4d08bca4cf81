import * as v from 'valibot'
import { check, fail, ok, type Repo, type Result } from '../doc'
import type { RecordOf } from '../model'
import { receiveReferral } from '../referrals'
import { addDays, dayOf } from '../plans'
import { liveIntro } from './lookup'

/** The deterministic id of an intro's follow-up touch. */
export const exitTouchId = (introId: string) => `${introId}:exit`

/** The deterministic id of the referral an intro that worked becomes. */
export const introReferralId = (introId: string) => `${introId}:referral`

const FollowUpDays = v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least one day'))

/** The day both parties had consented (the later consent), or undefined while one is missing. */
export function consentCompleteDay(intro: RecordOf<'intros'>): string | undefined {
  if (!intro.consentA || !intro.consentB) return undefined
  return dayOf(Math.max(intro.consentA.at, intro.consentB.at))
}

/**
 * Creates (or re-dates) the follow-up touch of an intro once both parties consented and an
 * exit is planned: id `${introId}:exit`, due on the consent-complete day plus the delay,
 * assigned to the acting member. Idempotent, so it is safe to call after every sync: when
 * the two consents were recorded on different devices, neither device saw both, and the
 * touch is made by the first call after they merged (both devices compute the same due day).
 * @returns the touch, or `undefined` while consent or the exit plan is missing
 */
export function ensureExitTouch(repo: Repo, introId: string): Result<RecordOf<'touches'> | undefined> {
  const found = liveIntro(repo, introId)
  if (!found.ok) return found
  const intro = found.value
  const start = consentCompleteDay(intro)
  if (!intro.exit || !start) return ok(undefined)
  const due = addDays(start, intro.exit.followUpDays)
  const id = exitTouchId(introId)
  const [a, b] = [repo.get('contacts', intro.partyA), repo.get('contacts', intro.partyB)]
  return repo.batch(() => {
    const existing = repo.get('touches', id)
    const touch = existing
      ? existing.status === 'pending' && existing.due !== due
        ? repo.update('touches', id, { due })
        : ok(existing)
      : repo.create(
          'touches',
          {
            contactId: intro.partyA,
            due,
            channel: 'call',
            title: `Follow up on the introduction of ${a?.name.display} and ${b?.name.display}`,
            script: 'Step back in: did the introduction work for both of you? Record the outcome.',
            assignee: repo.actor,
          },
          { id },
        )
    if (!touch.ok) return touch
    if (intro.exit!.touchId !== id) repo.update('intros', introId, { exit: { ...intro.exit!, touchId: id } })
    return ok(touch.value)
  })
}

/**
 * Plans the exit (CARE: Exit & evaluate): follow up `followUpDays` after both consented.
 * The touch is created now when both consents are in, or as soon as they are.
 * @returns the intro and the touch if made, or a problem naming `id` or `followUpDays`
 */
export function planExit(
  repo: Repo,
  introId: string,
  followUpDays: number,
): Result<{ intro: RecordOf<'intros'>; touch?: RecordOf<'touches'> }> {
  const found = liveIntro(repo, introId)
  if (!found.ok) return found
  const days = check(FollowUpDays, followUpDays, 'followUpDays')
  if (!days.ok) return days
  return repo.batch(() => {
    const exit = { ...found.value.exit, followUpDays: days.value }
    const updated = repo.update('intros', introId, { exit })
    if (!updated.ok) return updated
    const touch = ensureExitTouch(repo, introId)
    if (!touch.ok) return touch
    return ok({ intro: repo.get('intros', introId)!, touch: touch.value })
  })
}

/**
 * Who referred whom when an intro worked. The rule: the referrer is `requestedBy` when set,
 * otherwise party A (by convention the party who asked for the introduction); the referred
 * person is the other party — party B when the referrer is party A, party A when the
 * referrer is party B or a third person (party A's need is what the intro serves).
 */
export function introReferralParties(intro: RecordOf<'intros'>): { referrerId: string; referredId: string } {
  const referrerId = intro.requestedBy ?? intro.partyA
  return { referrerId, referredId: referrerId === intro.partyA ? intro.partyB : intro.partyA }
}

/**
 * Records whether an intro worked (CARE: Exit & evaluate) and closes its follow-up touch.
 * "worked" needs both consents and turns the intro into a referral (see
 * `introReferralParties`) with the deterministic id `${introId}:referral`, so two devices
 * evaluating at once make one referral (and one reward, one thank-you touch).
 * @returns the intro and its referral, or problems naming the field (nothing written)
 */
export function evaluateIntro(
  repo: Repo,
  introId: string,
  outcome: 'worked' | 'did-not' | 'unknown',
): Result<{ intro: RecordOf<'intros'>; referral?: RecordOf<'referrals'> }> {
  const found = liveIntro(repo, introId)
  if (!found.ok) return found
  const intro = found.value
  if (!['worked', 'did-not', 'unknown'].includes(outcome))
    return fail('outcome', `unknown outcome ${outcome}`)
  if (outcome === 'worked' && (!intro.consentA || !intro.consentB)) {
    return fail('outcome', 'an introduction can only have worked once both parties consented to it')
  }
  return repo.batch(() => {
    let referral: RecordOf<'referrals'> | undefined
    if (outcome === 'worked') {
      const made = receiveReferral(
        repo,
        { ...introReferralParties(intro), need: intro.need.text, introId },
        { id: introReferralId(introId) },
      )
      if (!made.ok) return made
      referral = made.value.referral
    }
    const updated = repo.update('intros', introId, {
      outcome,
      ...(referral ? { referralId: referral.id } : {}),
    })
    if (!updated.ok) return updated
    const touch = repo.get('touches', exitTouchId(introId))
    if (touch && touch.status === 'pending') {
      repo.update('touches', touch.id, { status: 'done', doneAt: repo.clock.now() })
    }
    for (const [party, contactId] of [
      ['A', intro.partyA],
      ['B', intro.partyB],
    ] as const) {
      repo.timeline.append(
        {
          contactId,
          kind: 'intro',
          at: repo.clock.now(),
          introId,
          summary: `Introduction evaluated: ${outcome}`,
        },
        { id: `${introId}:outcome:${outcome}:${party}` },
      )
    }
    return ok({ intro: updated.value, referral })
  })
}
