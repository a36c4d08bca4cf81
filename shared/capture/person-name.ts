import { cleanText, foldText } from './text'

/** A name as shown on a page, taken apart into the fields of a `PersonDraft`. */
export interface NameParts {
  displayName?: string
  /** Set only for a two-word name, where the split is not a guess. */
  givenName?: string
  familyName?: string
  pronouns?: string
  credentials?: string
}

const PRONOUN = '(?:she|her|hers|he|him|his|they|them|theirs|ze|zir|xe|xem|any|all)'
/** "(She/Her)", "[they/them]" or a bare "she/her": two or more pronouns joined by slashes. */
const PRONOUNS = new RegExp(`[([]?\\s*\\b(${PRONOUN}(?:\\s*/\\s*${PRONOUN})+)\\b\\s*[)\\]]?`, 'i')
const PRONOUNS_ONLY = new RegExp(`^[([]?\\s*${PRONOUN}(?:\\s*/\\s*${PRONOUN})+\\s*[)\\]]?$`, 'i')
/** Pictographs and what builds them (skin tones, flags, joiners, variation selectors, keycaps). */
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200D|\uFE0F|\u20E3/gu
/** Generational suffixes: part of the name, not credentials. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i
/** Credentials recognised even without a comma before them ("Omar Haddad MBA"). */
// prettier-ignore
const KNOWN_CREDENTIALS = new Set([
  'abr', 'ahwd', 'alhs', 'c2ex', 'ccim', 'cdpe', 'cfa', 'cfp', 'chfc', 'cips', 'clhms', 'clu', 'cpa',
  'crb', 'crs', 'e-pro', 'esq', 'gri', 'jd', 'llm', 'mba', 'md', 'mrp', 'phd', 'pmp', 'psa', 'rene',
  'sior', 'sres', 'srs',
])
/** Letters and marks only: "CRS", "Ph.D.", "ABR", "e-PRO" after normalisation. */
const CREDENTIAL_SHAPE = /^[A-Za-z][A-Za-z0-9.\-&]{1,9}$/

const credentialKey = (token: string) => token.toLowerCase().replace(/\./g, '')

/** Whether a token after a comma reads as a credential: a known one, or two or more capitals. */
function isCredential(token: string): boolean {
  if (KNOWN_CREDENTIALS.has(credentialKey(token))) return true
  return CREDENTIAL_SHAPE.test(token) && (token.match(/[A-Z]/g)?.length ?? 0) >= 2
}

/** Splits ", CRS, GRI" (after a comma) or a trailing known credential ("MBA") off the name. */
function splitCredentials(name: string): { name: string; credentials?: string } {
  const [head = '', ...tail] = name.split(/\s*,\s*/)
  if (tail.length > 0) {
    let kept = head
    const found: string[] = []
    for (const token of tail) {
      if (SUFFIX.test(token) && found.length === 0) kept += `, ${token}`
      else if (isCredential(token)) found.push(token)
      else return { name }
    }
    return found.length ? { name: kept, credentials: found.join(', ') } : { name }
  }
  const words = name.split(' ')
  const found: string[] = []
  while (words.length > 2 && KNOWN_CREDENTIALS.has(credentialKey(words[words.length - 1]!))) {
    found.unshift(words.pop()!)
  }
  return found.length ? { name: words.join(' '), credentials: found.join(', ') } : { name }
}

/**
 * Takes a displayed name apart: pronouns ("(She/Her)") and credentials (", CRS, GRI", "MBA") go
 * to their own fields, emoji are dropped, and anything after " | " (a tagline) is left out.
 * Given and family names are split only for a two-word name without a comma ("Haddad, Omar" is not).
 * @param raw - the name as shown, plain text
 * @returns the parts; `displayName` is missing when nothing of a name remains
 */
export function splitDisplayName(raw: string): NameParts {
  let text = cleanText(raw.replace(EMOJI, ' ')).split(/\s+\|\s+/)[0] ?? ''
  let pronouns: string | undefined
  const p = PRONOUNS.exec(text)
  if (p) {
    pronouns = p[1]!.replace(/\s+/g, '')
    text = cleanText(text.slice(0, p.index) + ' ' + text.slice(p.index + p[0].length))
  }
  text = text.replace(/^[\s,]+|[\s,;:\-–—]+$/g, '').replace(/\s+,/g, ',')
  const { name, credentials } = splitCredentials(text)
  const words = name.split(' ').filter(Boolean)
  return {
    ...(name ? { displayName: name } : {}),
    ...(words.length === 2 && !name.includes(',') ? { givenName: words[0], familyName: words[1] } : {}),
    ...(pronouns ? { pronouns } : {}),
    ...(credentials ? { credentials } : {}),
  }
}

/**
 * Whether text is nothing but pronouns ("She/Her", "(they/them)"), as LinkedIn shows them
 * beside the name.
 * @param text - the text
 * @returns `true` for pronouns only
 */
export function isPronouns(text: string): boolean {
  return PRONOUNS_ONLY.test(cleanText(text))
}

/**
 * Whether a line is the given person's name, as the first line of a signature is: the whole
 * name or the first name, with any credentials after it.
 * @param line - a line of text
 * @param name - the person's display name
 * @returns `false` when either is blank
 */
export function isNameLine(line: string, name: string | undefined): boolean {
  const shown = splitDisplayName(line).displayName
  if (!shown || !name) return false
  const a = foldText(shown)
  const b = foldText(name)
  return a === b || a === b.split(' ')[0]
}
