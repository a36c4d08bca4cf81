import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { collectErrors, launchChromium } from './helpers/browser'
import { AppPage } from './pages/app-page'
import { ContactsPage } from './pages/contacts-page'
import { KpisPage } from './pages/kpis-page'
import { TodayPage } from './pages/today-page'
import { WelcomePage } from './pages/welcome-page'

/** Where the README's pictures live (committed, unlike test-results/). */
const OUT = path.resolve('docs/screenshots')
const enabled = process.env.README_SCREENSHOTS === '1'

// Writing the README's pictures changes committed files, so it only runs when asked for:
// README_SCREENSHOTS=1 npx vitest run --config vitest.e2e.config.ts tests/e2e/readme-screenshots.e2e.ts
describe.skipIf(!enabled)(
  'README screenshots (skipped unless README_SCREENSHOTS=1: they overwrite docs/screenshots/)',
  () => {
    let browser: Browser
    let page: Page
    let app: AppPage
    let errors: string[]

    /** Saves what a 1280×800 screen shows, without the text caret. */
    const shoot = async (name: string) => {
      // The app moves focus to <main> on each screen, which scrolls the header away.
      await page.evaluate(() => {
        ;(document.activeElement as HTMLElement | null)?.blur()
        window.scrollTo(0, 0)
      })
      await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: 'disabled', caret: 'hide' })
    }

    beforeAll(async () => {
      mkdirSync(OUT, { recursive: true })
      browser = await launchChromium()
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        serviceWorkers: 'allow',
      })
      page = await context.newPage()
      errors = collectErrors(page)
      app = new AppPage(page, inject('pwaUrl'))
      await app.goto('/')
      await new WelcomePage(page).tryDemo()
    })

    afterAll(async () => {
      await browser?.close()
    })

    for (const locale of ['en', 'ar'] as const) {
      it(`shows Today, Contacts and KPIs of the demo team in ${locale === 'en' ? 'English' : 'Arabic'}`, async () => {
        await app.setLocale(locale)
        await app.navigate('today')
        const today = new TodayPage(page)
        await today.showScope('team')
        await today.touches.first().waitFor()
        await shoot(`today-${locale}`)

        await app.navigate('contacts')
        await new ContactsPage(page).rows.first().waitFor()
        await shoot(`contacts-${locale}`)

        await app.navigate('kpis')
        const kpis = new KpisPage(page)
        await kpis.waitForFigures()
        await shoot(`kpis-${locale}`)
        expect(await app.htmlAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr')
      })
    }

    it('logged no error in the console', () => {
      expect(errors).toEqual([])
    })
  },
)
