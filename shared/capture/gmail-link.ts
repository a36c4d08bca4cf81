/** Gmail views whose hash is `#<view>/<threadId>`. */
const ONE_PART_VIEWS = new Set([
  'inbox',
  'starred',
  'snoozed',
  'sent',
  'drafts',
  'all',
  'spam',
  'trash',
  'imp',
  'scheduled',
  'chats',
])
/** Gmail views whose hash is `#<view>/<name>/<threadId>`. */
const TWO_PART_VIEWS = new Set(['label', 'search', 'category', 'advanced-search', 'create-filter'])
const THREAD_ID = /^[A-Za-z0-9_-]{16,}$/

/**
 * The id of the thread open in a Gmail URL: `#inbox/<id>`, `#label/<name>/<id>`, `#search/<q>/<id>`.
 * @param url - the page's URL
 * @returns the id, or `undefined` when the URL shows a list, not a thread
 */
export function threadIdFromUrl(url: URL): string | undefined {
  const parts = url.hash.replace(/^#/, '').split('?')[0]!.split('/')
  const view = parts[0] ?? ''
  const id = ONE_PART_VIEWS.has(view) ? parts[1] : TWO_PART_VIEWS.has(view) ? parts[2] : undefined
  return id && THREAD_ID.test(id) ? id : undefined
}

/**
 * The thread's id from the subject heading: `data-legacy-thread-id` (hex), else the decimal of
 * `data-thread-perm-id="thread-f:<n>"` turned into that hex form. Gmail opens either in a URL.
 * @param subject - the `h2.hP` element
 * @returns the id, or `undefined`
 */
export function threadIdFromPage(subject: Element | null): string | undefined {
  const legacy = subject?.getAttribute('data-legacy-thread-id')?.trim()
  if (legacy && /^[0-9a-f]{8,}$/i.test(legacy)) return legacy
  const perm = /^#?thread-[a-z]:(\d{6,20})$/.exec(subject?.getAttribute('data-thread-perm-id')?.trim() ?? '')
  return perm ? BigInt(perm[1]!).toString(16) : undefined
}

/**
 * A link to the thread in the same Gmail account as the page (`/mail/u/<n>/`).
 * @param url - the page's URL, for the account number (`0` when it has none)
 * @param threadId - the thread's id
 * @returns `https://mail.google.com/mail/u/<n>/#inbox/<threadId>`
 */
export function threadLink(url: URL | undefined, threadId: string): string {
  const account = /\/mail\/u\/(\d+)\//.exec(url?.pathname ?? '')?.[1] ?? '0'
  return `https://mail.google.com/mail/u/${account}/#inbox/${threadId}`
}
