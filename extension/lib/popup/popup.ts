import type { BackgroundMessageType, MessageOf, MessageResults, RecentCapture, Reply } from '../messages'
import { el, shortDate } from '../ui/dom'

/** What the popup needs: the background, the app's address, and a way to open a tab. */
export interface PopupDeps {
  send<T extends BackgroundMessageType>(message: MessageOf<T>): Promise<Reply<MessageResults[T]>>
  pwaUrl: string
  openTab(url: string): void
  /** ctx-free debounce timer for the search box. */
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/**
 * Renders the popup: open the app, search the team's contacts, and the recent captures (saved, or
 * waiting in the queue with the reason).
 */
export async function renderPopup(root: HTMLElement, deps: PopupDeps): Promise<void> {
  const open = el('button', {
    class: 'primary',
    text: 'Open Rapport',
    attrs: { type: 'button', id: 'open-pwa' },
  })
  open.addEventListener('click', () => deps.openTab(deps.pwaUrl))
  const search = el('input', {
    attrs: { type: 'search', id: 'search', placeholder: 'Search contacts', 'aria-label': 'Search contacts' },
  })
  const hits = el('ul', { class: 'hits', attrs: { id: 'hits', 'aria-live': 'polite' } })
  const recent = el('ul', { class: 'recent', attrs: { id: 'recent' } })
  const team = el('p', { class: 'muted', attrs: { id: 'team' } })
  root.replaceChildren(
    el('header', {}, [el('h1', { text: 'Rapport' }), open]),
    team,
    search,
    hits,
    el('h2', { text: 'Recent captures' }),
    recent,
  )

  let timer: unknown
  let asked = 0
  search.addEventListener('input', () => {
    deps.clearTimeout(timer)
    hits.setAttribute('aria-busy', 'true')
    timer = deps.setTimeout(async () => {
      const mine = ++asked
      const rows = await runSearch(search.value, deps)
      if (mine !== asked) return // a later query answers instead
      hits.replaceChildren(...rows)
      hits.setAttribute('aria-busy', 'false')
    }, 150)
  })

  const [status, captures] = await Promise.all([
    deps.send({ type: 'team/status' }),
    deps.send({ type: 'captures/recent' }),
  ])
  team.textContent = !status.ok
    ? `The extension is not answering: ${status.error.message}`
    : status.value.teamId
      ? [
          status.value.bridges ? 'Syncing with the app.' : 'The app is not open: captures sync when it is.',
          status.value.pending ? `${status.value.pending} capture(s) waiting.` : '',
        ].join(' ')
      : 'Open Rapport once so this browser joins your team; captures wait until then.'
  renderRecent(recent, captures.ok ? captures.value : [])
}

async function runSearch(query: string, deps: PopupDeps): Promise<HTMLElement[]> {
  if (!query.trim()) return []
  const reply = await deps.send({ type: 'contacts/search', query })
  if (!reply.ok) return [el('li', { class: 'muted', text: reply.error.message })]
  if (reply.value.length === 0) return [el('li', { class: 'muted', text: 'No match' })]
  return reply.value.map((h) =>
    el('li', { attrs: { 'data-contact': h.id } }, [
      el('strong', { text: h.displayName }),
      h.organisation || h.primaryEmail
        ? el('span', { class: 'muted', text: ` ${h.organisation ?? h.primaryEmail}` })
        : null,
    ]),
  )
}

function renderRecent(list: HTMLElement, captures: RecentCapture[]) {
  if (captures.length === 0)
    return list.replaceChildren(el('li', { class: 'muted', text: 'Nothing captured yet.' }))
  list.replaceChildren(
    ...captures.map((c) =>
      el('li', { attrs: { 'data-capture': c.id } }, [
        el('strong', { text: c.title }),
        el('span', {
          class: 'muted',
          text: ` · ${c.source === 'gmail' ? 'Gmail' : 'LinkedIn'} · ${shortDate(c.at)}`,
        }),
        el('div', {
          class: c.status === 'queued' ? 'warn' : 'muted',
          text:
            c.status === 'queued'
              ? `Waiting: ${c.reason ?? ''}`
              : c.people.map((p) => p.displayName).join(', '),
        }),
      ]),
    ),
  )
}
