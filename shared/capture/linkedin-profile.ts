import { canonicalLinkedInUrl } from '../io'
import { addPhones, emptyDraft, finishDraft } from './drafts'
import { readContactInfo } from './linkedin-contact-info'
import { currentPosition, findExperienceSection } from './linkedin-experience'
import { findTopCard, readTopCard } from './linkedin-top-card'
import { cleanText } from './text'
import type { CaptureOptions, CaptureResult, LinkedInProfileInfo } from './types'

/**
 * Reads a LinkedIn profile: the name (pronouns, credentials and emoji split off), headline,
 * location, current title and company, canonical URL, and the email, phones, websites and
 * birthday of the "Contact info" overlay when it is open. Only the main column's top card and
 * Experience section and the overlay are read: never the global nav (the signed-in member),
 * the "People also viewed" aside or the messaging overlay.
 * @param doc - the profile page
 * @param url - the page's URL, the fallback for the canonical profile URL
 * @param options - the default country for phone numbers
 * @returns the capture, with one person; fields not found are named in `errors`
 */
export function parseLinkedInProfile(
  doc: Document,
  url: URL | undefined,
  options: CaptureOptions,
): CaptureResult {
  const errors: string[] = []
  const main = doc.querySelector('main.scaffold-layout__main') ?? doc.querySelector('main') ?? doc.body
  const top = readTopCard(main ? findTopCard(main) : undefined, doc)
  const person = emptyDraft(top.name)
  if (!top.name) errors.push('no name found on this profile')

  const canonical =
    canonicalLinkedInUrl(cleanText(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'))) ??
    (url ? canonicalLinkedInUrl(url.href) : undefined)
  if (canonical) person.linkedinUrl = canonical
  else errors.push('no profile URL found')
  if (!top.headline) errors.push('no headline found on this profile')
  if (!top.location) errors.push('no location found on this profile')

  const experience = main ? findExperienceSection(main) : undefined
  const position = experience ? currentPosition(experience) : undefined
  const organisation = position?.organisation ?? top.company
  if (position?.title) person.title = position.title
  if (organisation) person.organisation = organisation
  if (!position?.title) {
    errors.push(
      organisation
        ? 'no current title found in Experience'
        : 'no current position found in Experience or on the top card',
    )
  }

  const info = readContactInfo(doc, options.defaultCountry)
  if (!info) errors.push('no email on this profile: open Contact info to capture it')
  else if (info.profileUrl && canonical && info.profileUrl !== canonical) {
    errors.push('the open Contact info belongs to another profile, so it was not captured')
  } else {
    person.emails = info.emails.map((value) => ({ value }))
    addPhones(person, info.phones)
    person.websites = info.websites
    if (info.birthday) person.birthday = info.birthday
    if (info.emails.length === 0) errors.push('no email in Contact info: the member does not share one')
    if (info.phones.length === 0) errors.push('no phone in Contact info')
  }

  const profile: LinkedInProfileInfo = {
    ...(top.headline ? { headline: top.headline } : {}),
    ...(top.location ? { location: top.location } : {}),
    ...(canonical ? { canonicalUrl: canonical } : {}),
  }
  const hasIdentity = person.displayName || person.linkedinUrl
  return { kind: 'linkedin-profile', people: hasIdentity ? [finishDraft(person)] : [], errors, profile }
}
