import type { Page } from 'playwright-core'
import type { PeriodPreset } from '../../../pwa/services/kpis-period'

/** The KPI dashboard: figures, period and filters, charts with their tables. */
export class KpisPage {
  constructor(readonly page: Page) {}

  /** The tile of one measure, by its test id (`kpi-referral-rate`, `kpi-nps`, …). */
  tile(id: string) {
    return this.page.getByTestId(id)
  }

  /** The figure a tile shows ("12.5%", "No data", …). */
  async figure(id: string): Promise<string> {
    return ((await this.tile(id).getByTestId('kpi-value').textContent()) ?? '').trim()
  }

  /** What a tile says in full: the figure and what it was computed from. */
  async text(id: string): Promise<string> {
    return ((await this.tile(id).textContent()) ?? '').replace(/\s+/g, ' ').trim()
  }

  get periodShown() {
    return this.page.getByTestId('kpi-period-shown')
  }

  get charts() {
    return this.page.locator('figure.kpi-chart')
  }

  async choosePeriod(preset: PeriodPreset) {
    await this.page.getByTestId('kpi-period').selectOption(preset)
  }

  /** Types a custom range (both days inclusive, `YYYY-MM-DD`). */
  async customPeriod(from: string, to: string) {
    await this.choosePeriod('custom')
    await this.page.getByTestId('kpi-from').fill(from)
    await this.page.getByTestId('kpi-to').fill(to)
  }

  /** Waits until the first tile shows a figure (the read model has answered). */
  async waitForFigures() {
    await this.tile('kpi-referral-rate').getByTestId('kpi-value').waitFor()
  }
}
