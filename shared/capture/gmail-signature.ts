import type { CountryCode } from '../io'
import type { LabeledValue } from '../model'
import { isNameLine, splitDisplayName } from './person-name'
import { findPhones } from './phones'
import { roleOf } from './signature-words'
import { toAsciiDigits } from './text'

/** What a signature block says about its sender. */
export interface SignatureFields {
  phones: LabeledValue[]
  title?: string
  organisation?: string
  credentials?: string
  /** A line that is a title or a company, but which one could not be told. */
  isRoleUnclear: boolean
}

/** Separators between parts of one signature line: "Advisor | Harbor Lending", "A • B", "A — B". */
const SEGMENTS = /\s+[|•·]\s+|\s+[–—-]\s+/
/** Separators between a title and a company within one part: ", ", "، ", " at ", " @ ", " في ", " لدى ". */
const PAIR = /\s*,\s+|\s*،\s*|\s+(?:at|@)\s+|\s+(?:في|لدى)\s+/i
/** Client footers that are not the person's signature. */
const FOOTER = /^(?:sent from my|get outlook for|أرسلت من|ارسلت من)/i
/** Contact details that are neither title nor company. */
const CONTACT = /@|https?:|www\.|\.(?:com|net|org|io|co|sa|ae)\b/i
const MAX_ROLE_LENGTH = 60

/** Assigns a pair of parts to title and company, from what their words say (see `roleOf`). */
function assignPair(a: string, b: string): Pick<SignatureFields, 'title' | 'organisation'> {
  const ka = roleOf(a)
  const kb = roleOf(b)
  if (ka === 'org' && kb !== 'title') return { organisation: a }
  if (ka === 'org' || (ka === 'unknown' && kb === 'title')) return { title: b, organisation: a }
  if (ka === 'title' && kb === 'title') return { title: a }
  if (ka === 'unknown' && kb === 'unknown') return {}
  return { title: a, organisation: b }
}

/**
 * Reads phones, job title, company and credentials from the lines of a signature block. The
 * first line is skipped when it is the sender's name (its credentials are kept). Title and
 * company come from the first line that has text: split on " | ", ", ", " at "…, or that line and
 * the next; a lone line is used only when its words say whether it is a title or a company.
 * Lines with digits, addresses, URLs and emails are never taken for a title or a company.
 * @param lines - the signature's lines, plain text
 * @param senderName - the sender's display name
 * @param defaultCountry - for phone numbers written without a calling code
 * @returns the fields found; `isRoleUnclear` when a title/company line could not be told apart
 */
export function parseSignature(
  lines: readonly string[],
  senderName: string | undefined,
  defaultCountry?: CountryCode,
): SignatureFields {
  const out: SignatureFields = { phones: [], isRoleUnclear: false }
  const texts: { text: string; line: number; parts: number }[] = []
  lines.forEach((line, i) => {
    if (i === 0 && isNameLine(line, senderName)) {
      const { credentials } = splitDisplayName(line)
      if (credentials) out.credentials = credentials
      return
    }
    if (FOOTER.test(line)) return
    const phones = findPhones(line, { defaultCountry })
    for (const p of phones) {
      if (!out.phones.some((q) => q.value.replace(/\D/g, '') === p.value.replace(/\D/g, '')))
        out.phones.push(p)
    }
    const parts = line.split(SEGMENTS).filter((part) => {
      if (CONTACT.test(part) || /\d/.test(toAsciiDigits(part)) || part.length > MAX_ROLE_LENGTH) return false
      // A lone word beside a number is its label ("Mobile –"), not a title.
      return !(phones.length > 0 && !/\s/.test(part.trim()))
    })
    for (const text of parts)
      texts.push({ text: text.replace(/[:,،]$/, '').trim(), line: i, parts: parts.length })
  })
  const [first, second] = texts
  if (!first) return out
  let role: Pick<SignatureFields, 'title' | 'organisation'>
  if (first.parts >= 2 && second) role = assignPair(first.text, second.text)
  else {
    const [a, b] = first.text.split(PAIR, 2)
    if (a && b) role = assignPair(a, b)
    else if (second && second.line === first.line + 1 && second.parts === 1)
      role = assignPair(first.text, second.text)
    else {
      const kind = roleOf(first.text)
      role = kind === 'title' ? { title: first.text } : kind === 'org' ? { organisation: first.text } : {}
    }
  }
  if (!role.title && !role.organisation) out.isRoleUnclear = true
  return { ...out, ...role }
}
