import type { PersonDraft } from '../model'
import type { IntroDraft } from './types'
import { escapeRegExp, foldText, sentences } from './text'

/** A message as the intro detector needs it: who sent it to whom, and what the sender wrote. */
export interface IntroCandidate {
  id?: string
  /** The sender's index in `people`, or `null` for the signed-in account owner. */
  sender: number | null
  /** The recipients' indexes in `people` (the owner is not among them). */
  recipients: number[]
  /** The sender's own lines (no quote, no signature). */
  lines: string[]
}

/** English phrases of an introduction, matched on the sentence as written (case matters for "meet X"). */
const INTRO_EN = [
  /\b(?:i'?d|i would|i'?m|i am|let me|allow me to|want to|wanted to)\s+(?:like to |love to |happy to |glad to |pleased to |delighted to )?introduce\b/i,
  /\bintroduc(?:e|ing) you (?:two|both|to)\b/i,
  /(?:^|[,.;:!—–-]\s*)(?:[Pp]lease\s+)?[Mm]eet\s+\p{Lu}/u,
  /\byou (?:two |both )?(?:should |to )meet\b/i,
  /\bconnect(?:ing)? you (?:two|both|with)\b/i,
  /\bput(?:ting)? you (?:two |both )?in touch\b/i,
]
/** Arabic phrases, matched on folded text ("أود أن أعرّفك" → "اود ان اعرفك"). */
const INTRO_AR = [/اود ان اعرف/, /اقدم لك/, /اقدم اليك/, /اعرفك(?:م)? (?:علي|ب)/, /يسعدني ان (?:اعرف|اقدم)/]
/** A sentence that states what someone needs, folded. */
const NEED =
  /\b(?:looking (?:for|to)|in the market|needs?\b|interested in|searching for|hoping to|plans? to)|يبحث|تبحث|يبحثون|بحاجه|يحتاج|تحتاج|يرغب|ترغب|مهتم/
const MAX_TEXT = 280

const isIntroSentence = (s: string) => {
  const plain = s.replace(/[\u2018\u2019]/g, "'")
  return INTRO_EN.some((re) => re.test(plain)) || INTRO_AR.some((re) => re.test(foldText(s)))
}

/** Where a person is first named in folded text: their full name or first name, as a word. */
function firstMention(text: string, person: PersonDraft): number {
  const name = foldText(person.displayName ?? '')
  const keys = [name, name.split(' ')[0] ?? ''].filter((k) => k.length >= 2)
  let at = -1
  for (const key of keys) {
    // Arabic attaches "و", "ف", "ب", "ل" to the next word: "وأحمد" names أحمد.
    const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])[وفبل]?${escapeRegExp(key)}(?![\\p{L}\\p{N}])`, 'u')
    const m = re.exec(text)
    if (m && (at < 0 || m.index < at)) at = m.index
  }
  return at
}

const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s)

/**
 * Finds an introduction: the first message whose sender uses an introduction phrase ("I'd like
 * to introduce", "Dana, meet Omar", "connecting you two", "أود أن أعرفك", "أقدم لكم") and names
 * exactly two of its other recipients in what they wrote. Later messages ("thanks for connecting
 * us") never override it. The parties are ordered by first mention.
 * @param messages - the thread's messages, in order
 * @param people - the captured people, for names
 * @returns the intro; or a problem when a message introduces more than two people; or neither
 */
export function detectIntro(
  messages: readonly IntroCandidate[],
  people: readonly PersonDraft[],
): { intro?: IntroDraft; problem?: string } {
  for (const m of messages) {
    const said = sentences(m.lines)
    const evidence = said.find(isIntroSentence)
    if (!evidence) continue
    const text = foldText(m.lines.join('\n'))
    const named = [...new Set(m.recipients)]
      .filter((i) => i !== m.sender)
      .map((i) => ({ i, at: firstMention(text, people[i]!) }))
      .filter((n) => n.at >= 0)
      .sort((a, b) => a.at - b.at)
    if (named.length < 2) continue
    if (named.length > 2) {
      return { problem: 'a message introduces more than two people: no introduction was proposed' }
    }
    const need = said.find((s) => NEED.test(foldText(s)))
    return {
      intro: {
        introducer: m.sender,
        partyA: named[0]!.i,
        partyB: named[1]!.i,
        ...(need ? { need: clip(need) } : {}),
        consentA: null,
        consentB: null,
        evidence: clip(evidence),
        ...(m.id ? { messageId: m.id } : {}),
      },
    }
  }
  return {}
}
