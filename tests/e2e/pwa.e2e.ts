import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { collectErrors, launchChromium, newAppContext, screenshot } from './helpers/browser'
import { AppPage } from './pages/app-page'
import { ContactPage } from './pages/contact-page'
import { ContactsPage } from './pages/contacts-page'
import { ImportExportPage } from './pages/import-export-page'
import { TodayPage } from './pages/today-page'
import { WelcomePage } from './pages/welcome-page'

const GOOGLE_CSV = path.resolve('tests/fixtures/io/google-contacts.csv')

// One profile through the whole story: each step builds on the data of the one before.
describe('the PWA, from a first run to offline use', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let app: AppPage
  let errors: string[]
  const contactsShown = async () =>
    Number((await new ContactsPage(page).count.textContent())?.replace(/\D/g, ''))

  beforeAll(async () => {
    browser = await launchChromium()
    context = await newAppContext(browser)
    page = await context.newPage()
    errors = collectErrors(page)
    app = new AppPage(page, inject('pwaUrl'))
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('offers the demo team on a first run and shows it, clearly marked', async () => {
    await app.goto('/')
    expect(new URL(page.url()).pathname).toBe('/welcome')
    await screenshot(page, '01-welcome')
    await new WelcomePage(page).tryDemo()
    await app.demoBanner.waitFor()
    expect(await page.locator('.app-header').textContent()).toContain('Demo team')
    const today = new TodayPage(page)
    await today.showScope('team')
    await today.touches.first().waitFor()
    expect(await today.touches.count()).toBeGreaterThan(0)
    await screenshot(page, '02-today-demo-team')
  })

  it('is installable: a manifest with a name, a theme colour and maskable icons', async () => {
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')?.getAttribute('href')
      return href ? ((await (await fetch(href)).json()) as Record<string, unknown>) : undefined
    })
    expect(manifest).toMatchObject({ short_name: 'Rapport', theme_color: '#0f766e', display: 'standalone' })
    const icons = manifest!.icons as { sizes: string; purpose: string; src: string }[]
    expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    )
    for (const icon of icons) {
      const status = await page.evaluate(async (src) => (await fetch(src)).status, icon.src)
      expect(status).toBe(200)
    }
  })

  it('adds a contact, naming the field a refused form gets wrong', async () => {
    await app.navigate('contacts')
    const contacts = new ContactsPage(page)
    await contacts.rows.first().waitFor()
    const before = await contactsShown()

    await page.getByTestId('add-contact').click()
    await page.locator('form.contact-form').getByRole('button', { name: 'Add contact' }).click()
    const alert = page.locator('form.contact-form [role="alert"]')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Name:')
    await page.locator('form.contact-form').getByRole('button', { name: 'Cancel' }).click()

    await contacts.addContact({
      name: 'Zainab Carter',
      email: 'zainab@example.com',
      phone: '503 555 0142',
      met: true,
    })
    await page.getByText('Added Zainab Carter').waitFor()
    await contacts.addContact({ name: 'ليلى حداد', email: 'layla@example.com' })
    await page.getByText('Added ليلى حداد').waitFor()
    await page.waitForFunction((n) => document.body.textContent?.includes(`Contacts shown: ${n}`), before + 2)

    await contacts.search('zain')
    await contacts.rows.getByRole('link', { name: 'Zainab Carter' }).waitFor()
    await contacts.search('ليلى')
    await contacts.rows.getByRole('link', { name: 'ليلى حداد' }).waitFor()
    await screenshot(page, '03-contacts-arabic-search')
    await contacts.search('Zainab')
    await contacts.open('Zainab Carter')
  })

  it('enrolls the new contact in 8x8', async () => {
    const contact = new ContactPage(page)
    expect(await contact.name.textContent()).toBe('Zainab Carter')
    await contact.enroll('8x8')
    await page.getByText('Enrolled in 8x8').waitFor()
    await page.locator('.contact-plans').getByText('Active').waitFor()
    await screenshot(page, '04-contact-enrolled')
  })

  it("completes the new contact's first 8x8 touch from Today", async () => {
    await app.navigate('today')
    const today = new TodayPage(page)
    // The demo's 8x8 gives its first touch to whoever holds the step's role: look team-wide.
    await today.showScope('team')
    const card = today.touchFor('Zainab Carter').first()
    await card.waitFor()
    const title = await card.locator('.what').textContent()
    await today.completeFirstTouchOf('Zainab Carter')
    await page.getByText(`Done: ${title}`).waitFor()
    await screenshot(page, '05-today-touch-done')
  })

  it('imports a Google Contacts CSV with progress and counts, then undoes it', async () => {
    await app.navigate('contacts')
    await new ContactsPage(page).search('')
    await new ContactsPage(page).rows.first().waitFor()
    const before = await contactsShown()
    await app.navigate('io')
    const io = new ImportExportPage(page)
    await io.chooseFile(GOOGLE_CSV)
    expect(await io.detectedFormat.textContent()).toContain('Google Contacts CSV')
    const ready = Number((await io.readyCount.textContent())?.replace(/\D/g, ''))
    expect(ready).toBeGreaterThan(0)
    await screenshot(page, '06-import-preview')
    await io.apply()
    expect(await io.progress.getAttribute('value')).toBe(String(ready))
    const created = await io.resultCount('created')
    const counted = created + (await io.resultCount('merged')) + (await io.resultCount('skipped'))
    expect(counted + (await io.resultCount('invalid'))).toBe(ready)
    expect(created).toBeGreaterThan(0)
    await screenshot(page, '07-import-done')

    await app.navigate('contacts')
    await page.waitForFunction(
      (n) => document.body.textContent?.includes(`Contacts shown: ${n}`),
      before + created,
    )
    await app.navigate('io')
    await page.getByTestId('undo-import').click()
    await page.getByTestId('undo-result').waitFor()
    await app.navigate('contacts')
    await page.waitForFunction((n) => document.body.textContent?.includes(`Contacts shown: ${n}`), before)
  })

  it('loads and works offline after a reload, with the data intact', async () => {
    await app.waitForServiceWorker()
    await context.setOffline(true)
    try {
      await page.reload()
      await app.heading.waitFor()
      const contacts = new ContactsPage(page)
      await contacts.rows.first().waitFor()
      await contacts.search('Zainab')
      await contacts.rows.getByRole('link', { name: 'Zainab Carter' }).waitFor()
      await screenshot(page, '08-offline-contacts')
      await app.navigate('today')
      await new TodayPage(page).summary.waitFor()
      await app.demoBanner.waitFor()
    } finally {
      await context.setOffline(false)
    }
  })

  it('switches to Arabic, right to left, and keeps the choice', async () => {
    await app.navigate('today')
    await app.setLocale('ar')
    expect(await app.htmlAttribute('dir')).toBe('rtl')
    expect(await app.heading.textContent()).toBe('اليوم')
    await screenshot(page, '09-today-arabic')
    await page.reload()
    await app.heading.waitFor()
    await page.waitForFunction(() => document.documentElement.dir === 'rtl')
    await app.navigate('contacts')
    await new ContactsPage(page).rows.first().waitFor()
    expect(await app.heading.textContent()).toBe('جهات الاتصال')
    await screenshot(page, '10-contacts-arabic')
    await app.setLocale('en')
    expect(await app.htmlAttribute('dir')).toBe('ltr')
  })

  it('logged no errors in the page', () => {
    // Offline, the browser itself logs the failed update check of the service worker.
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([])
  })
})
