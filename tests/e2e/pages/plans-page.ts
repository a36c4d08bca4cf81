import type { Page } from 'playwright-core'

/** The Plans screen: the templates with their counts, and the step editor. */
export class PlansPage {
  constructor(readonly page: Page) {}

  get rows() {
    return this.page.getByTestId('plan-row')
  }

  get notice() {
    return this.page.getByTestId('plans-notice')
  }

  get editor() {
    return this.page.getByTestId('plan-editor')
  }

  get steps() {
    return this.editor.getByTestId('plan-step')
  }

  rowOf(name: string) {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }

  /** Duplicates a built-in (`8x8`, `33-touch`, …) and waits for the copy's editor. */
  async duplicate(builtin: string) {
    await this.page.getByTestId(`plan-duplicate-${builtin}`).click()
    await this.page.waitForURL((url) => /^\/plans\/.+/.test(url.pathname))
    await this.steps.first().waitFor()
  }

  /** Saves the editor and waits for the status line to match `expected`. */
  async save(expected: RegExp) {
    await this.editor.getByTestId('plan-save').click()
    await this.page.waitForFunction(
      (re) => new RegExp(re).test(document.querySelector('[data-testid="plans-notice"]')?.textContent ?? ''),
      expected.source,
    )
  }
}
