/**
 * Decodes bytes read from a file: UTF-8 (a BOM is dropped) when they are valid UTF-8, otherwise
 * windows-1252, the encoding of CSVs saved by Excel and Outlook on Western Windows.
 * @param input - the file's bytes, or text that was already decoded (its BOM is dropped)
 * @returns the text; never throws
 */
export function decodeInput(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '')
  return decodeBytes(input, 'utf-8')
}

/**
 * Decodes bytes in a named charset, falling back to windows-1252 when they are not valid in it
 * or the charset is unknown.
 * @param bytes - the bytes
 * @param charset - an encoding label such as `UTF-8` or `ISO-8859-1`
 * @returns the text, without a leading BOM
 */
export function decodeBytes(bytes: Uint8Array, charset: string): string {
  let text: string
  try {
    const decoder = new TextDecoder(charset, { fatal: true })
    text = decoder.decode(bytes)
    // WHATWG maps ISO-8859-1 and latin1 labels to windows-1252 too.
    if (decoder.encoding === 'windows-1252') text = fixC1(text)
  } catch {
    text = fixC1(new TextDecoder('windows-1252').decode(bytes))
  }
  return text.replace(/^\uFEFF/, '')
}

/**
 * Bytes 0x80–0x9F of windows-1252 (WHATWG table). Node 20.18.3+ decodes them as C1 controls, the
 * latin1 way (nodejs/node#60888); browsers do it right, and there this is a no-op.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c)
}
