import type { Page } from 'playwright-core'

/** The Today screen: due and overdue touches grouped by channel. */
export class TodayPage {
  constructor(readonly page: Page) {}

  get touches() {
    return this.page.getByTestId('today-touch')
  }

  get summary() {
    return this.page.getByTestId('today-summary')
  }

  /** The touch card for a contact. */
  touchFor(contactName: string) {
    return this.touches.filter({ hasText: contactName })
  }

  /** Shows the whole team's touches, or only mine. */
  async showScope(scope: 'mine' | 'team') {
    await this.page.locator(`input[name="today-scope"][value="${scope}"]`).check()
  }

  /** Marks the first touch of a contact done and waits for it to leave the list. */
  async completeFirstTouchOf(contactName: string) {
    const card = this.touchFor(contactName).first()
    const before = await this.touchFor(contactName).count()
    await card.getByTestId('touch-done').click()
    await this.page.waitForFunction(
      ({ name, count }) =>
        [...document.querySelectorAll('[data-testid="today-touch"]')].filter((el) =>
          el.textContent?.includes(name),
        ).length < count,
      { name: contactName, count: before },
    )
  }
}
