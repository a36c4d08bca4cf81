import { foldText } from './text'

/** Month names as Gmail and LinkedIn write them in English and Arabic, folded (see `foldText`). */
// prettier-ignore
const MONTHS = new Map<string, number>([
  ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['ابريل', 4], ['مايو', 5], ['يونيو', 6],
  ['يوليو', 7], ['اغسطس', 8], ['سبتمبر', 9], ['اكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
])
// prettier-ignore
const ENGLISH_MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
]
ENGLISH_MONTHS.forEach((name, i) => MONTHS.set(name, i + 1))

/** The month a word names: an English name or its abbreviation ("Mar", "Sept"), or an Arabic name. */
function monthOf(word: string): number | undefined {
  const w = word.replace(/\.$/, '')
  if (MONTHS.has(w)) return MONTHS.get(w)
  if (w.length < 3) return undefined
  const i = ENGLISH_MONTHS.findIndex((name) => name.startsWith(w))
  return i >= 0 ? i + 1 : undefined
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The month and day of text such as "Mar 4", "4 March" or "٤ مارس", with the text left over. */
function readMonthDay(text: string): { month: number; day: number; rest: string } | undefined {
  const words = text.split(/[\s,،]+/).filter(Boolean)
  const at = words.findIndex((w) => monthOf(w) !== undefined)
  if (at < 0) return undefined
  const month = monthOf(words[at]!)!
  const dayAt = [at + 1, at - 1].find((i) => /^\d{1,2}$/.test(words[i] ?? ''))
  if (dayAt === undefined) return undefined
  const day = Number(words[dayAt])
  if (day < 1 || day > 31) return undefined
  return { month, day, rest: words.filter((_, i) => i !== at && i !== dayAt).join(' ') }
}

/**
 * Reads a date and time as Gmail shows them in a message header, in English or Arabic:
 * "Mon, Mar 4, 2024, 9:12 AM", "Mon, 4 Mar 2024, 09:12", "الاثنين، ٤ مارس ٢٠٢٤، ٩:١٢ ص".
 * @param shown - the text of the header's date (its `title`)
 * @returns `YYYY-MM-DDTHH:mm` in the viewer's time zone, or `undefined` when no full date and time
 *   can be read
 */
export function parseShownDateTime(shown: string): string | undefined {
  let text = foldText(shown)
  const time = /(\d{1,2}):(\d{2})(?::\d{2})?\s*(am|pm|a\.m\.|p\.m\.|ص|م)?(?![\p{L}])/u.exec(text)
  if (!time) return undefined
  text = text.slice(0, time.index) + ' ' + text.slice(time.index + time[0].length)
  const year = /\b(\d{4})\b/.exec(text)
  if (!year) return undefined
  const md = readMonthDay(text.replace(year[0], ' '))
  if (!md) return undefined
  let hours = Number(time[1])
  const marker = time[3]?.replace(/\./g, '')
  if (hours > 23 || Number(time[2]) > 59) return undefined
  if ((marker === 'pm' || marker === 'م') && hours < 12) hours += 12
  if ((marker === 'am' || marker === 'ص') && hours === 12) hours = 0
  return `${year[1]}-${pad(md.month)}-${pad(md.day)}T${pad(hours)}:${time[2]}`
}

/**
 * Reads a birthday as LinkedIn shows it, without a year: "March 14", "14 March", "١٤ مارس".
 * @param shown - the text of the Birthday block
 * @returns `--MM-DD`, or `undefined` when it is not a month and a day
 */
export function parseMonthDay(shown: string): string | undefined {
  const md = readMonthDay(foldText(shown))
  return md ? `--${pad(md.month)}-${pad(md.day)}` : undefined
}
