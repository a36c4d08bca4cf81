import { normalizeEmail } from '../io'
import type { PersonDraft } from '../model'
import { addPhones, emptyDraft, finishDraft } from './drafts'
import { parseShownDateTime } from './dates'
import { findAccountOwner } from './gmail-account'
import { splitMessageBody } from './gmail-body'
import { detectIntro, type IntroCandidate } from './gmail-intro'
import { threadIdFromPage, threadIdFromUrl, threadLink } from './gmail-link'
import { findMessageElements, readMessage, type Participant } from './gmail-messages'
import { parseSignature } from './gmail-signature'
import { splitDisplayName } from './person-name'
import { cleanText, elementText } from './text'
import type { CaptureOptions, CaptureResult, GmailThreadInfo } from './types'

/** Gmail's document title without the " - account - Gmail" tail. */
const TITLE_SUBJECT = /^(.*?)\s[-–]\s[^\s@]+@[^\s@]+\s[-–]\s[^-–]*$/

/**
 * Reads the open Gmail thread: every participant except the signed-in account (name and
 * email), phones, title and company from their signatures, the subject, the thread link, and a
 * proposed introduction when one message introduces two others on the thread.
 * @param doc - the Gmail page
 * @param url - the page's URL, for the thread id and the account number
 * @param options - the default country for phone numbers
 * @returns the capture; fields not found are named in `errors`
 */
export function parseGmailThread(
  doc: Document,
  url: URL | undefined,
  options: CaptureOptions,
): CaptureResult {
  const errors: string[] = []
  const subjectEl = doc.querySelector('h2.hP')
  const root =
    subjectEl?.closest('[role="main"]') ??
    doc.querySelector('div.adn, [data-message-id]')?.closest('[role="main"]') ??
    doc.querySelector('[role="main"]') ??
    doc.body ??
    doc.documentElement
  const { elements, isFallback } = findMessageElements(root)
  if (isFallback) errors.push('no message containers found: participants were read from the whole thread')
  const messages = elements.map(readMessage)

  const owner = findAccountOwner(doc, messages)
  if (!owner) {
    errors.push('the signed-in account was not found: it may be among the people captured')
  }
  const isOwner = (p: Participant | undefined) => !!owner && p?.email === normalizeEmail(owner.email)

  const people: PersonDraft[] = []
  const indexOf = new Map<string, number>()
  const add = (p: Participant): number => {
    const known = indexOf.get(p.email)
    const fromName = p.name ? splitDisplayName(p.name) : {}
    if (known !== undefined) {
      const draft = people[known]!
      if (!draft.displayName && fromName.displayName) people[known] = { ...fromName, ...draft }
      return known
    }
    people.push({ ...emptyDraft(fromName), emails: [{ value: p.email }] })
    indexOf.set(p.email, people.length - 1)
    return people.length - 1
  }

  const candidates: IntroCandidate[] = []
  const withoutSignature = new Set<number>()
  const withSignature = new Set<number>()
  for (const m of messages) {
    const sender = m.sender && !isOwner(m.sender) ? add(m.sender) : null
    const recipients = m.recipients.filter((p) => !isOwner(p)).map(add)
    if (!m.body) continue
    const senderName = sender === null ? owner?.name : people[sender]!.displayName
    const text = splitMessageBody(m.body, senderName)
    candidates.push({ ...(m.id ? { id: m.id } : {}), sender, recipients, lines: text.lines })
    if (sender === null) continue
    if (!text.signature) {
      withoutSignature.add(sender)
      continue
    }
    withSignature.add(sender)
    const sig = parseSignature(text.signature, senderName, options.defaultCountry)
    const draft = people[sender]!
    addPhones(draft, sig.phones)
    if (sig.title && !draft.title) draft.title = sig.title
    if (sig.organisation && !draft.organisation) draft.organisation = sig.organisation
    if (sig.credentials && !draft.credentials) draft.credentials = sig.credentials
    if (sig.isRoleUnclear) {
      errors.push(`${label(draft)}: the signature's title and company could not be told apart`)
    }
  }
  for (const i of withoutSignature) {
    if (!withSignature.has(i)) {
      errors.push(`${label(people[i]!)}: no signature found, so no phone, title or company`)
    }
  }

  const { intro, problem } = detectIntro(candidates, people)
  if (problem) errors.push(problem)
  return {
    kind: 'gmail-thread',
    people: people.map(finishDraft),
    ...(intro ? { intro } : {}),
    errors,
    thread: threadInfo(doc, url, subjectEl, messages.length, messages.at(-1)?.shownAt, errors),
  }
}

const label = (d: PersonDraft) => d.displayName ?? d.emails[0]?.value ?? 'someone'

/** The subject, link, message count and last message time, reporting what is missing. */
function threadInfo(
  doc: Document,
  url: URL | undefined,
  subjectEl: Element | null,
  messageCount: number,
  lastShownAt: string | undefined,
  errors: string[],
): GmailThreadInfo {
  const subject = elementText(subjectEl) || TITLE_SUBJECT.exec(cleanText(doc.title))?.[1]
  if (!subject) errors.push('no subject found (h2.hP)')
  const threadId = (url && threadIdFromUrl(url)) ?? threadIdFromPage(subjectEl)
  if (!threadId) errors.push('no thread id in the URL or the page: the thread link is missing')
  const lastMessageAt = lastShownAt ? parseShownDateTime(lastShownAt) : undefined
  if (!lastMessageAt) errors.push('the last message date could not be read')
  return {
    ...(subject ? { subject } : {}),
    ...(threadId ? { link: threadLink(url, threadId) } : {}),
    messageCount,
    ...(lastMessageAt ? { lastMessageAt } : {}),
  }
}
