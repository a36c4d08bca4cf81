import { canonicalLinkedInUrl } from '../io'
import { threadIdFromUrl } from './gmail-link'
import { cleanText } from './text'
import type { CaptureKind } from './types'

/** A profile page, or its Contact info overlay: `/in/<slug>/`, `/in/<slug>/overlay/…`. */
const PROFILE_PATH = /^\/in\/[^/]+\/?(?:overlay\/.*)?$/

/**
 * Tells what a page is, from its URL, else (for a saved page served elsewhere) from its markup:
 * a canonical link to a LinkedIn profile, or Gmail's subject heading next to a message.
 * @param doc - the page
 * @param url - the page's URL, or `undefined` when it is not a URL
 * @returns the kind, and for an unsupported page the reason
 */
export function detectPage(doc: Document, url: URL | undefined): { kind: CaptureKind; reason?: string } {
  const host = url?.hostname.toLowerCase() ?? ''
  if (host === 'mail.google.com') {
    if ((url && threadIdFromUrl(url)) || doc.querySelector('h2.hP')) return { kind: 'gmail-thread' }
    return { kind: 'unsupported', reason: 'no conversation is open in Gmail: open one to capture it' }
  }
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) {
    if (PROFILE_PATH.test(url!.pathname)) return { kind: 'linkedin-profile' }
    return {
      kind: 'unsupported',
      reason: 'this LinkedIn page is not a profile: open a profile to capture it',
    }
  }
  const canonical = cleanText(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'))
  if (canonical && canonicalLinkedInUrl(canonical)) return { kind: 'linkedin-profile' }
  if (doc.querySelector('h2.hP') && doc.querySelector('div.adn, div.gs, [data-message-id]')) {
    return { kind: 'gmail-thread' }
  }
  return { kind: 'unsupported', reason: 'this page is not a Gmail thread or a LinkedIn profile' }
}
