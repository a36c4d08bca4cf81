import { normalizeEmail } from '../io'
import type { GmailMessage } from './gmail-messages'
import { cleanText } from './text'

/** The signed-in account, whose own address is never captured as a contact. */
export interface AccountOwner {
  email: string
  name?: string
}

/** "Google Account: Jane Doe (jane@example.com)", "حساب Google: … (…)": a name, then the address in brackets. */
const ACCOUNT_LABEL = /^(?:[^:：]*[:：])?\s*(.*?)\s*\(([^()\s]+@[^()\s]+)\)\s*$/
/** Gmail's page title: "Subject - jane@example.com - Gmail" (or the Workspace's name instead of Gmail). */
const TITLE_ACCOUNT = /\s[-–]\s([^\s@]+@[^\s@]+\.[^\s@]+)\s[-–]\s[^-–]*$/
/** How Gmail shows the signed-in account among recipients. */
const ME = /^(?:me|أنا)$/i

/**
 * Finds the signed-in Gmail account: from the account switcher's `aria-label` in the top bar
 * (`header` / `[role=banner]`), else from the page title, else from a participant Gmail shows
 * as "me".
 * @param doc - the Gmail page
 * @param messages - the thread's messages, for the "me" fallback
 * @returns the account, or `undefined` when none of these is on the page
 */
export function findAccountOwner(doc: Document, messages: readonly GmailMessage[]): AccountOwner | undefined {
  for (const el of doc.querySelectorAll('header [aria-label*="@"], [role="banner"] [aria-label*="@"]')) {
    const m = ACCOUNT_LABEL.exec(cleanText(el.getAttribute('aria-label')))
    if (m) return m[1] ? { email: normalizeEmail(m[2]!), name: m[1] } : { email: normalizeEmail(m[2]!) }
  }
  const fromTitle = TITLE_ACCOUNT.exec(cleanText(doc.title))
  if (fromTitle) return { email: normalizeEmail(fromTitle[1]!) }
  for (const m of messages) {
    const me = [m.sender, ...m.recipients].find((p) => p && ME.test(p.shownAs))
    if (me) return me.name ? { email: me.email, name: me.name } : { email: me.email }
  }
  return undefined
}
