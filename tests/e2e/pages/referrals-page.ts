import type { Page } from 'playwright-core'

/** The Referrals screen: the pipeline, one referral and the rewards ledger. */
export class ReferralsPage {
  constructor(readonly page: Page) {}

  get pipeline() {
    return this.page.getByTestId('referral-pipeline')
  }

  get detail() {
    return this.page.getByTestId('referral-detail')
  }

  get stage() {
    return this.page.getByTestId('referral-stage')
  }

  get told() {
    return this.page.getByTestId('referral-told')
  }

  get tells() {
    return this.page.getByTestId('referral-tell')
  }

  get ledgerLines() {
    return this.page.getByTestId('reward-line')
  }

  get ledgerTotals() {
    return this.page.getByTestId('rewards-totals')
  }

  /** The pipeline column of a stage. */
  column(stage: string) {
    return this.page.getByTestId(`stage-${stage}`)
  }

  /** The count shown for a stage, as a number. */
  async count(stage: string) {
    const text = await this.column(stage).getByTestId('stage-count').textContent()
    return Number(text?.replace(/\D/g, ''))
  }

  /** Moves the open referral to its next stage and waits until the stage shown changes. */
  async moveNext() {
    const before = await this.stage.textContent()
    await this.page.getByTestId('referral-next').click()
    await this.page.waitForFunction(
      (b) => document.querySelector('[data-testid="referral-stage"]')?.textContent !== b,
      before,
    )
  }
}
