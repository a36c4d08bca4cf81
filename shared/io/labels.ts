/** Labels written lower-case so that the same label from different exports compares equal. */
const KNOWN = new Set([
  'home',
  'work',
  'mobile',
  'other',
  'main',
  'fax',
  'home fax',
  'work fax',
  'other fax',
  'pager',
  'iphone',
  'personal',
  'business',
  'school',
  'home page',
  'homepage',
  'car',
  'work mobile',
  'google voice',
])

/**
 * Normalizes the label of an email, phone, address or website as exports write it:
 * Google's `* Home` (the `*` marks the primary value), Apple's `_$!<HomeFax>!$_`, vCard's `CELL`.
 * @param raw - the label as written
 * @returns a common label lower-cased (`home`, `work fax`, `mobile`), a custom one as written, or
 *   `undefined` when blank
 */
export function normalizeLabel(raw: string | undefined): string | undefined {
  let s = raw?.replace(/^\*\s*/, '').trim()
  if (!s) return undefined
  const apple = /^_\$!<(.+)>!\$_$/.exec(s)
  if (apple?.[1]) s = apple[1].replace(/([a-z])([A-Z])/g, '$1 $2')
  const lower = s.toLowerCase()
  if (lower === 'cell' || lower === 'cellular') return 'mobile'
  return KNOWN.has(lower) ? lower : s
}

/**
 * Writes a label the way Google Contacts shows it: common labels capitalized (`Work Fax`),
 * custom ones as they are.
 * @param label - a label from the model
 * @returns the label to write, or `''` when there is none
 */
export function displayLabel(label: string | undefined): string {
  if (!label) return ''
  return KNOWN.has(label) ? label.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : label
}
