import type { Locator, Page } from 'playwright-core'

/** The options page, opened as a tab. */
export class OptionsPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  async goto() {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html`)
    await this.page.locator('#pwa-url').waitFor()
  }

  get team(): Locator {
    return this.page.locator('#team')
  }

  /** Sets the app's address and the team member, and saves. */
  async save(options: {
    appUrl?: string
    member?: string
    sites?: Partial<Record<'gmail' | 'linkedin', boolean>>
  }) {
    if (options.appUrl) await this.page.locator('#pwa-url').fill(options.appUrl)
    if (options.member) await this.page.locator('#member').selectOption({ label: options.member })
    for (const [site, on] of Object.entries(options.sites ?? {}))
      await this.page.locator(`#site-${site}`).setChecked(on)
    await this.page.locator('#save').click()
    await this.page.locator('#message').filter({ hasText: /\S/ }).waitFor()
    return this.page.locator('#message').textContent()
  }
}

/** The popup, opened as a tab (the toolbar cannot be clicked headless). */
export class PopupPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  async goto() {
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html`)
    await this.page.locator('#recent li').first().waitFor()
  }

  get team(): Locator {
    return this.page.locator('#team')
  }

  get recent(): Locator {
    return this.page.locator('#recent li')
  }

  get hits(): Locator {
    return this.page.locator('#hits li')
  }

  /** Types a query and waits for the results. */
  async search(query: string) {
    await this.page.locator('#search').fill(query)
    await this.page.locator('#hits[aria-busy="false"] li').first().waitFor()
  }
}

/** What the bridge test page's documents hold (see bridge-page/main.ts). */
export type AppContact = Awaited<ReturnType<Window['rapportBridgeTest']['contacts']>>[number]

/** The stand-in for the app: the page side of the bridge over in-memory documents. */
export class BridgeTestPage {
  constructor(readonly page: Page) {}

  /** Opens the page; `seed` adds Dana (known, with plan, touch and referrer) and two members. */
  async goto(baseUrl: string, options: { seed?: boolean } = {}) {
    await this.page.goto(new URL(options.seed ? '/?seed' : '/', baseUrl).href)
    await this.page.waitForFunction(() => window.rapportBridgeTest?.isSynced(), undefined, {
      timeout: 15_000,
    })
  }

  contacts(): Promise<AppContact[]> {
    return this.page.evaluate(() => window.rapportBridgeTest.contacts())
  }

  intros() {
    return this.page.evaluate(() => window.rapportBridgeTest.intros())
  }

  interactions() {
    return this.page.evaluate(() => window.rapportBridgeTest.interactions())
  }

  /** When the page's documents first held contact `id` (the page's `Date.now()`). */
  seenAt(id: string) {
    return this.page.evaluate((i) => window.rapportBridgeTest.seenAt(i), id)
  }

  /** Waits until the page's documents hold a contact with this email (synced from the extension). */
  async waitForContact(email: string, timeout = 5_000): Promise<AppContact> {
    await this.page.waitForFunction(
      (e) => window.rapportBridgeTest.contacts().some((c) => c.emails.includes(e)),
      email,
      { timeout },
    )
    return (await this.contacts()).find((c) => c.emails.includes(email))!
  }
}
