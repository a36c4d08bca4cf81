import type { Reply, TeamStatus } from '../messages'
import {
  appOrigin,
  isBuiltInAppOrigin,
  readSettings,
  writeSettings,
  type CaptureSite,
  type ExtensionSettings,
  type StorageArea,
} from '../settings'
import { el } from '../ui/dom'

/** What the options page needs. */
export interface OptionsDeps {
  area: StorageArea
  status(): Promise<Reply<TeamStatus>>
  /** Asks for an origin's permission (the app served from another computer); `true` when granted. */
  requestOrigin(origin: string): Promise<boolean>
}

const SITES: [CaptureSite, string][] = [
  ['gmail', 'Gmail (mail.google.com)'],
  ['linkedin', 'LinkedIn profiles (www.linkedin.com)'],
]

/**
 * Renders the options: the app's address (another origin than this computer asks for its
 * permission), the sites capture runs on, and which team member this browser is.
 */
export async function renderOptions(root: HTMLElement, deps: OptionsDeps): Promise<void> {
  const [settings, status] = await Promise.all([readSettings(deps.area), deps.status()])
  const url = el('input', { attrs: { type: 'url', id: 'pwa-url', name: 'pwaUrl', required: '' } })
  url.value = settings.pwaUrl
  const country = el('input', {
    attrs: { type: 'text', id: 'country', name: 'defaultCountry', maxlength: '2' },
  })
  country.value = settings.defaultCountry
  const sites = SITES.map(([site, label]) => {
    const box = el('input', { attrs: { type: 'checkbox', id: `site-${site}`, name: site } })
    box.checked = settings.sites[site]
    return { site, box, row: el('label', {}, [box, ` ${label}`]) }
  })
  const member = memberSelect(settings, status)
  const message = el('p', { attrs: { id: 'message', role: 'status' } })
  const save = el('button', { text: 'Save', attrs: { type: 'submit', id: 'save' } })
  const form = el('form', {}, [
    el('label', { class: 'row' }, ['Rapport address ', url]),
    el('fieldset', {}, [el('legend', { text: 'Capture on' }), ...sites.map((s) => s.row)]),
    el('label', { class: 'row' }, ['This browser is ', member]),
    el('label', { class: 'row' }, ['Phone numbers without a country code are in ', country]),
    save,
    message,
  ])
  root.replaceChildren(el('h1', { text: 'Rapport options' }), teamLine(status), form)

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const origin = appOrigin(url.value)
    if (origin && !isBuiltInAppOrigin(origin) && !(await deps.requestOrigin(origin))) {
      message.textContent = `Rapport needs permission to reach ${origin} to sync with the app there.`
      return
    }
    const result = await writeSettings(deps.area, {
      pwaUrl: url.value,
      defaultCountry: country.value.trim().toUpperCase() as ExtensionSettings['defaultCountry'],
      sites: Object.fromEntries(sites.map((s) => [s.site, s.box.checked])) as ExtensionSettings['sites'],
      memberId: member.value || undefined,
    })
    message.textContent = result.ok ? 'Saved.' : result.problems.map((p) => p.message).join('; ')
  })
}

function teamLine(status: Reply<TeamStatus>): HTMLElement {
  const text = !status.ok
    ? `The extension is not answering: ${status.error.message}`
    : status.value.teamId
      ? `Team ${status.value.teamId}, learned from the app. ${status.value.pending} capture(s) waiting.`
      : 'No team yet: open Rapport at the address below once, with this extension installed.'
  return el('p', { attrs: { id: 'team' }, text })
}

function memberSelect(settings: ExtensionSettings, status: Reply<TeamStatus>): HTMLSelectElement {
  const members = status.ok ? status.value.members : []
  const select = el('select', { attrs: { id: 'member', name: 'memberId' } }, [
    el('option', { text: 'Not chosen', attrs: { value: '' } }),
    ...members.map((m) => el('option', { text: m.name, attrs: { value: m.id } })),
  ])
  if (settings.memberId && !members.some((m) => m.id === settings.memberId)) {
    select.append(el('option', { text: `Member ${settings.memberId}`, attrs: { value: settings.memberId } }))
  }
  select.value = settings.memberId ?? ''
  return select
}
