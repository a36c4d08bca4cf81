import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { collectErrors, launchChromium, newAppContext, screenshot } from './helpers/browser'
import { AppPage } from './pages/app-page'
import { ContactsPage } from './pages/contacts-page'
import { KpisPage } from './pages/kpis-page'
import { NetworkPage } from './pages/network-page'
import { WelcomePage } from './pages/welcome-page'

/** "12 of 340" under the referral rate: the contacts existing at the period's end. */
const contactsCounted = (text: string) => {
  const m = /of ([\d,]+)/.exec(text)
  if (!m) throw new Error(`no "of N" in "${text}"`)
  return Number(m[1]!.replace(/,/g, ''))
}

// One profile through the story: the demo team's figures, a change that moves one, the network.
describe('KPIs and the referral network on the demo team', () => {
  let browser: Browser
  let page: Page
  let app: AppPage
  let kpis: KpisPage
  let errors: string[]

  beforeAll(async () => {
    browser = await launchChromium()
    page = await (await newAppContext(browser)).newPage()
    errors = collectErrors(page)
    app = new AppPage(page, inject('pwaUrl'))
    kpis = new KpisPage(page)
    await app.goto('/')
    await new WelcomePage(page).tryDemo()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('shows the figures of the last 90 days, with charts that have table alternatives', async () => {
    await app.navigate('kpis')
    await kpis.waitForFigures()
    expect(await kpis.figure('kpi-referral-rate')).toMatch(/^\d+(\.\d)?%$/)
    expect(await kpis.charts.count()).toBeGreaterThanOrEqual(2)
    // chart.js drew on the canvases (not only the tables): a 2D canvas has pixels set.
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLCanvasElement>('figure.kpi-chart canvas')].map((c) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
        return data.some((v, i) => i % 4 === 3 && v > 0)
      }),
    )
    expect(drawn.every(Boolean)).toBe(true)
    const first = kpis.charts.first()
    expect(await first.locator('canvas').getAttribute('aria-label')).toBe('Referrals per source type')
    await first.locator('summary').click()
    expect(await first.locator('tbody tr').count()).toBe(4)
    await screenshot(page, 'kpis-01-last-90-days')
  })

  it('counts a contact added on the Contacts screen in the referral rate', async () => {
    const before = contactsCounted(await kpis.text('kpi-referral-rate'))
    await app.navigate('contacts')
    const contacts = new ContactsPage(page)
    await contacts.rows.first().waitFor()
    await contacts.addContact({ name: 'Noura Saleh', email: 'noura.saleh@example.com' })
    await page.getByText('Noura Saleh').first().waitFor()
    await app.navigate('kpis')
    await kpis.waitForFigures()
    await expect.poll(async () => contactsCounted(await kpis.text('kpi-referral-rate'))).toBe(before + 1)
  })

  it('changes period: a custom range ending before it starts is no data, never 0', async () => {
    const ninety = await kpis.periodShown.textContent()
    await kpis.choosePeriod('year')
    await expect.poll(() => kpis.periodShown.textContent()).not.toBe(ninety)
    expect(await kpis.periodShown.textContent()).toMatch(/^From Jan 1, \d{4} to /)
    await kpis.customPeriod('2026-06-30', '2026-06-01')
    await expect.poll(() => kpis.figure('kpi-referral-rate')).toBe('No data')
    expect(await kpis.text('kpi-nps')).toContain('The period is not a valid range of days')
    await kpis.choosePeriod('last90')
    await expect.poll(() => kpis.figure('kpi-referral-rate')).toMatch(/%$/)
  })

  it('shows the network and opens a contact from it', async () => {
    await app.navigate('network')
    const network = new NetworkPage(page)
    await network.waitForNetwork()
    const top = network.connectors.first().locator('a')
    const name = (await top.textContent())!.trim()
    if (await network.isDrawn()) {
      await screenshot(page, 'kpis-02-network')
      // Finds a dot the way a pointer does: the cursor turns to a hand over a node.
      const box = (await network.graph.boundingBox())!
      let hit = false
      for (let y = box.y + 6; y < box.y + box.height && !hit; y += 10) {
        for (let x = box.x + 6; x < box.x + box.width && !hit; x += 10) {
          await page.mouse.move(x, y)
          hit = (await network.graph.evaluate((el) => el.style.cursor)) === 'pointer'
          if (hit) await page.mouse.click(x, y)
        }
      }
      expect(hit).toBe(true)
      await page.waitForURL((url) => url.pathname.startsWith('/contacts/'))
      await page.getByTestId('contact-name').waitFor()
      await page.goBack()
      await network.waitForNetwork()
    } else {
      expect(await network.noWebGLNote.textContent()).toContain('WebGL is not available')
    }
    await top.click()
    await page.waitForURL((url) => url.pathname.startsWith('/contacts/'))
    expect((await page.getByTestId('contact-name').textContent())?.trim()).toBe(name)
  })

  it('logged no error in the console', () => {
    expect(errors.filter((e) => !/favicon/.test(e))).toEqual([])
  })
})
