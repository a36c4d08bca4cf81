import type { KnownContact } from '../messages'
import { el } from './dom'

/** The Rapport button and the known-contact badge beside it. */
export interface CaptureButton {
  element: HTMLElement
  /** Shows who on this page the team already knows; hides the badge for nobody. */
  setKnown(known: KnownContact[]): void
}

/**
 * Builds the button and its badge.
 * @param onClick - opens the capture panel
 */
export function createCaptureButton(onClick: () => void): CaptureButton {
  const button = el('button', {
    class: 'capture',
    text: 'Rapport',
    attrs: { type: 'button', title: 'Save to Rapport', 'data-rapport': 'capture' },
  })
  button.addEventListener('click', (event) => {
    event.preventDefault()
    event.stopPropagation()
    onClick()
  })
  const badge = el('span', { class: 'badge', attrs: { 'data-rapport': 'badge', role: 'note' } })
  badge.hidden = true
  return {
    element: el('span', { class: 'bar' }, [button, badge]),
    setKnown(known) {
      badge.hidden = known.length === 0
      const names = known.map((k) => k.displayName)
      const shown =
        names.length <= 2 ? names.join(', ') : `${names.slice(0, 2).join(', ')} +${names.length - 2}`
      badge.textContent = names.length === 0 ? '' : `In Rapport: ${shown}`
      badge.title = names.join(', ')
    },
  }
}
