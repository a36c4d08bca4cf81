import type { CountryCode } from '../io'
import type { PersonDraft } from '../model'

/** What kind of page was captured. */
export type CaptureKind = 'gmail-thread' | 'linkedin-profile' | 'unsupported'

/**
 * An introduction proposed from an email: who introduced whom. People are indexes into
 * `CaptureResult.people`. CARE consents start unrecorded: each party is asked separately later.
 */
export interface IntroDraft {
  /** The person who made the introduction, or `null` when it was the signed-in account owner. */
  introducer: number | null
  /** The party named first in the message. */
  partyA: number
  /** The party named second in the message. */
  partyB: number
  /** The sentence that states a need ("looking to buy…"), when the message has one. */
  need?: string
  consentA: null
  consentB: null
  /** The sentence that made this an introduction ("Dana, meet Omar Haddad."). */
  evidence: string
  /** Gmail's id of the message that made the introduction. */
  messageId?: string
}

/** The open Gmail thread, for the interaction recorded with the capture. */
export interface GmailThreadInfo {
  /** The subject (`h2.hP`); missing only when the page had none (see `errors`). */
  subject?: string
  /** `https://mail.google.com/mail/u/<n>/#inbox/<threadId>`; missing when no thread id was found. */
  link?: string
  /** Messages on the page (collapsed "older messages" that Gmail has not rendered are not counted). */
  messageCount: number
  /**
   * The last message's time as Gmail shows it, in the viewer's time zone: `YYYY-MM-DDTHH:mm`
   * without an offset (the host knows the zone and turns it into a timestamp).
   */
  lastMessageAt?: string
}

/** What the LinkedIn top card says beyond the person's own fields. */
export interface LinkedInProfileInfo {
  headline?: string
  /** As written on the page ("Austin, Texas, United States"); not split into an address. */
  location?: string
  /** `linkedin.com/in/<slug>`, the same form as `PersonDraft.linkedinUrl`. */
  canonicalUrl?: string
}

/** What a page yields: people as drafts, an introduction if one was made, and what was missing. */
export interface CaptureResult {
  kind: CaptureKind
  /** Plain-text drafts, never HTML; the signed-in account owner is never among them. */
  people: PersonDraft[]
  intro?: IntroDraft
  /** Fields that could not be found, and why; the rest of the result is still usable. */
  errors: string[]
  thread?: GmailThreadInfo
  profile?: LinkedInProfileInfo
}

/** Options of `captureFromPage`. */
export interface CaptureOptions {
  /**
   * The country for phone numbers written without a `+` calling code. Numbers that parse become
   * E.164; the others are kept as written, with Arabic-Indic digits turned into ASCII.
   * @default undefined (only numbers with a calling code become E.164)
   */
  defaultCountry?: CountryCode
}
