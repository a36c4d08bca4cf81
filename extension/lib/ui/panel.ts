import type { CaptureResult } from '../../../shared/capture'
import type {
  CaptureIntro,
  CaptureRequest,
  CaptureSource,
  KnownContact,
  Reply,
  SaveOutcome,
} from '../messages'
import { createDraftForm, draftName, type DraftForm } from './draft-form'
import { el, textField } from './dom'

/** What the panel shows and whom it tells. */
export interface PanelOptions {
  capture: CaptureResult
  /** Per captured person, the contact they already are, or `null`. */
  known: (KnownContact | null)[]
  source: CaptureSource
  url: string
  /** A fresh id for the capture request (`crypto.randomUUID`). */
  newId: () => string
  save: (request: CaptureRequest) => Promise<Reply<SaveOutcome>>
  close: () => void
}

/**
 * Renders the capture panel into `container`: one editable form per captured person, the proposed
 * introduction, and Save. Saving the same panel twice sends the same request id, so it saves once.
 */
export function renderPanel(container: HTMLElement, options: PanelOptions): void {
  const { capture, known } = options
  const requestId = options.newId()
  const close = el('button', {
    text: 'Close',
    attrs: { type: 'button', 'aria-label': 'Close Rapport panel' },
  })
  close.addEventListener('click', () => options.close())
  const panel = el(
    'section',
    { class: 'panel', attrs: { role: 'dialog', 'aria-label': 'Save to Rapport' } },
    [el('header', {}, [el('h2', { text: 'Save to Rapport' }), close])],
  )
  container.append(panel)

  if (capture.people.length === 0) {
    panel.append(el('p', { text: 'Nobody to capture on this page.' }), notes(capture.errors))
    return
  }
  const forms = capture.people.map((d, i) => createDraftForm(d, i, known[i] ?? null, i === 0))
  panel.append(notes(capture.errors), ...forms.map((f) => f.element))
  const intro = capture.intro ? introSection(capture, forms) : undefined
  if (intro) panel.append(intro.element)

  const status = el('p', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } })
  const save = el('button', { class: 'primary', text: 'Save', attrs: { type: 'submit' } })
  panel.append(el('div', { class: 'footer' }, [status, el('div', { class: 'actions' }, [save])]))

  save.addEventListener('click', async () => {
    const request = buildRequest(options, requestId, forms, intro?.read())
    if (!request) return showStatus(status, 'error', 'Choose at least one person to save.')
    save.disabled = true
    showStatus(status, '', 'Saving…')
    const reply = await options.save(request)
    save.disabled = false
    if (!reply.ok) return showStatus(status, 'error', `Not saved: ${reply.error.message}`)
    const outcome = reply.value
    if (outcome.status === 'invalid') {
      return showStatus(status, 'error', outcome.problems.map((p) => `${p.path}: ${p.message}`).join('; '))
    }
    if (outcome.status === 'queued') return showStatus(status, 'ok', `Kept for later: ${outcome.reason}.`)
    const people = outcome.people.map((p) => `${p.displayName} (${OUTCOME_TEXT[p.outcome]})`).join(', ')
    const introText =
      outcome.intro && 'id' in outcome.intro
        ? ' Introduction recorded; ask each side for consent.'
        : outcome.intro
          ? ` Introduction not recorded: ${outcome.intro.problem}.`
          : ''
    showStatus(status, 'ok', `Saved: ${people}.${introText}`)
    // Saved once: a second click would add a second capture entry to each timeline.
    save.disabled = true
    save.textContent = 'Saved'
  })
}

const OUTCOME_TEXT = { created: 'new', merged: 'merged', unchanged: 'already up to date' } as const

function showStatus(status: HTMLElement, kind: '' | 'ok' | 'error', text: string) {
  status.className = `status ${kind}`.trim()
  status.textContent = text
}

function notes(errors: string[]): HTMLElement {
  return el(
    'ul',
    { class: 'notes' },
    errors.map((e) => el('li', { text: e })),
  )
}

/** The proposed introduction: whether to record it, and its need (editable). */
function introSection(capture: CaptureResult, forms: DraftForm[]) {
  const intro = capture.intro!
  const name = (i: number) => draftName(capture.people[i]!)
  const record = el('input', { attrs: { type: 'checkbox', name: 'record-intro' } })
  record.checked = true
  const need = textField('Need', 'intro-need', intro.need, true)
  const by = intro.introducer === null ? 'you' : name(intro.introducer)
  const element = el('div', { class: 'intro', attrs: { 'data-intro': '' } }, [
    el('label', {}, [record, ` Introduction by ${by}: ${name(intro.partyA)} ↔ ${name(intro.partyB)}`]),
    el('p', { class: 'notes', text: 'Consents are not recorded: ask each side separately, in Rapport.' }),
    need.row,
  ])
  return {
    element,
    read: (): CaptureIntro | undefined => {
      if (!record.checked || !forms[intro.partyA]?.isIncluded() || !forms[intro.partyB]?.isIncluded())
        return undefined
      const needText = need.input.value.trim()
      return {
        introducer: intro.introducer,
        partyA: intro.partyA,
        partyB: intro.partyB,
        ...(needText ? { need: needText } : {}),
      }
    },
  }
}

/** The request for the chosen people, with the intro's indexes moved to match. */
export function buildRequest(
  options: Pick<PanelOptions, 'capture' | 'source' | 'url'>,
  id: string,
  forms: DraftForm[],
  intro: CaptureIntro | undefined,
): CaptureRequest | undefined {
  const chosen = forms.map((f, i) => (f.isIncluded() ? i : -1)).filter((i) => i >= 0)
  if (chosen.length === 0) return undefined
  const at = (i: number | null) => (i === null ? -1 : chosen.indexOf(i))
  const thread = options.capture.thread
  return {
    id,
    source: options.source,
    url: options.url,
    people: chosen.map((i) => forms[i]!.read()),
    ...(intro
      ? {
          intro: {
            ...intro,
            // An introducer left out of the save cannot be named: the intro is then the agent's own.
            introducer: at(intro.introducer) >= 0 ? at(intro.introducer) : null,
            partyA: at(intro.partyA),
            partyB: at(intro.partyB),
          },
        }
      : {}),
    ...(thread ? { thread: { subject: thread.subject, link: thread.link } } : {}),
  }
}
