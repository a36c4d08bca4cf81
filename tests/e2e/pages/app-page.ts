import type { Page } from 'playwright-core'

/** The app shell: navigation, language, the demo banner, the service worker. */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens a path of the app and waits for its main heading. */
  async goto(path = '/') {
    await this.page.goto(new URL(path, this.baseUrl).href)
    await this.heading.waitFor()
  }

  get heading() {
    return this.page.locator('main h1').first()
  }

  get demoBanner() {
    return this.page.getByTestId('demo-banner')
  }

  /** Follows a navigation link (`today`, `contacts`, `io`, …). */
  async navigate(name: string) {
    await this.page.getByTestId(`nav-${name}`).click()
    await this.page.waitForURL((url) => url.pathname.startsWith(`/${name}`))
    await this.heading.waitFor()
  }

  async setLocale(locale: 'en' | 'ar') {
    await this.page.getByTestId('locale-select').selectOption(locale)
    await this.page.waitForFunction((l) => document.documentElement.lang === l, locale)
  }

  htmlAttribute(name: 'dir' | 'lang') {
    return this.page.evaluate((n) => document.documentElement.getAttribute(n), name)
  }

  /** Waits until a service worker controls the page (after that, the app loads offline). */
  async waitForServiceWorker() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready
      if (navigator.serviceWorker.controller) return
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      )
    })
  }
}
