import type { Page } from 'playwright-core'

/** One contact: details, plans, opt-out, timeline. */
export class ContactPage {
  constructor(readonly page: Page) {}

  get name() {
    return this.page.getByTestId('contact-name')
  }

  get notice() {
    return this.page.getByTestId('contact-notice')
  }

  /** Enrolls the contact in a built-in plan and waits until the plan shows as active. */
  async enroll(key: '8x8' | '33-touch' | '12-direct') {
    const button = this.page.getByTestId(`enroll-${key}`)
    await button.click()
    await this.page.waitForFunction(
      (k) => (document.querySelector(`[data-testid="enroll-${k}"]`) as HTMLButtonElement | null)?.disabled,
      key,
    )
  }
}
