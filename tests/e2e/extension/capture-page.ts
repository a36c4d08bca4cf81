import type { Locator, Page } from 'playwright-core'

/**
 * A Gmail thread or LinkedIn profile with the extension's button, badge and panel. The UI lives in
 * open shadow roots, which Playwright's CSS locators pierce.
 */
export class CapturePage {
  constructor(readonly page: Page) {}

  /** Opens `url` and waits for the Rapport button. */
  async open(url: string) {
    await this.page.goto(url)
    await this.button.waitFor()
  }

  get button(): Locator {
    return this.page.locator('rapport-capture [data-rapport="capture"]')
  }

  get badge(): Locator {
    return this.page.locator('rapport-capture [data-rapport="badge"]')
  }

  get panel(): Locator {
    return this.page.locator('rapport-panel section.panel')
  }

  /** The form of captured person `index`. */
  person(index: number): Locator {
    return this.panel.locator(`[data-person="${index}"]`)
  }

  field(index: number, name: string): Locator {
    return this.person(index).locator(`[name="${name}"]`)
  }

  get status(): Locator {
    return this.panel.locator('[role="status"]')
  }

  /** Opens the panel and waits for it. */
  async openPanel() {
    await this.button.click()
    await this.panel.waitFor()
  }

  /** Clicks Save and waits for the panel to say what happened. */
  async save(): Promise<string> {
    await this.panel.getByRole('button', { name: 'Save', exact: true }).click()
    await this.page.waitForFunction(
      () => {
        const host = document.querySelector('rapport-panel')
        const text = host?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? ''
        return text !== '' && text !== 'Saving…'
      },
      undefined,
      { timeout: 15_000 },
    )
    return (await this.status.textContent()) ?? ''
  }

  async close() {
    await this.panel.getByRole('button', { name: 'Close Rapport panel' }).click()
    await this.panel.waitFor({ state: 'detached' })
  }
}
