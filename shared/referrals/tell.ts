import type { Repo } from '../doc'
import type { Channel, RecordOf, ReferralStage } from '../model'
import { dayOf, isBlocked } from '../plans'

/**
 * What the referrer is told at each stage (000: progress, in positive terms). The templates
 * carry no price, no need and no detail of the referred person's affairs: only that things
 * move, so the referred person's confidence is kept (Ethics). Merge fields:
 * `{referrerFirstName}`, `{referredFirstName}`.
 */
export const TELL_TEMPLATES: Record<ReferralStage, string> = {
  received:
    'Thank you so much for introducing {referredFirstName}, {referrerFirstName}! I will reach out right ' +
    'away and take great care of them. A small thank-you is on its way to you.',
  contacted:
    'Good news, {referrerFirstName}: {referredFirstName} and I have connected and we are off to a great ' +
    'start. Thank you again for the introduction!',
  appointment:
    'Great news — {referredFirstName} and I met today and it went really well. I am grateful you ' +
    'connected us, {referrerFirstName}.',
  agreement:
    'Exciting update, {referrerFirstName}: {referredFirstName} and I are now officially working ' +
    'together. None of this happens without you — thank you!',
  'under-contract':
    'Wonderful news — {referredFirstName} is under contract! Thank you for trusting me with someone you ' +
    'care about, {referrerFirstName}.',
  closed:
    'We did it, {referrerFirstName} — {referredFirstName} has closed! Thank you for the referral; a ' +
    'thank-you gift is on its way to you.',
  lost:
    'Thank you again for introducing {referredFirstName}, {referrerFirstName}. The timing was not right ' +
    'for them this time, but I truly appreciate you thinking of me, and I am always here for anyone you ' +
    'care about.',
}

/**
 * The disclosure of a financial interest (Ethics: disclose rewards for referrals). It is
 * appended to the tell-the-referrer script of every stage that earns a reward (`received`,
 * `closed`), so the referrer knows the gift is a disclosed thank-you, never a hidden fee.
 */
export const REWARD_DISCLOSURE =
  'In the spirit of full disclosure: I thank everyone who refers someone to me with a small gift, and ' +
  'I let the people referred to me know that I do.'

/** Stages whose move earns a reward, and so whose message carries `REWARD_DISCLOSURE`. */
export const REWARD_STAGES: readonly ReferralStage[] = ['received', 'closed']

/** Channels tried in order for the message; an opted-out channel is skipped. */
const TELL_CHANNELS: readonly Channel[] = ['call', 'text', 'email', 'card']

/** A contact's first name: the given name, else the first word of the display name. */
export function firstName(c: RecordOf<'contacts'> | undefined): string {
  return c?.name.given?.trim() || c?.name.display.trim().split(/\s+/)[0] || 'there'
}

/** Fills a template's `{field}` merge fields; unknown fields stay as written. */
export function fillTemplate(template: string, fields: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => fields[k] ?? all)
}

/** The script for telling the referrer about `stage`, with the disclosure on reward stages. */
export function tellScript(
  stage: ReferralStage,
  names: { referrerFirstName: string; referredFirstName: string },
) {
  const text = fillTemplate(TELL_TEMPLATES[stage], names)
  return REWARD_STAGES.includes(stage) ? `${text}\n\n${REWARD_DISCLOSURE}` : text
}

/** The deterministic id of the tell-the-referrer touch for one stage: one per stage, on every device. */
export const tellTouchId = (referralId: string, stage: ReferralStage) => `${referralId}:tell:${stage}`

/**
 * Creates the "tell the referrer" touch for a stage (inside the caller's batch), due today,
 * for the referral's member or else the acting member. An opt-out is honoured: an opted-out
 * channel is skipped, and a referrer opted out of everything gets no touch (`skipped` says why).
 */
export function createTellTouch(
  repo: Repo,
  referral: RecordOf<'referrals'>,
  stage: ReferralStage,
): { touch?: RecordOf<'touches'>; skipped?: string } {
  const referrer = repo.get('contacts', referral.referrerId)
  const referred = repo.get('contacts', referral.referredId)
  const optOut = repo.optOutState(referral.referrerId)
  const channel = TELL_CHANNELS.find((c) => !isBlocked(optOut.channels, c))
  if (!channel)
    return { skipped: `${referrer?.name.display ?? 'the referrer'} has opted out: no message is planned` }
  const names = { referrerFirstName: firstName(referrer), referredFirstName: firstName(referred) }
  const title =
    stage === 'received'
      ? `Thank ${names.referrerFirstName} for referring ${names.referredFirstName}`
      : `Tell ${names.referrerFirstName} the news about ${names.referredFirstName}: ${stage}`
  const r = repo.create(
    'touches',
    {
      contactId: referral.referrerId,
      due: dayOf(repo.clock.now()),
      channel,
      title,
      script: tellScript(stage, names),
      assignee: referral.memberId ?? repo.actor,
    },
    { id: tellTouchId(referral.id, stage) },
  )
  return r.ok ? { touch: r.value } : { skipped: r.problems.map((p) => p.message).join('; ') }
}
