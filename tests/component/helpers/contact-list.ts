import type { VueWrapper } from '@vue/test-utils'
import { afterAll, beforeAll } from 'vitest'

/**
 * happy-dom lays nothing out: gives the Contacts list's scroller the height of a screen, as a
 * browser would, for the tests of the describe block it is called in.
 */
export function withListHeight(px = 600) {
  const owner = HTMLElement.prototype
  const own = Object.getOwnPropertyDescriptor(owner, 'clientHeight')
  beforeAll(() => {
    Object.defineProperty(owner, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('contact-list') ? px : 0
      },
    })
  })
  afterAll(() => {
    if (own) Object.defineProperty(owner, 'clientHeight', own)
    else delete (owner as { clientHeight?: number }).clientHeight
  })
}

/** The names the Contacts list shows, top to bottom (rows still loading are left out). */
export const listedNames = (w: VueWrapper) => w.findAll('[data-testid="contact-row"] a').map((a) => a.text())
