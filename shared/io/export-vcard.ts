import type { Contact } from '../model/contact'
import type { LabeledValue } from '../model/person'
import { linkedInProfileUrl } from './normalize'

/** Label words that are vCard 4.0 TYPE values (for TEL, EMAIL, ADR); `mobile` is written `cell`. */
const VCARD_TYPES: Record<string, string> = {
  work: 'work',
  home: 'home',
  mobile: 'cell',
  cell: 'cell',
  fax: 'fax',
  pager: 'pager',
  voice: 'voice',
  text: 'text',
  video: 'video',
}

/**
 * Exports contacts as vCard 4.0 (RFC 6350): CRLF line endings, lines folded at 75 octets without
 * splitting a UTF-8 sequence, text escaped. A label that is not a vCard TYPE is written the Apple
 * way (`item1.EMAIL` + `item1.X-ABLabel`) so it survives. Deleted contacts are skipped.
 * @param contacts - the contacts
 * @returns the vCard text, one card per contact
 */
export function exportVCard(contacts: Contact[]): string {
  return contacts
    .filter((c) => !c.deleted)
    .map(cardLines)
    .flat()
    .map(fold)
    .join('')
}

function cardLines(c: Contact): string[] {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:${escapeText(c.id)}`]
  let items = 0
  const labeled = (name: string, v: { label?: string }, value: string) => {
    const types = labelTypes(v.label)
    if (types !== undefined) {
      lines.push(`${name}${types.length ? `;TYPE=${types.join(',')}` : ''}:${value}`)
    } else {
      items++
      lines.push(`item${items}.${name}:${value}`, `item${items}.X-ABLabel:${escapeText(v.label ?? '')}`)
    }
  }

  if (c.kind === 'organisation') lines.push('KIND:org')
  lines.push(`FN:${escapeText(c.name.display)}`)
  if (c.name.given || c.name.family || c.name.credentials) {
    const parts = [c.name.family, c.name.given, '', '', c.name.credentials]
    lines.push(`N:${parts.map((p) => escapeText(p ?? '')).join(';')}`)
  }
  if (c.work.organisation) lines.push(`ORG:${escapeText(c.work.organisation)}`)
  if (c.work.title) lines.push(`TITLE:${escapeText(c.work.title)}`)
  c.emails.forEach((e: LabeledValue) => labeled('EMAIL', e, escapeText(e.value)))
  c.phones.forEach((p: LabeledValue) => labeled('TEL', p, escapeText(p.value)))
  for (const a of c.addresses) {
    const parts = ['', '', a.street, a.city, a.region, a.postalCode, a.country]
    labeled('ADR', a, parts.map((p) => escapeText(p ?? '')).join(';'))
  }
  const linkedin = c.web.linkedin ? (linkedInProfileUrl(c.web.linkedin) ?? c.web.linkedin) : undefined
  if (linkedin) lines.push(`X-SOCIALPROFILE;TYPE=linkedin:${linkedin}`)
  for (const w of c.web.websites) lines.push(`URL:${w}`)
  if (c.profile.birthday) lines.push(`BDAY:${c.profile.birthday.replace(/(\d)-(\d)/g, '$1$2')}`)
  if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`)
  if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`)
  lines.push('END:VCARD')
  return lines
}

/** The TYPE values for a label, `[]` for none, or `undefined` when the label needs X-ABLabel. */
function labelTypes(label: string | undefined): string[] | undefined {
  if (!label) return []
  const types = label
    .toLowerCase()
    .split(/\s+/)
    .map((w) => VCARD_TYPES[w])
  return types.every(Boolean) ? (types as string[]) : undefined
}

/** Escapes a TEXT value (RFC 6350 §3.4): backslash, comma, semicolon and line breaks. */
function escapeText(s: string): string {
  return s.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n')
}

/** Folds a line at 75 octets (RFC 6350 §3.2), never inside a UTF-8 sequence, and ends it with CRLF. */
function fold(line: string): string {
  let out = ''
  let octets = 0
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0)
    if (octets + size > 75) {
      out += '\r\n '
      octets = 1
    }
    out += ch
    octets += size
  }
  return `${out}\r\n`
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
}
