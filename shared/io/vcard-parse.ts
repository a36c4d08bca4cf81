import { decodeBytes } from './decode'
import type { ImportError } from './types'

/** One content line of a vCard, unfolded but not yet decoded. */
export type VCardProperty = {
  /** Apple's grouping prefix (`item1` in `item1.EMAIL`), lower-cased. */
  group?: string
  /** The property name, upper-cased (`EMAIL`, `X-ABLABEL`). */
  name: string
  /** Parameters by upper-cased name, values unquoted. 2.1's bare `WORK` is filed under `TYPE`. */
  params: Record<string, string[]>
  /** All `TYPE` values, lower-cased and split on commas. */
  types: string[]
  /** The value as written after unfolding. */
  raw: string
  /** 1-based line where the property starts. */
  line: number
}

/** One `BEGIN:VCARD` … `END:VCARD` block. */
export type VCard = { line: number; version?: string; properties: VCardProperty[] }

/** 2.1 allows naming an encoding without `ENCODING=`. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT'])

/**
 * Splits vCard text (2.1, 3.0 or 4.0) into cards and properties. Unfolds RFC 6350 continuation
 * lines (starting with a space or tab) and 2.1 quoted-printable soft line breaks (`=` at the end of
 * a line). A card left open (no `END:VCARD` before the next `BEGIN` or the end of the file) is
 * reported and dropped.
 * @param text - decoded text
 * @returns the complete cards and the problems found, each on a 1-based line
 */
export function parseVCardText(text: string): { cards: VCard[]; errors: ImportError[] } {
  const cards: VCard[] = []
  const errors: ImportError[] = []
  let card: VCard | undefined
  const unclosed = (c: VCard) =>
    errors.push({ line: c.line, message: 'this card has no END:VCARD, so it was not imported' })

  for (const logical of unfold(text)) {
    const content = logical.text.trim()
    if (/^BEGIN:VCARD$/i.test(content)) {
      if (card) unclosed(card)
      card = { line: logical.line, properties: [] }
    } else if (/^END:VCARD$/i.test(content)) {
      if (card) cards.push(card)
      card = undefined
    } else if (card) {
      const prop = parseProperty(logical.text, logical.line)
      if (prop?.name === 'VERSION') card.version = prop.raw.trim()
      else if (prop) card.properties.push(prop)
    }
  }
  if (card) unclosed(card)
  return { cards, errors }
}

/** Joins folded physical lines into logical lines, remembering where each one starts. */
function unfold(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number; isQp: boolean }[] = []
  let current: (typeof out)[number] | undefined
  text.split(/\r\n|\r|\n/).forEach((physical, i) => {
    if (current?.isQp && current.text.endsWith('=')) {
      // A quoted-printable soft break: the next line continues the value as it is.
      current.text = current.text.slice(0, -1) + physical
    } else if (current && /^[ \t]/.test(physical)) {
      current.text += physical.slice(1)
    } else if (physical.trim() === '') {
      // A blank line ends 2.1's indented base64 blocks; nothing may continue across it.
      current = undefined
    } else {
      const colon = physical.indexOf(':')
      const head = colon < 0 ? physical : physical.slice(0, colon)
      current = { text: physical, line: i + 1, isQp: /QUOTED-PRINTABLE/i.test(head) }
      out.push(current)
    }
  })
  return out
}

/** Parses `[group.]NAME[;param…]:value`; `undefined` for a line with no colon. */
function parseProperty(text: string, line: number): VCardProperty | undefined {
  let colon = -1
  let inQuotes = false
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') inQuotes = !inQuotes
    else if (text[i] === ':' && !inQuotes) {
      colon = i
      break
    }
  }
  if (colon < 0) return undefined
  const [fullName = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';')
  const dot = fullName.lastIndexOf('.')
  const params: Record<string, string[]> = {}
  for (const p of rawParams) {
    const eq = p.indexOf('=')
    const key = eq < 0 ? (BARE_ENCODINGS.has(p.trim().toUpperCase()) ? 'ENCODING' : 'TYPE') : p.slice(0, eq)
    const values = eq < 0 ? [p] : splitOutsideQuotes(p.slice(eq + 1), ',')
    const upper = key.trim().toUpperCase()
    params[upper] = [...(params[upper] ?? []), ...values.map((s) => s.trim().replace(/^"|"$/g, ''))]
  }
  const types = (params.TYPE ?? []).flatMap((t) => t.toLowerCase().split(','))
  if (params.PREF) types.push('pref')
  return {
    group: dot > 0 ? fullName.slice(0, dot).toLowerCase() : undefined,
    name: fullName
      .slice(dot + 1)
      .trim()
      .toUpperCase(),
    params,
    types: types.map((t) => t.trim()).filter(Boolean),
    raw: text.slice(colon + 1),
    line,
  }
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  const parts: string[] = []
  let inQuotes = false
  let start = 0
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '"') inQuotes = !inQuotes
    else if (s[i] === sep && !inQuotes) {
      parts.push(s.slice(start, i))
      start = i + 1
    }
  }
  parts.push(s.slice(start))
  return parts
}

/**
 * Decodes a property's value: quoted-printable in its `CHARSET` (UTF-8 by default) when so
 * encoded, then split on unescaped `separator` (`;` for N, ADR and ORG; `,` for CATEGORIES) and
 * unescaped (`\n`, `\,`, `\;`, `\\`).
 * @param prop - the property
 * @param separator - the component separator, or none for a single text value
 * @returns the components (one when there is no separator)
 */
export function decodeValue(prop: VCardProperty, separator?: ';' | ','): string[] {
  const encoding = prop.params.ENCODING?.[0]?.toUpperCase()
  const charset = prop.params.CHARSET?.[0] ?? 'utf-8'
  const value = encoding === 'QUOTED-PRINTABLE' ? decodeQuotedPrintable(prop.raw, charset) : prop.raw
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === '\\' && i + 1 < value.length) {
      const next = value[++i]
      current += next === 'n' || next === 'N' ? '\n' : next
    } else if (c === separator) {
      parts.push(current)
      current = ''
    } else {
      current += c
    }
  }
  parts.push(current)
  return parts
}

function decodeQuotedPrintable(s: string, charset: string): string {
  const bytes: number[] = []
  const encoder = new TextEncoder()
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3)
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      const cp = s.codePointAt(i) ?? 0
      bytes.push(...encoder.encode(String.fromCodePoint(cp)))
      if (cp > 0xffff) i++
    }
  }
  return decodeBytes(new Uint8Array(bytes), charset)
}
