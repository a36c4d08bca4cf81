import { normalizeEmail } from '../io'
import { cleanText, elementText } from './text'

/** Someone on a message: an address and the name Gmail shows for it. */
export interface Participant {
  email: string
  /** The `name` attribute, else the shown text when it is a name (not an address, not "me"). */
  name?: string
  /** The text Gmail shows, which is "me" for the signed-in account. */
  shownAs: string
}

/** One message of the open thread, as found on the page. */
export interface GmailMessage {
  /** `data-message-id` without its `#`, or `data-legacy-message-id`. */
  id?: string
  sender?: Participant
  /** To, cc and bcc, without the sender; the header does not say which is which. */
  recipients: Participant[]
  /** The body (`div.a3s`); missing for a collapsed message. */
  body?: Element
  /** The date as the header's `title` shows it. */
  shownAt?: string
}

const MESSAGE = 'div.adn, div.adf, [data-message-id]'
const BODY = 'div.a3s, div.ii.gt'
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

/**
 * The message containers of a thread: `div.adn` (expanded), `div.adf` (collapsed) or any
 * element with `data-message-id`, outermost only; else `div.gs`; else the thread area itself.
 * @param root - the thread area (`[role=main]` around `h2.hP`)
 * @returns the containers in page order, and whether the last fallback was used
 */
export function findMessageElements(root: Element): { elements: Element[]; isFallback: boolean } {
  let elements = [...root.querySelectorAll(MESSAGE)].filter((el) => !el.parentElement?.closest(MESSAGE))
  if (elements.length === 0) elements = [...root.querySelectorAll('div.gs')]
  return elements.length ? { elements, isFallback: false } : { elements: [root], isFallback: true }
}

/** A participant from a `span[email]`, or `undefined` when its address is not one. */
function participantOf(span: Element): Participant | undefined {
  const email = normalizeEmail(cleanText(span.getAttribute('email')))
  if (!EMAIL.test(email)) return undefined
  const shownAs = elementText(span)
  const attr = cleanText(span.getAttribute('name'))
  const name = [attr, shownAs].find((n) => n && !n.includes('@') && !/^(?:me|أنا)$/i.test(n))
  return name ? { email, name, shownAs } : { email, shownAs }
}

/**
 * Reads one message: the sender (`span.gD[email]`, else the first `span[email]` of the header),
 * the recipients (`span.g2[email]`, else the other `span[email]`, including those of the
 * "Show details" table), the body and the date (`span.g3[title]`). Addresses inside the body
 * are never participants.
 * @param el - a message container
 * @returns the message; a participant with an unusable address is left out
 */
export function readMessage(el: Element): GmailMessage {
  const body = el.querySelector(BODY) ?? undefined
  const spans = [...el.querySelectorAll('span[email]')].filter((s) => !body?.contains(s))
  const senderSpan =
    spans.find((s) => s.classList.contains('gD')) ?? spans.find((s) => !s.classList.contains('g2'))
  const sender = senderSpan ? participantOf(senderSpan) : undefined
  const recipients: Participant[] = []
  for (const span of spans) {
    if (span === senderSpan) continue
    const p = participantOf(span)
    if (!p || p.email === sender?.email) continue
    const seen = recipients.find((r) => r.email === p.email)
    if (!seen) recipients.push(p)
    else if (!seen.name && p.name) seen.name = p.name
  }
  const idHolder = el.closest('[data-message-id]')
  const id = (
    idHolder?.getAttribute('data-message-id') ?? el.getAttribute('data-legacy-message-id')
  )?.replace(/^#/, '')
  const date = el.querySelector('span.g3[title]')
  const shownAt = cleanText(date?.getAttribute('title')) || elementText(el.querySelector('span.g3'))
  return {
    ...(id ? { id } : {}),
    ...(sender ? { sender } : {}),
    recipients,
    ...(body ? { body } : {}),
    ...(shownAt ? { shownAt } : {}),
  }
}
