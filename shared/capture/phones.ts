import { normalizePhone, type CountryCode } from '../io'
import type { LabeledValue } from '../model'
import { cleanText, toAsciiDigits } from './text'

/** A run that may be a phone number: digits with spaces, dots, dashes, slashes or brackets. */
const CANDIDATE = /\+?\(?\d[\d\s().\-/\u2010-\u2015]{5,}\d/g
/** An ISO date, which has the shape of a number but is not one. */
const DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/
/** Licence and registration numbers that real-estate signatures carry (NMLS #, DRE #, رخصة). */
const LICENCE =
  /#|\b(?:nmls|dre|trec|lic(?:ense|ence)?|reg(?:istration)?|cr)\b|رخصه|رخصة|ترخيص|سجل تجاري|فال/i
const NOT_LETTER = '(?:^|[^\\p{L}])'
/** Labels written before a number ("Mobile:", "T:", "جوال:") or after it in brackets ("(Mobile)"). */
const LABELS: readonly (readonly [string, string])[] = [
  ['fax', 'fax|f|فاكس'],
  ['mobile', 'mobile|mob|cell|cellular|m|جوال|الجوال|موبايل|محمول|نقال'],
  ['home', 'home|منزل|المنزل'],
  ['work', 'office|work|direct|main|tel|telephone|phone|o|t|p|d|هاتف|الهاتف|مكتب|المكتب|العمل|تلفون|ت|هـ'],
]
const LABEL_BEFORE = LABELS.map(
  ([label, words]) => [label, new RegExp(`${NOT_LETTER}(?:${words})\\.?\\s*[:.\\-–—]?\\s*$`, 'iu')] as const,
)
const LABEL_AFTER = LABELS.map(
  ([label, words]) => [label, new RegExp(`^\\s*[([]\\s*(?:${words})\\s*[)\\]]`, 'iu')] as const,
)

/** Options of `findPhones`. */
export interface FindPhonesOptions {
  defaultCountry?: CountryCode
  /**
   * The text is known to hold phone numbers (LinkedIn's Phone block), so any run of 7–15 digits
   * counts; elsewhere a number needs a label, a `+`, a bracket or separators between its digits.
   * @default false
   */
  isPhoneField?: boolean
}

/**
 * Finds phone numbers in one line of a signature or contact block. Arabic-Indic digits become
 * ASCII; a number becomes E.164 when it parses (with a `+` code or the default country), and is
 * kept as written otherwise. Lines naming a licence or registration number yield nothing unless
 * the number is labelled as a phone.
 * @param line - one line of plain text
 * @param options - the default country, and whether the line is a phone field
 * @returns the numbers with their labels (`mobile`, `work`, `home`, `fax`), in order
 */
export function findPhones(line: string, options: FindPhonesOptions = {}): LabeledValue[] {
  const text = toAsciiDigits(cleanText(line))
  const found: LabeledValue[] = []
  for (const m of text.matchAll(CANDIDATE)) {
    const written = m[0].trim()
    const digits = written.replace(/\D/g, '')
    if (digits.length < 7 || digits.length > 15 || DATE.test(written)) continue
    const before = text.slice(0, m.index)
    const after = text.slice(m.index + m[0].length)
    const label =
      LABEL_BEFORE.find(([, re]) => re.test(before))?.[0] ?? LABEL_AFTER.find(([, re]) => re.test(after))?.[0]
    const hasShape = /^[+(]/.test(written) || /\d[\s().\-/\u2010-\u2015]+\d/.test(written)
    if (!label && !options.isPhoneField && (!hasShape || LICENCE.test(text))) continue
    const value = normalizePhone(written, options.defaultCountry) ?? written.replace(/\s+/g, ' ')
    if (found.some((f) => f.value.replace(/\D/g, '') === value.replace(/\D/g, ''))) continue
    found.push(label ? { value, label } : { value })
  }
  return found
}
