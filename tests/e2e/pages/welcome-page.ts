import type { Page } from 'playwright-core'

/** The first-run screen: the demo team, or a new team. */
export class WelcomePage {
  constructor(readonly page: Page) {}

  get tryDemoButton() {
    return this.page.getByTestId('try-demo')
  }

  /** Starts the demo team and waits for the Today screen. */
  async tryDemo() {
    await this.tryDemoButton.click()
    await this.page.waitForURL((url) => url.pathname === '/today')
  }
}
