import { fail, ok, type Problem, type Repo, type Result } from '../doc'
import type { RecordOf } from '../model'
import { firstName } from '../referrals'
import { liveContact, liveIntro, type IntroParty } from './lookup'

/**
 * The privacy rule (004): neither party's name or details reach the other until BOTH have
 * consented. One problem per missing consent, naming whose details are held back.
 */
export function consentGate(intro: RecordOf<'intros'>): Result<void> {
  const problems: Problem[] = []
  if (!intro.consentA) {
    problems.push({
      path: 'consentA',
      message: 'Party A has not consented yet: their details cannot be shared with party B',
    })
  }
  if (!intro.consentB) {
    problems.push({
      path: 'consentB',
      message: 'Party B has not consented yet: their details cannot be shared with party A',
    })
  }
  return problems.length ? { ok: false, problems } : ok(undefined)
}

/** What one party shares with the other once both consented. */
export interface SharedParty {
  party: IntroParty
  name: string
  firstName: string
  /** The recorded preference, else the contact's first email or phone. */
  preferredContact?: string
  bestTime?: string
  email?: string
}

/** The details both parties may see of each other, once both consented. */
export interface SharedSummary {
  need: string
  urgency: 'now' | 'soon' | 'later'
  relevance?: string
  followUpDays?: number
  parties: [SharedParty, SharedParty]
}

function party(intro: RecordOf<'intros'>, p: IntroParty, c: RecordOf<'contacts'>): SharedParty {
  const email = c.emails[0]?.value
  const phone = c.phones[0]?.value
  const recorded = p === 'A' ? intro.checklist.preferredContactA : intro.checklist.preferredContactB
  return {
    party: p,
    name: c.name.display,
    firstName: firstName(c),
    preferredContact: recorded || (email ? `email: ${email}` : phone ? `call: ${phone}` : undefined),
    bestTime: (p === 'A' ? intro.checklist.bestTimeA : intro.checklist.bestTimeB) || undefined,
    email,
  }
}

/**
 * The summary of an intro that may be shown to both parties: names, need, preferred contact
 * and best time. Refused, whole, until both parties consented — never a partial summary.
 * @returns the summary, or the consent problems (or an unknown or deleted intro or party)
 */
export function sharedSummary(repo: Repo, introId: string): Result<SharedSummary> {
  const found = liveIntro(repo, introId)
  if (!found.ok) return found
  const intro = found.value
  const gate = consentGate(intro)
  if (!gate.ok) return gate
  const a = liveContact(repo, intro.partyA, 'partyA')
  if (!a.ok) return a
  const b = liveContact(repo, intro.partyB, 'partyB')
  if (!b.ok) return b
  return ok({
    need: intro.need.text,
    urgency: intro.need.urgency,
    relevance: intro.relevance,
    followUpDays: intro.exit?.followUpDays,
    parties: [party(intro, 'A', a.value), party(intro, 'B', b.value)],
  })
}

/** An introduction email, ready for the agent to review and send. */
export interface IntroEmailDraft {
  to: string[]
  subject: string
  body: string
}

const reach = (p: SharedParty) =>
  [p.preferredContact && `reach ${p.firstName} by ${p.preferredContact}`, p.bestTime && `best ${p.bestTime}`]
    .filter(Boolean)
    .join(', ')

/**
 * Drafts the email that introduces the two parties by name, need, preferred contact and
 * best time. Refused, whole, until both parties consented, and when a party opted out of
 * email or of all contact.
 * @param options.agentName - who signs the email
 * @returns the draft, or problems naming the field (the consent problems first)
 */
export function introEmailDraft(
  repo: Repo,
  introId: string,
  options: { agentName: string },
): Result<IntroEmailDraft> {
  const summary = sharedSummary(repo, introId)
  if (!summary.ok) return summary
  if (!options.agentName?.trim()) return fail('agentName', 'the email needs the agent name to sign it')
  const intro = repo.get('intros', introId)!
  for (const [path, id] of [
    ['partyA', intro.partyA],
    ['partyB', intro.partyB],
  ] as const) {
    const { channels } = repo.optOutState(id)
    if (channels.includes('all') || channels.includes('email')) {
      const name = summary.value.parties[path === 'partyA' ? 0 : 1].name
      return fail(path, `${name} has opted out of email: do not send this introduction`)
    }
  }
  const { need, urgency, relevance, followUpDays, parties } = summary.value
  const [a, b] = parties
  const when = { now: 'right away', soon: 'soon', later: 'in time' }[urgency]
  const lines = [
    `Hi ${a.firstName} and ${b.firstName},`,
    '',
    'As promised, I am delighted to introduce you to each other — thank you both for agreeing to it.',
    '',
    `${a.name} is looking for help ${when}: ${need}.` + (reach(a) ? ` You can ${reach(a)}.` : ''),
    `${b.name}${relevance ? ` is a great fit: ${relevance}` : ' can help'}.` +
      (reach(b) ? ` You can ${reach(b)}.` : ''),
    '',
    `I will let you take it from here${followUpDays ? `, and check in with you both in ${followUpDays} days` : ''}.`,
    '',
    'Warm regards,',
    options.agentName.trim(),
  ]
  return ok({
    to: parties.flatMap((p) => (p.email ? [p.email] : [])),
    subject: `Introduction: ${a.name} and ${b.name}`,
    body: lines.join('\n'),
  })
}
