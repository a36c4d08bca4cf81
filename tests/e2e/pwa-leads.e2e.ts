import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { collectErrors, launchChromium, newAppContext, screenshot } from './helpers/browser'
import { AppPage } from './pages/app-page'
import { LeadsPage } from './pages/leads-page'
import { PlansPage } from './pages/plans-page'
import { WelcomePage } from './pages/welcome-page'

// One profile through the whole file: the demo team, then a lead and a plan built on it.
describe('the Leads and Plans screens on the demo team', () => {
  let browser: Browser
  let page: Page
  let app: AppPage
  let errors: string[]
  const lead = 'Farah Mansour'

  beforeAll(async () => {
    browser = await launchChromium()
    page = await (await newAppContext(browser)).newPage()
    errors = collectErrors(page)
    app = new AppPage(page, inject('pwaUrl'))
    await app.goto('/')
    await new WelcomePage(page).tryDemo()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('shows the demo leads and their funnel', async () => {
    await app.navigate('leads')
    const leads = new LeadsPage(page)
    await page.locator('input[name="leads-filter"][value="all"]').check()
    await leads.rows.first().waitFor()
    const funnel = await leads.funnel('new')
    expect(funnel.reached).toBe(await leads.rows.count())
    expect((await leads.funnel('contacted')).reached).toBeGreaterThan(0)
    expect(await leads.rows.first().getByTestId('lead-ttfc').textContent()).toMatch(
      /First contact after|Not contacted yet/,
    )
  })

  it('adds a source and a lead from it, which lands first in the inbox, unassigned', async () => {
    const leads = new LeadsPage(page)
    await leads.addSource('Spring open house', 'Open house')
    const before = (await leads.funnel('new')).reached
    await leads.addLead({
      name: lead,
      email: 'farah.mansour@example.com',
      source: 'Spring open house',
      need: '3-bed near the park',
    })
    expect(await leads.notice.textContent()).toBe(`Lead added: ${lead}`)
    await page.locator('input[name="leads-filter"][value="inbox"]').check()
    await leads.rows.first().filter({ hasText: lead }).waitFor()
    const row = leads.rowOf(lead)
    expect(await row.textContent()).toContain('Spring open house')
    expect(await row.getByTestId('lead-unassigned').count()).toBe(1)
    await page.waitForFunction(
      (n) =>
        Number(
          document.querySelector('[data-testid="funnel-new"] [data-testid="funnel-reached"]')?.textContent,
        ) === n,
      before + 1,
    )
  })

  it('assigns it round-robin and to a plan, then shows its time to first contact', async () => {
    const leads = new LeadsPage(page)
    await leads.open(lead)
    await leads.act('lead-round-robin', new RegExp(`^${lead} assigned to .+`))
    await leads.detail.getByText(/^Assigned to /).waitFor()
    await leads
      .rowOf(lead)
      .getByText(/^Assigned to /)
      .waitFor()
    expect(await leads.rowOf(lead).getByTestId('lead-unassigned').count()).toBe(0)

    await leads.detail.getByTestId('lead-plan-select').selectOption({ label: '8x8 — new Met contacts' })
    await leads.act('lead-enroll', /enrolled in 8x8/)
    await leads.detail.getByTestId('lead-plan').waitFor()
    expect(await leads.detail.getByTestId('lead-plan').textContent()).toBe('Plan: 8x8 — new Met contacts')
    expect(await leads.detail.getByTestId('lead-detail-ttfc').textContent()).toContain('Not contacted yet')

    await leads.act('lead-move-contacted', /moved to Contacted/)
    await page.waitForFunction(
      () =>
        !/Not contacted/.test(document.querySelector('[data-testid="lead-detail-ttfc"]')?.textContent ?? ''),
    )
    expect(await leads.detail.getByTestId('lead-detail-ttfc').textContent()).toMatch(
      /^\s*\d+ (second|minute)s?/,
    )
    expect(await leads.detail.getByTestId('lead-stage').textContent()).toBe('Contacted')
    await page.locator('input[name="leads-filter"][value="open"]').check()
    expect(await leads.rowOf(lead).getByTestId('lead-ttfc').textContent()).toMatch(/^First contact after \d+/)
    await screenshot(page, 'leads-en')
    await app.setLocale('ar')
    await page.getByRole('heading', { name: 'العملاء المحتملون' }).waitFor()
    expect(await leads.detail.getByTestId('lead-stage').textContent()).toBe('تم التواصل')
    expect(await leads.notice.textContent()).toBe(`نُقل ${lead} إلى تم التواصل`)
    await screenshot(page, 'leads-ar')
    await app.setLocale('en')
  })

  it('lists the plans with counts and refuses an invalid step of a custom plan, naming the field', async () => {
    await app.navigate('plans')
    const plans = new PlansPage(page)
    await plans.rows.first().waitFor()
    expect(await plans.rows.count()).toBe(3)
    // The demo team enrolled contacts in its plans: the counts come from the read model.
    const enrolled = plans.rowOf('8x8 — new Met contacts').getByTestId('plan-enrolled')
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="plan-enrolled"]')].some(
        (el) => Number(el.textContent) > 0,
      ),
    )
    expect(Number(await enrolled.textContent())).toBeGreaterThanOrEqual(1)
    await screenshot(page, 'plans-en')

    await plans.duplicate('8x8')
    expect(await plans.notice.textContent()).toBe('Created 8x8 — new Met contacts (copy), a custom copy')
    expect(await page.getByTestId('plan-changes-note').textContent()).toContain('pending now: 0')
    const second = plans.steps.nth(1)
    await second.getByLabel('Days after enrollment').fill('-4')
    await second.getByLabel('Title').fill('')
    await plans.save(/^Not saved/)
    const alert = plans.editor.locator('[role="alert"]')
    expect(await alert.textContent()).toContain('Step 2, Title: must not be empty')
    expect(await alert.textContent()).toContain('Step 2, Days after enrollment:')
    expect(await second.locator('[aria-invalid="true"]').count()).toBe(2)
    await screenshot(page, 'plans-refused-en')

    await second.getByLabel('Days after enrollment').fill('10')
    await second.getByLabel('Title').fill('Call {firstName} about the open house')
    await plans.save(/^Saved /)
    expect(await alert.count()).toBe(0)
    await page.getByRole('link', { name: 'All plans' }).click()
    await plans.rowOf('8x8 — new Met contacts (copy)').waitFor()
    expect(await plans.rows.count()).toBe(4)
    expect(await plans.rowOf('8x8 — new Met contacts (copy)').textContent()).toContain('Custom')

    await app.setLocale('ar')
    await page.getByRole('heading', { name: 'الخطط', exact: true }).waitFor()
    await screenshot(page, 'plans-ar')
    await plans.rowOf('8x8 — new Met contacts (copy)').getByRole('link').click()
    await plans.steps.first().waitFor()
    await screenshot(page, 'plans-editor-ar')
    await app.setLocale('en')
    expect(errors).toEqual([])
  })
})
