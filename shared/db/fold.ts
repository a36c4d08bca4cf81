/**
 * Folding of names for search: one spelling per name, whatever the case, the accents or the
 * Arabic spelling variant the typist used. The same function folds what is indexed and what is
 * typed, so the two always meet.
 */

/** Letters that carry no combining mark to strip but are typed without their stroke or ligature. */
const LATIN: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
}

/**
 * Arabic letters written several ways: alef wasla, alef maqsura, teh marbuta, and the Persian
 * yeh and keheh an Iranian keyboard types for ي and ك. Alef with hamza or madda (أ إ آ) need no
 * entry: NFKD splits them into ا and a mark, which is then stripped.
 */
const ARABIC: Record<string, string> = { ٱ: 'ا', ى: 'ي', ی: 'ي', ة: 'ه', ک: 'ك', ـ: '' }

const SPECIAL = new RegExp(`[${Object.keys(LATIN).join('')}${Object.keys(ARABIC).join('')}]`, 'g')
const MAP: Record<string, string> = { ...LATIN, ...ARABIC }
/** Combining marks: Latin accents, Arabic harakat (U+064B–U+065F) and the superscript alef (U+0670). */
const MARKS = /\p{M}/gu
/** Arabic-Indic (U+0660–0669) and extended Arabic-Indic (U+06F0–06F9) digits. */
const DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g
/** What separates tokens: anything but a letter or a digit, and a switch between letters and digits. */
const SEPARATOR = /[^\p{L}\p{N}]+|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u
/** Apostrophes and hyphens inside a word ("O'Brien", "Al-Ali") also join it into one token. */
const JOINERS = /['’‘`\u02bc-]/g
/** The Arabic definite article, which a search for "علي" should see through in "العلي". */
const ARTICLE = 'ال'

/**
 * Folds a string for search: compatibility-decomposed (NFKD, which also undoes Arabic
 * presentation forms and ligatures), lower-cased, combining marks stripped, Arabic letter
 * variants unified (أ إ آ ٱ → ا, ى → ي, ة → ه), tatweel removed and Arabic-Indic digits made
 * ASCII. Separators are kept; see `nameTokens` for splitting.
 * @param s - any text; an empty string folds to `''`
 * @returns the folded text
 */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(SPECIAL, (c) => MAP[c] ?? c)
    .replace(DIGITS, (d) => String(d.charCodeAt(0) & 0xf))
}

/**
 * The search tokens of a query: folded, split on spaces and punctuation (and between letters and
 * digits, as in "kpark2024"), deduplicated, in order.
 * @param query - what the user typed
 * @returns the tokens; `[]` for a query with no letter or digit
 */
export function queryTokens(query: string): string[] {
  return [...new Set(foldName(query).split(SEPARATOR).filter(Boolean))]
}

/**
 * The indexed tokens of a contact's names (display, given, family, organisation, the local part
 * of emails…): the folded words, plus the joined form of words linked by an apostrophe or a
 * hyphen ("o'brien" → o, brien, obrien) and Arabic words without their article ("العلي" → علي),
 * so a query typed either way finds them.
 * @param parts - the texts to tokenize; `undefined` and empty parts are skipped
 * @returns the distinct tokens, sorted (a stable shape for the read model)
 */
export function nameTokens(...parts: (string | undefined)[]): string[] {
  const out = new Set<string>()
  for (const part of parts) {
    if (!part) continue
    const folded = foldName(part)
    for (const word of folded.split(/\s+/)) {
      const tokens = word.split(SEPARATOR).filter(Boolean)
      for (const t of tokens) {
        out.add(t)
        if (t.startsWith(ARTICLE) && t.length > ARTICLE.length + 1) out.add(t.slice(ARTICLE.length))
      }
      const joined = word.replace(JOINERS, '')
      if (tokens.length > 1 && /^\p{L}+$/u.test(joined)) out.add(joined)
    }
  }
  return [...out].sort()
}
