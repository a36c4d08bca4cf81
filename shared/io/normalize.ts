// `min` metadata, not `max`: we only need to turn a number into E.164, which takes the calling
// codes, national prefixes and possible lengths that `min` holds. `max` adds ~65 kB of per-type
// digit patterns (mobile vs fixed line) that nothing here uses, and this module ships in the
// extension and the PWA. With `min`, `isValid()` checks the length for the country.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min'

/** An ISO 3166-1 alpha-2 country code that libphonenumber-js knows (`US`, `AE`, `SA`, …). */
export type { CountryCode }

/**
 * Normalizes an email address for comparison and dedupe: trimmed and lower-cased.
 * Plus-addressing (`jane+crm@x.com`) and dots are kept: they can be distinct mailboxes.
 * @param s - the address as written
 * @returns the normalized address, or `''` for blank input
 */
export function normalizeEmail(s: string): string {
  return s.trim().toLowerCase()
}

/**
 * Normalizes a phone number to E.164 (`+15551234567`).
 * @param s - the number as written, with any spaces, dots, dashes or brackets
 * @param defaultCountry - the country for numbers written without a `+` calling code
 * @returns the E.164 string, or `undefined` when the text is not a number of a possible length
 *   (or is a national number and no `defaultCountry` is given)
 */
export function normalizePhone(s: string, defaultCountry?: CountryCode): string | undefined {
  const text = s.trim()
  if (!/\d/.test(text)) return undefined
  // `00` is the international prefix almost everywhere outside North America.
  const international = text.replace(/^00(?=[1-9])/, '+')
  const parsed = parsePhoneNumberFromString(international, defaultCountry)
  return parsed?.isValid() ? parsed.number : undefined
}

/**
 * Reduces any LinkedIn profile URL to `linkedin.com/in/<slug>`: lower-cased and percent-decoded,
 * without scheme, country subdomain, query, hash or trailing path.
 * @param s - a URL such as `https://www.linkedin.com/in/Jane-Doe-123/?originalSubdomain=uk`,
 *   `http://uk.linkedin.com/in/jane-doe-123` or `linkedin.com/in/%D8%B3…`
 * @returns the canonical form, or `undefined` for anything that is not a member profile
 *   (`/company/…`, `/feed`, other sites, text that is not a URL)
 */
export function canonicalLinkedInUrl(s: string): string | undefined {
  const text = s.trim()
  if (!text) return undefined
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    return undefined
  }
  const host = url.hostname.toLowerCase()
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return undefined
  const segments = url.pathname.split('/').filter(Boolean)
  // The lightweight mobile site prefixes profile paths with `/mwlite`.
  if (segments[0] === 'mwlite') segments.shift()
  if (segments[0] !== 'in' || !segments[1]) return undefined
  let slug = segments[1]
  try {
    slug = decodeURIComponent(slug)
  } catch {
    // A stray `%` that is not an escape: keep the slug as written.
  }
  slug = slug.trim().toLowerCase()
  return slug ? `linkedin.com/in/${slug}` : undefined
}

/**
 * Turns a canonical LinkedIn profile (`linkedin.com/in/<slug>`) back into a URL to link to.
 * @param canonical - the canonical form, or any URL (which is canonicalized first)
 * @returns `https://www.linkedin.com/in/<percent-encoded slug>`, or `undefined` when the input is
 *   not a profile
 */
export function linkedInProfileUrl(canonical: string): string | undefined {
  const c = canonicalLinkedInUrl(canonical)
  return c ? `https://www.${c.replace(/[^/]+$/, (slug) => encodeURIComponent(slug))}` : undefined
}
