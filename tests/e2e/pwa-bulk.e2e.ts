import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { seriousViolations } from './helpers/axe'
import { collectErrors, launchChromium, newAppContext, screenshot } from './helpers/browser'
import { AppPage } from './pages/app-page'
import { ContactsPage } from './pages/contacts-page'
import { WelcomePage } from './pages/welcome-page'

const RESULT = /^Enrolled (\d+), skipped (\d+) \(already enrolled (\d+), opted out (\d+)\)$/

// One profile through the whole file: the demo team, filtered, selected, enrolled and tagged.
describe('bulk actions on the Contacts screen of the demo team', () => {
  let browser: Browser
  let page: Page
  let app: AppPage
  let contacts: ContactsPage
  let errors: string[]
  /** The count line of the unfiltered list. */
  let everyone = ''

  beforeAll(async () => {
    browser = await launchChromium()
    page = await (await newAppContext(browser)).newPage()
    errors = collectErrors(page)
    app = new AppPage(page, inject('pwaUrl'))
    await app.goto('/')
    await new WelcomePage(page).tryDemo()
    await app.navigate('contacts')
    contacts = new ContactsPage(page)
    await contacts.rows.first().waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="contact-row"] a').length > 3)
    // Shards load one after another: wait until the count of everyone stops moving.
    for (let before = ''; ;) {
      const now = (await contacts.count.textContent()) ?? ''
      if (now && now === before) break
      before = now
      await page.waitForTimeout(500)
    }
    everyone = (await contacts.count.textContent())!
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('filters by a tag, selects all matching and enrolls them in 12 Direct, counting the skips', async () => {
    await page
      .getByTestId('filter-tag')
      .locator('option', { hasText: 'investor' })
      .waitFor({ state: 'attached' })
    await contacts.filter('filter-tag', 'investor')
    // The count line changes once the filtered list has answered (before, it counts everyone).
    await page.waitForFunction((all) => {
      const text = document.querySelector('[data-testid="contact-count"]')?.textContent
      return !!text && text !== all
    }, everyone)
    const shown = Number((await contacts.count.textContent())!.replace(/\D/g, ''))
    expect(shown).toBeGreaterThan(1)
    await contacts.selectAllMatching()
    expect(await contacts.selected.textContent()).toBe(`Selected: ${shown}`)

    const text = await contacts.enrollSelected('12 Direct')
    const first = text.match(RESULT)
    expect(first).not.toBeNull()
    const [enrolled, skipped, already, optedOut] = first!.slice(1).map(Number)
    expect(enrolled! + skipped!).toBe(shown)
    expect(already! + optedOut!).toBe(skipped)
    // The demo enrolls some of its contacts in 12 Direct already: both counts are there.
    expect(enrolled).toBeGreaterThan(0)
    expect(skipped).toBeGreaterThan(0)
    await screenshot(page, 'pwa-bulk-enrolled-en')

    // Again: nobody is enrolled twice, every skip is counted.
    expect(await contacts.enrollSelected('12 Direct')).toBe(
      `Enrolled 0, skipped ${shown} (already enrolled ${shown - optedOut!}, opted out ${optedOut})`,
    )
    // The plan filter now finds the same contacts, less the opted out.
    await contacts.filter('filter-plan', '12 Direct')
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="contact-count"]')?.textContent === `Contacts shown: ${n}`,
      shown - optedOut!,
    )
    expect(await seriousViolations(page)).toEqual([])
  })

  it('adds a tag to three ticked contacts and filters by it, by keyboard too', async () => {
    await page.getByRole('button', { name: 'Clear selection' }).click()
    await contacts.filter('filter-plan', 'Any')
    await contacts.filter('filter-tag', 'Any')
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="contact-count"]')?.textContent === text,
      everyone,
    )
    // The window's rows are read after the ids: wait for their names.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="contact-row"] a').length > 3)
    const names = (await contacts.rows.locator('a').allTextContents()).slice(0, 3).map((n) => n.trim())
    await contacts.tick(names[0]!)
    await contacts.tick(names[1]!)
    // The third by keyboard: Tab reaches its box, Space ticks it.
    await page.getByRole('checkbox', { name: `Select ${names[2]}`, exact: true }).focus()
    await page.keyboard.press('Space')
    expect(await contacts.selected.textContent()).toBe('Selected: 3')

    await page.getByTestId('bulk-add-tag').focus()
    await page.keyboard.press('Enter')
    await page.keyboard.type('open-house-may')
    const before = await contacts.bulkResult.textContent()
    await page.keyboard.press('Enter')
    await page.waitForFunction(
      (prev) => document.querySelector('[data-testid="bulk-result"]')?.textContent !== prev,
      before,
    )
    expect(await contacts.bulkResult.textContent()).toBe('Tag “open-house-may” added to 3; 0 already had it')
    // Focus goes back to the button that opened the form.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'bulk-add-tag',
    )

    await page
      .getByTestId('filter-tag')
      .locator('option', { hasText: 'open-house-may' })
      .waitFor({ state: 'attached' })
    await contacts.filter('filter-tag', 'open-house-may')
    await page.waitForFunction(
      () => document.querySelector('[data-testid="contact-count"]')?.textContent === 'Contacts shown: 3',
    )
    expect((await contacts.rows.locator('a').allTextContents()).map((n) => n.trim()).sort()).toEqual(
      [...names].sort(),
    )
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, 'pwa-bulk-tagged-en')

    await page.getByTestId('bulk-enroll').click()
    await app.setLocale('ar')
    await page.getByText('أُضيف الوسم «open-house-may»').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, 'pwa-bulk-tagged-ar')
    await app.setLocale('en')
    expect(errors).toEqual([])
  })
})
