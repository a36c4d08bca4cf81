import { canonicalLinkedInUrl, normalizeEmail, type CountryCode } from '../io'
import type { LabeledValue } from '../model'
import { parseMonthDay } from './dates'
import { isScreenReaderCopy } from './linkedin-top-card'
import { findPhones } from './phones'
import { cleanText, elementText, foldText } from './text'

/** What the open "Contact info" overlay lists. */
export interface ContactInfo {
  emails: string[]
  phones: LabeledValue[]
  websites: string[]
  /** `--MM-DD`: LinkedIn shows no year. */
  birthday?: string
  /** The profile the overlay belongs to, canonical. */
  profileUrl?: string
}

type Block = 'email' | 'phone' | 'websites' | 'profile' | 'birthday' | 'other'

/** The blocks' class names (`ci-email`…) in older pages, their headings in newer ones. */
const BY_CLASS: Record<string, Block> = {
  'ci-email': 'email',
  'ci-phone': 'phone',
  'ci-websites': 'websites',
  'ci-vanity-url': 'profile',
  'ci-birthday': 'birthday',
}
const BY_HEADING: readonly (readonly [RegExp, Block])[] = [
  [/^email|البريد/, 'email'],
  [/^phone|هاتف|الهاتف|جوال/, 'phone'],
  [/^websites?|موقع|المواقع/, 'websites'],
  [/profile$|الملف الشخصي|ملف/, 'profile'],
  [/^birthday|عيد الميلاد/, 'birthday'],
]
const DIALOG_TITLE = /^(?:contact info|معلومات الاتصال|معلومات التواصل)$/

/** The kind of one `section.pv-contact-info__contact-type`. */
function blockOf(section: Element): Block {
  for (const name of section.classList) if (BY_CLASS[name]) return BY_CLASS[name]
  const heading = foldText(elementText(section.querySelector('h3, header'), isScreenReaderCopy))
  return BY_HEADING.find(([re]) => re.test(heading))?.[1] ?? 'other'
}

/** The blocks of the overlay: `section.pv-contact-info__contact-type`, else the sections of a "Contact info" dialog. */
function findBlocks(doc: Document): Element[] {
  const blocks = [...doc.querySelectorAll('section.pv-contact-info__contact-type')]
  if (blocks.length) return blocks
  for (const dialog of doc.querySelectorAll('[role="dialog"]')) {
    const title = foldText(elementText(dialog.querySelector('h1, h2'), isScreenReaderCopy))
    if (DIALOG_TITLE.test(title)) return [...dialog.querySelectorAll('section')]
  }
  return []
}

/** Skips the block's heading and screen-reader copies, leaving its value. */
const isHeadingOrCopy = (el: Element) => isScreenReaderCopy(el) || el.matches('h3, header')

/** Percent-decoded text, or the text as written when it holds a stray `%`. */
function decoded(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

const hrefs = (section: Element) =>
  [...section.querySelectorAll('a[href]')].map((a) => cleanText(a.getAttribute('href'))).filter(Boolean)

/**
 * Reads the "Contact info" overlay (`/overlay/contact-info/`) when it is open: emails (mailto
 * links), phones with their labels ("(Mobile)"), websites, the birthday and the profile link.
 * @param doc - the profile page
 * @param defaultCountry - for phone numbers written without a calling code
 * @returns the overlay's contents, or `undefined` when it is not open
 */
export function readContactInfo(doc: Document, defaultCountry?: CountryCode): ContactInfo | undefined {
  const blocks = findBlocks(doc)
  if (blocks.length === 0) return undefined
  const info: ContactInfo = { emails: [], phones: [], websites: [] }
  for (const section of blocks) {
    const kind = blockOf(section)
    if (kind === 'email') {
      for (const href of hrefs(section).filter((h) => /^mailto:/i.test(h))) {
        const email = normalizeEmail(decoded(href.replace(/^mailto:/i, '').split('?')[0]!))
        if (email.includes('@') && !info.emails.includes(email)) info.emails.push(email)
      }
    } else if (kind === 'phone') {
      const items = [...section.querySelectorAll('li')]
      for (const item of items.length ? items : [section]) {
        info.phones.push(
          ...findPhones(elementText(item, isHeadingOrCopy), { defaultCountry, isPhoneField: true }),
        )
      }
    } else if (kind === 'websites') {
      for (const href of hrefs(section)) {
        if (/^https?:\/\//i.test(href) && !canonicalLinkedInUrl(href) && !info.websites.includes(href)) {
          info.websites.push(href)
        }
      }
    } else if (kind === 'profile') {
      const profile = hrefs(section).map(canonicalLinkedInUrl).find(Boolean)
      if (profile) info.profileUrl = profile
    } else if (kind === 'birthday') {
      const birthday = parseMonthDay(elementText(section, isHeadingOrCopy))
      if (birthday) info.birthday = birthday
    }
  }
  return info
}
