import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { seriousViolations } from './helpers/axe'
import { launchChromium, newAppContext, screenshot } from './helpers/browser'
import { AppPage } from './pages/app-page'
import { ContactsPage } from './pages/contacts-page'
import { IntrosPage } from './pages/intros-page'
import { KpisPage } from './pages/kpis-page'
import { LeadsPage } from './pages/leads-page'
import { NetworkPage } from './pages/network-page'
import { PlansPage } from './pages/plans-page'
import { ReferralsPage } from './pages/referrals-page'
import { TodayPage } from './pages/today-page'
import { WelcomePage } from './pages/welcome-page'

describe('accessibility of the PWA (axe-core, WCAG 2.1 A and AA)', () => {
  let browser: Browser
  let page: Page
  let app: AppPage

  beforeAll(async () => {
    browser = await launchChromium()
    page = await (await newAppContext(browser)).newPage()
    app = new AppPage(page, inject('pwaUrl'))
    await app.goto('/')
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('has no serious or critical violations on the welcome screen', async () => {
    expect(await seriousViolations(page)).toEqual([])
  })

  it('has no serious or critical violations on Today', async () => {
    await new WelcomePage(page).tryDemo()
    const today = new TodayPage(page)
    await today.showScope('team')
    await today.touches.first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  it('has no serious or critical violations on Contacts, in English and in Arabic', async () => {
    await app.navigate('contacts')
    await new ContactsPage(page).rows.first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId('add-contact').click()
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('ar')
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('en')
  })

  it('has no serious or critical violations on a contact and on Import/Export', async () => {
    await new ContactsPage(page).open(
      (await new ContactsPage(page).rows.first().locator('a').textContent())!.trim(),
    )
    await page.getByTestId('contact-name').waitFor()
    await page.locator('.contact-timeline, .contact-plans').first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await app.navigate('io')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('has no serious or critical violations on KPIs and Network, in English and in Arabic', async () => {
    await app.navigate('kpis')
    await new KpisPage(page).waitForFigures()
    await page.locator('figure.kpi-chart summary').first().click()
    expect(await seriousViolations(page)).toEqual([])
    await app.navigate('network')
    await new NetworkPage(page).waitForNetwork()
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('ar')
    expect(await seriousViolations(page)).toEqual([])
    await app.navigate('kpis')
    await new KpisPage(page).waitForFigures()
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('en')
  })

  it('has no serious or critical violations on Intros and Referrals, in English and in Arabic', async () => {
    await app.navigate('intros')
    await new IntrosPage(page).board.getByTestId('intro-card').first().click()
    await page.getByTestId('intro-detail').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await app.navigate('referrals')
    await new ReferralsPage(page).pipeline.getByTestId('referral-card').first().click()
    await page.getByTestId('referral-detail').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('ar')
    expect(await seriousViolations(page)).toEqual([])
    await app.navigate('intros')
    await page.getByTestId('intro-new').click()
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('en')
  })

  it('has no serious or critical violations on Leads and Plans, in English and in Arabic', async () => {
    await app.navigate('leads')
    const leads = new LeadsPage(page)
    await page.locator('input[name="leads-filter"][value="all"]').check()
    await leads.rows.first().waitFor()
    await leads.rows.first().getByRole('link').click()
    await leads.detail.waitFor()
    await page.getByTestId('add-lead').click()
    expect(await seriousViolations(page)).toEqual([])
    await app.navigate('plans')
    const plans = new PlansPage(page)
    await plans.rows.first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('ar')
    expect(await seriousViolations(page)).toEqual([])
    await plans.rows.first().getByRole('link').click()
    await plans.steps.first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('en')
    await app.navigate('leads')
    await leads.rows.first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  it('has no serious or critical violations on Team & sync, in English and in Arabic', async () => {
    await app.navigate('team')
    await page.getByTestId('join-code').waitFor()
    await page.getByTestId('pair-offer').click()
    await page.getByTestId('pair-offer-code').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('ar')
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('en')
  })

  it('is usable with the keyboard: a skip link first, and focus moves to each new screen', async () => {
    await app.goto('/today')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await page.getByTestId('nav-contacts').focus()
    await page.keyboard.press('Enter')
    await page.waitForURL((url) => url.pathname === '/contacts')
    await page.waitForFunction(() => document.activeElement?.id === 'main')
    await screenshot(page, '11-keyboard-contacts')
  })
})
