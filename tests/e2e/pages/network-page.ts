import type { Page } from 'playwright-core'

/** The referral network: the drawing (WebGL), its legend and the list of top connectors. */
export class NetworkPage {
  constructor(readonly page: Page) {}

  get connectors() {
    return this.page.getByTestId('network-connector')
  }

  get graph() {
    return this.page.getByTestId('network-graph')
  }

  get noWebGLNote() {
    return this.page.getByTestId('network-no-webgl')
  }

  /** Waits for the list, and for the drawing or the note saying it cannot be made. */
  async waitForNetwork() {
    await this.connectors.first().waitFor()
    await this.page
      .locator('[data-testid="network-graph"] canvas, [data-testid="network-no-webgl"]')
      .first()
      .waitFor()
  }

  /** Whether sigma drew the network (it adds its canvases to the container). */
  async isDrawn(): Promise<boolean> {
    return (await this.page.locator('[data-testid="network-graph"] canvas').count()) > 0
  }
}
