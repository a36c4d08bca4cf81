import type { RecordOf } from '../model'
import { dayOf as day } from '../plans'

/** One CARE item: done or missing, and why. */
export interface CareItem {
  key: 'consent' | 'actual' | 'relevant' | 'exit'
  label: string
  status: 'done' | 'missing'
  why: string
}

/**
 * The CARE checklist (004) of an intro: Consent (each party, separately), Actual (a need now
 * or soon), Relevant (why it helps both), Exit & evaluate (a follow-up planned, or the
 * outcome recorded). Pure: reads only the intro.
 */
export function careChecklist(intro: RecordOf<'intros'>): [CareItem, CareItem, CareItem, CareItem] {
  const { consentA, consentB, need, relevance, exit, outcome } = intro
  const missingConsent = [!consentA && 'A', !consentB && 'B'].filter(Boolean)
  const consent: CareItem = {
    key: 'consent',
    label: 'Consent',
    status: missingConsent.length ? 'missing' : 'done',
    why: missingConsent.length
      ? `Party ${missingConsent.join(' and party ')} ${missingConsent.length > 1 ? 'have' : 'has'} not consented yet: ask each separately and privately`
      : `Both agreed separately: A by ${consentA!.how} on ${day(consentA!.at)}, B by ${consentB!.how} on ${day(consentB!.at)}`,
  }
  const actual: CareItem = {
    key: 'actual',
    label: 'Actual',
    status: need.urgency === 'later' ? 'missing' : 'done',
    why:
      need.urgency === 'later'
        ? 'The need is not immediate or imminent: wait until it is'
        : `The need is ${need.urgency === 'now' ? 'immediate' : 'imminent'}: ${need.text}`,
  }
  const relevant: CareItem = {
    key: 'relevant',
    label: 'Relevant',
    status: relevance?.trim() ? 'done' : 'missing',
    why: relevance?.trim() ? relevance.trim() : 'Say why this introduction helps both sides',
  }
  const evaluated = outcome && outcome !== 'pending'
  const exitItem: CareItem = {
    key: 'exit',
    label: 'Exit & evaluate',
    status: evaluated || exit?.touchId ? 'done' : 'missing',
    why: evaluated
      ? `Evaluated: ${outcome}`
      : exit?.touchId
        ? `Follow-up planned ${exit.followUpDays} days after both consented; outcome pending`
        : exit
          ? `A follow-up after ${exit.followUpDays} days is planned; it is scheduled once both have consented`
          : 'Plan when to step back in and record whether it worked',
  }
  return [consent, actual, relevant, exitItem]
}

/** The method and details of a preferred contact written as `method: details`. */
export function parsePreferredContact(text: string | undefined): { method?: string; details?: string } {
  const m =
    /^\s*(call|phone|text|sms|email|e-mail|whatsapp|signal|linkedin|video|mail|in person|in-person)\b[\s:,;–—-]*(.*)$/i.exec(
      text ?? '',
    )
  if (!m) return { details: text?.trim() || undefined }
  return { method: m[1]!.toLowerCase(), details: m[2]!.trim() || undefined }
}

/** One item of the good-referral checklist. */
export interface ChecklistItem {
  key: string
  label: string
}

/** How complete the good-referral checklist is: filled of total, and what is missing. */
export interface Completeness {
  filled: number
  total: number
  missing: ChecklistItem[]
}

/**
 * The good-referral checklist (004) of an intro: who was referred; for every party the
 * preferred contact method and its details (written `method: details`, e.g.
 * `text: +1 503 555 0142`) and the best time to reach them; the product or service of
 * interest; how to book a meeting; the budget. Ten items.
 */
export function goodReferralCompleteness(intro: RecordOf<'intros'>): Completeness {
  const c = intro.checklist
  const [a, b] = [parsePreferredContact(c.preferredContactA), parsePreferredContact(c.preferredContactB)]
  const items: [ChecklistItem, unknown][] = [
    [{ key: 'referred', label: 'Who was referred' }, intro.partyA && intro.partyB],
    [{ key: 'contactMethodA', label: 'Party A: preferred contact method' }, a.method],
    [{ key: 'contactDetailsA', label: 'Party A: contact details' }, a.details],
    [{ key: 'contactMethodB', label: 'Party B: preferred contact method' }, b.method],
    [{ key: 'contactDetailsB', label: 'Party B: contact details' }, b.details],
    [{ key: 'bestTimeA', label: 'Party A: best time to reach' }, c.bestTimeA?.trim()],
    [{ key: 'bestTimeB', label: 'Party B: best time to reach' }, c.bestTimeB?.trim()],
    [{ key: 'productOrService', label: 'Product or service of interest' }, c.productOrService?.trim()],
    [{ key: 'howToBook', label: 'Best way to book a meeting' }, c.howToBook?.trim()],
    [{ key: 'budget', label: 'Budget' }, c.budget?.trim()],
  ]
  const missing = items.filter(([, value]) => !value).map(([item]) => item)
  return { filled: items.length - missing.length, total: items.length, missing }
}
