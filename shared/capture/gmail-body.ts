import { isNameLine } from './person-name'
import { foldText, textLines } from './text'

/** A message body split into what the sender wrote and the signature block, when one is clear. */
export interface MessageText {
  /** The sender's own lines: no quoted history, no signature, no sign-off. */
  lines: string[]
  signature?: string[]
}

/** Quoted history and Gmail's "show trimmed content" parts: earlier messages, not this one. */
const QUOTE = '.gmail_quote, blockquote, .yj6qo, .ajR, .im'
const SIGNATURE = '.gmail_signature, [data-smartmail="gmail_signature"]'
const isQuote = (el: Element) => el.matches(QUOTE)
const isQuoteOrSignature = (el: Element) =>
  el.matches(QUOTE) || el.matches(SIGNATURE) || el.matches('.gmail_signature_prefix')
/** The header line of quoted history when the quote has no markup (plain-text replies, Outlook). */
const QUOTE_HEADER =
  /^(?:on .{4,200} wrote:|في .{4,200} كتب.{0,200}:|-{2,} ?(?:original message|forwarded message) ?-{2,}|from: .+)$/i
/** Sign-offs after which the sender's name and signature follow, folded (see `foldText`). */
const SIGN_OFF =
  /^(?:best|best regards|best wishes|all the best|regards|kind regards|warm regards|warmly|cheers|thanks|thank you|many thanks|thanks again|sincerely|yours truly|talk soon|مع تحياتي|مع التحيه|تحياتي|مع خالص التحيه|مع خالص التحيات|مع اطيب التحيات|مع الشكر|شكرا|وشكرا)\s*[,،!.]*$/
/** How far from the end a sign-off may be, and how long the block after the name may run. */
const SIGN_OFF_WINDOW = 8
const MAX_SIGNATURE_LINES = 8

/**
 * Splits a Gmail message body (`div.a3s`) into the sender's text and their signature. The
 * signature is, in order: Gmail's `div.gmail_signature`; the lines after a `-- ` delimiter; or
 * the lines after a sign-off ("Best,", "Thanks,", "مع تحياتي،") when the next line is the
 * sender's name and a short block follows it. Anything else has no signature: body text is
 * never read as one. Quoted history (`.gmail_quote`, `blockquote`, "On … wrote:") is left out.
 * @param body - the message body element
 * @param senderName - the sender's display name, to recognise the line after a sign-off
 * @returns the sender's lines and, when clear, the signature's lines
 */
export function splitMessageBody(body: Element, senderName: string | undefined): MessageText {
  let lines = textLines(body, isQuoteOrSignature)
  const quoteAt = lines.findIndex((line) => QUOTE_HEADER.test(line))
  if (quoteAt >= 0) lines = lines.slice(0, quoteAt)

  for (const el of body.querySelectorAll(SIGNATURE)) {
    if (el.parentElement?.closest(QUOTE) || el.parentElement?.closest(SIGNATURE)) continue
    return { lines: withoutSignOff(lines, senderName), signature: textLines(el, isQuote) }
  }
  const dashes = lines.indexOf('--')
  if (dashes >= 0) {
    return {
      lines: lines.slice(0, dashes),
      signature: lines.slice(dashes + 1, dashes + 1 + MAX_SIGNATURE_LINES),
    }
  }
  for (let i = lines.length - 2; i >= Math.max(0, lines.length - SIGN_OFF_WINDOW); i--) {
    if (!SIGN_OFF.test(foldText(lines[i]!))) continue
    const rest = lines.slice(i + 2)
    if (
      !isNameLine(lines[i + 1]!, senderName) ||
      rest.length === 0 ||
      rest.length > MAX_SIGNATURE_LINES - 2
    ) {
      break
    }
    return { lines: lines.slice(0, i), signature: lines.slice(i + 1) }
  }
  return { lines: withoutSignOff(lines, senderName) }
}

/** The lines without a closing "Best,\nOmar", which is not part of what the sender said. */
function withoutSignOff(lines: string[], senderName: string | undefined): string[] {
  const n = lines.length
  if (n >= 2 && SIGN_OFF.test(foldText(lines[n - 2]!)) && isNameLine(lines[n - 1]!, senderName)) {
    return lines.slice(0, n - 2)
  }
  if (n >= 1 && SIGN_OFF.test(foldText(lines[n - 1]!))) return lines.slice(0, n - 1)
  return lines
}
