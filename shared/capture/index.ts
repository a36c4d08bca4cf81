/**
 * Capture: turns the page an agent is looking at (a Gmail thread, a LinkedIn profile) into
 * person drafts, and an introduction when an email makes one. Pure: the host passes the document.
 */
import { detectPage } from './detect'
import { parseGmailThread } from './gmail-thread'
import { parseLinkedInProfile } from './linkedin-profile'
import type { CaptureOptions, CaptureResult } from './types'

export type {
  CaptureKind,
  CaptureOptions,
  CaptureResult,
  GmailThreadInfo,
  IntroDraft,
  LinkedInProfileInfo,
} from './types'
export { CaptureError } from './drafts'

/**
 * Captures the people on a page. Gmail thread: every participant except the signed-in account,
 * with phones, title and company from clear signatures, the thread's subject and link, and a
 * proposed introduction. LinkedIn profile: the member's name, pronouns, credentials, title,
 * company, canonical URL, and the Contact info overlay's email, phones and websites when open.
 * Any other page is `unsupported`. Text comes back as plain text; what could not be found is
 * named in `errors` rather than guessed. Reads the document only; never throws on page content.
 * @param doc - the page's document (the content script's `document`, or a parsed saved page)
 * @param url - the page's URL (`location.href`)
 * @param options - the default country for phone numbers written without a calling code
 * @returns the capture; `people` is empty and `errors` says why for an unsupported page
 */
export function captureFromPage(doc: Document, url: string, options: CaptureOptions = {}): CaptureResult {
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    parsed = undefined
  }
  const { kind, reason } = detectPage(doc, parsed)
  if (kind === 'gmail-thread') return parseGmailThread(doc, parsed, options)
  if (kind === 'linkedin-profile') return parseLinkedInProfile(doc, parsed, options)
  return { kind: 'unsupported', people: [], errors: [reason ?? 'this page cannot be captured'] }
}
