import type { Page } from 'playwright-core'

/** The Import & export screen. */
export class ImportExportPage {
  constructor(readonly page: Page) {}

  /** Picks a file through the file input (the drop zone's picker). */
  async chooseFile(file: string) {
    await this.page.getByTestId('file-input').setInputFiles(file)
    await this.page.getByTestId('detected-format').waitFor()
  }

  get detectedFormat() {
    return this.page.getByTestId('detected-format')
  }

  get readyCount() {
    return this.page.getByTestId('ready-count')
  }

  get errors() {
    return this.page.getByTestId('import-errors').locator('li')
  }

  get progress() {
    return this.page.getByTestId('import-progress')
  }

  /** Applies the import and waits for the result counts. */
  async apply() {
    await this.page.getByTestId('apply-import').click()
    await this.page.getByTestId('result-created').waitFor()
  }

  /** A result count: created, merged, skipped or invalid. */
  async resultCount(key: 'created' | 'merged' | 'skipped' | 'invalid'): Promise<number> {
    return Number(await this.page.getByTestId(`result-${key}`).locator('dd').textContent())
  }
}
