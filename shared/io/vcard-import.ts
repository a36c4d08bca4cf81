import type { PersonDraft } from '../model/person'
import { normalizeBirthday } from './birthday'
import { createDraftBuilder, type DraftBuilder } from './draft-builder'
import { canonicalLinkedInUrl } from './normalize'
import { decodeValue, parseVCardText, type VCard, type VCardProperty } from './vcard-parse'
import type { ImportError, ImportFormat, ImportResult } from './types'

/** vCard TYPE values that say where (work, home) or what (mobile, fax) a value is. */
const PLACES: Record<string, string> = { work: 'work', home: 'home', other: 'other' }
const KINDS: Record<string, string> = {
  cell: 'mobile',
  mobile: 'mobile',
  iphone: 'mobile',
  fax: 'fax',
  pager: 'pager',
  main: 'main',
  car: 'car',
}

/**
 * Imports vCard text of any version (2.1, 3.0, 4.0, mixed). PHOTO, LOGO, SOUND and KEY are
 * skipped, whatever their size.
 * @param text - decoded text containing `BEGIN:VCARD`
 * @returns the drafts, an error per card that is unclosed or has no name, organisation, email or
 *   phone (on the card's BEGIN line), and the format: `vcard-<version>` of the majority of cards,
 *   or `vcard` when there is none
 */
export function importVCardText(text: string): ImportResult {
  const parsed = parseVCardText(text)
  const contacts: PersonDraft[] = []
  const errors: ImportError[] = [...parsed.errors]
  for (const card of parsed.cards) {
    const b = createDraftBuilder()
    fillFromCard(card, b)
    const built = b.build(card.line)
    errors.push(...built.errors)
    if (built.draft) contacts.push(built.draft)
  }
  errors.sort((a, b) => a.line - b.line)
  return { format: majorityVersion(parsed.cards), contacts, errors }
}

function fillFromCard(card: VCard, b: DraftBuilder): void {
  // Apple names a value with a sibling in its group: `item1.EMAIL` + `item1.X-ABLabel:_$!<Home>!$_`.
  const groupLabels = new Map<string, string>()
  for (const p of card.properties) {
    if (p.name === 'X-ABLABEL' && p.group) groupLabels.set(p.group, text(p))
  }
  const labelOf = (p: VCardProperty) => (p.group && groupLabels.get(p.group)) || labelFromTypes(p.types)

  for (const p of card.properties) {
    switch (p.name) {
      case 'FN':
        b.set('displayName', text(p))
        break
      case 'N': {
        const [family, given, , , suffix] = decodeValue(p, ';')
        b.set('familyName', family)
        b.set('givenName', given)
        b.set('credentials', suffix)
        break
      }
      case 'ORG':
        b.set('organisation', decodeValue(p, ';')[0])
        break
      case 'TITLE':
        b.set('title', text(p))
        break
      case 'EMAIL':
        b.addEmail(text(p), labelOf(p))
        break
      case 'TEL':
        b.addPhone(text(p), labelOf(p))
        break
      case 'ADR': {
        const [, extended, street, city, region, postalCode, country] = decodeValue(p, ';')
        const streetLines = [street, extended].filter((s) => s?.trim()).join('\n')
        b.addAddress({ label: labelOf(p), street: streetLines, city, region, postalCode, country })
        break
      }
      case 'URL':
        b.addUrl(text(p))
        break
      case 'X-SOCIALPROFILE':
        addSocialProfile(p, b)
        break
      case 'NOTE':
        b.addNote(text(p))
        break
      case 'BDAY': {
        const value = text(p)
        const day = normalizeBirthday(value)
        if (day) b.setBirthday(day)
        else if (value) b.problem(`birthday "${value}" is not a date, so it was left out`)
        break
      }
      case 'CATEGORIES':
        b.addTags(decodeValue(p, ','))
        break
    }
  }
}

function text(p: VCardProperty): string {
  return decodeValue(p)[0]?.trim() ?? ''
}

/** LinkedIn from `X-SOCIALPROFILE;type=linkedin;x-user=jane:http://www.linkedin.com/in/jane`. */
function addSocialProfile(p: VCardProperty, b: DraftBuilder): void {
  const value = text(p)
  if (canonicalLinkedInUrl(value)) return b.addUrl(value)
  if (!p.types.includes('linkedin')) return
  const user = p.params['X-USER']?.[0] ?? value.replace(/^x-apple:/i, '')
  if (user && !/[/:\s]/.test(user)) b.addUrl(`https://www.linkedin.com/in/${user}`)
}

function labelFromTypes(types: string[]): string | undefined {
  const place = types.map((t) => PLACES[t]).find(Boolean)
  const kind = types.map((t) => KINDS[t]).find(Boolean)
  const label = [place, kind].filter(Boolean).join(' ')
  return label || undefined
}

function majorityVersion(cards: VCard[]): ImportFormat {
  const counts = new Map<string, number>()
  for (const c of cards) if (c.version) counts.set(c.version, (counts.get(c.version) ?? 0) + 1)
  for (const [version, n] of counts) {
    if (n * 2 > cards.length && ['2.1', '3.0', '4.0'].includes(version))
      return `vcard-${version}` as ImportFormat
  }
  return 'vcard'
}
