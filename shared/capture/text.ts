/** Marks that steer layout but are not text: bidi marks, embeddings and isolates, ZWSP, BOM. */
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g
const ELEMENT_NODE = 1
const TEXT_NODE = 3

/** Elements that end a line before and after them, as a browser lays them out. */
// prettier-ignore
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'td', 'th', 'tr', 'ul',
])
const IGNORED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'svg'])

/**
 * Collapses whitespace and drops invisible layout marks.
 * @param s - raw text (a text node, an attribute)
 * @returns the trimmed text, `''` for `null`/`undefined`
 */
export function cleanText(s: string | null | undefined): string {
  return (s ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}

/**
 * Turns Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits into ASCII digits.
 * @param s - text
 * @returns the same text with ASCII digits
 */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) =>
    String(d.charCodeAt(0) - (d.charCodeAt(0) >= 0x06f0 ? 0x06f0 : 0x0660)),
  )
}

/**
 * A form of text for matching words and names, not for output: lower-cased, ASCII digits, curly
 * apostrophes straightened, Arabic without diacritics or tatweel and with its letter variants
 * folded (أ إ آ ٱ → ا, ى → ي, ة → ه), so that "أحمد" matches "احمد".
 * @param s - text
 * @returns the folded text
 */
export function foldText(s: string): string {
  return toAsciiDigits(cleanText(s))
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
}

/**
 * The text of an element as lines, the way it reads on screen: `<br>` and block elements end a
 * line, blank lines are dropped. One walk over the subtree; scripts and styles are ignored.
 * @param root - the element to read
 * @param skip - elements to leave out with their whole subtree (quotes, screen-reader copies)
 * @returns the non-empty lines, cleaned with `cleanText`
 */
export function textLines(root: Element, skip?: (el: Element) => boolean): string[] {
  const lines: string[] = []
  let current = ''
  const flush = () => {
    const line = cleanText(current)
    if (line) lines.push(line)
    current = ''
  }
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        current += child.nodeValue ?? ''
        continue
      }
      if (child.nodeType !== ELEMENT_NODE) continue
      const el = child as Element
      const tag = el.localName
      if (IGNORED_TAGS.has(tag) || skip?.(el)) continue
      if (tag === 'br') {
        flush()
        continue
      }
      const isBlock = BLOCK_TAGS.has(tag)
      if (isBlock) flush()
      visit(el)
      if (isBlock) flush()
    }
  }
  visit(root)
  flush()
  return lines
}

/**
 * The text of an element on one line (see `textLines`).
 * @param el - the element, or nothing
 * @param skip - elements to leave out
 * @returns the text, `''` when there is no element
 */
export function elementText(el: Element | null | undefined, skip?: (el: Element) => boolean): string {
  return el ? textLines(el, skip).join(' ') : ''
}

/**
 * Splits text into sentences at `.`, `!`, `?` and the Arabic `؟` followed by a space, and at line ends.
 * @param lines - the lines of a message
 * @returns the sentences, trimmed
 */
export function sentences(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.split(/(?<=[.!?؟])\s+/)).filter((s) => s.trim() !== '')
}

/**
 * Escapes text for use inside a regular expression.
 * @param s - literal text
 * @returns the escaped text
 */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
