import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { collectErrors, launchChromium, newAppContext, screenshot } from './helpers/browser'
import { AppPage } from './pages/app-page'
import { ContactsPage } from './pages/contacts-page'
import { IntrosPage } from './pages/intros-page'
import { ReferralsPage } from './pages/referrals-page'
import { WelcomePage } from './pages/welcome-page'

// Two people added to the demo team, so the story does not depend on who the demo opted out.
const A = { name: 'Rania Qasem', email: 'rania.qasem@example.com' }
const B = { name: 'Tomas Lindqvist', email: 'tomas.lindqvist@example.com' }
const NEED = 'A mortgage broker before the spring move'

// One fresh profile through the story: CARE intro, consent rule, evaluation, referral pipeline.
describe('intros and referrals in the PWA', () => {
  let browser: Browser
  let page: Page
  let app: AppPage
  let intros: IntrosPage
  let referrals: ReferralsPage
  let errors: string[]

  beforeAll(async () => {
    browser = await launchChromium()
    page = await (await newAppContext(browser)).newPage()
    errors = collectErrors(page)
    app = new AppPage(page, inject('pwaUrl'))
    intros = new IntrosPage(page)
    referrals = new ReferralsPage(page)
    await app.goto('/')
    await new WelcomePage(page).tryDemo()
    const contacts = new ContactsPage(page)
    await app.navigate('contacts')
    for (const c of [A, B]) {
      await contacts.addContact(c)
      await page.getByText(`Added ${c.name}`).waitFor()
    }
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('shows the demo team on the CARE board', async () => {
    await app.navigate('intros')
    await intros.board.waitFor()
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="intro-column-evaluated"] [data-testid="intro-column-count"]')
            ?.textContent,
        ) > 0,
    )
    await screenshot(page, 'intros-01-board-en')
  })

  it('refuses the email draft until both parties consented, then shows it', async () => {
    const { nameA, nameB } = await intros.create(
      NEED,
      { query: A.name.split(' ')[1]! },
      { query: B.name.split(' ')[1]! },
    )
    expect([nameA, nameB]).toEqual([A.name, B.name])
    await intros.refusal.waitFor()
    expect(await intros.refusal.textContent()).toContain(
      'Party A has not consented yet: their details cannot be shared with party B',
    )
    expect(await intros.draft.textContent()).not.toContain(B.email)
    await screenshot(page, 'intros-02-refused-en')

    await intros.consent('A', 'call')
    expect(await intros.refusal.textContent()).not.toContain('Party A has not')
    expect(await intros.refusal.textContent()).toContain('Party B has not consented yet')
    await intros.consent('B', 'email')
    await intros.draftBody.waitFor()
    expect(await intros.refusal.count()).toBe(0)
    const body = (await intros.draftBody.textContent())!
    expect(body).toContain('Hi Rania and Tomas,')
    expect(body).toContain(NEED)
    const href = (await page.getByTestId('intro-draft-mailto').getAttribute('href'))!
    expect(href).toMatch(/^mailto:rania\.qasem%40example\.com,tomas\.lindqvist%40example\.com\?subject=/)
    await page.getByTestId('intro-follow-up').waitFor()
    await screenshot(page, 'intros-03-draft-en')
    await app.setLocale('ar')
    await screenshot(page, 'intros-04-draft-ar')
    await app.setLocale('en')
  })

  it('evaluates the intro as worked: it becomes a referral in the pipeline', async () => {
    await intros.evaluate('worked')
    await intros.referralLink.click()
    await page.waitForURL(
      (url) => url.pathname.startsWith('/referrals/') && url.pathname.endsWith(':referral'),
    )
    await referrals.detail.waitFor()
    expect(await referrals.stage.textContent()).toBe('Received')
    expect(await referrals.detail.textContent()).toContain(`${B.name}, from ${A.name}`)
    expect(await referrals.tells.count()).toBe(1)
    expect(await referrals.column('received').textContent()).toContain(B.name)
  })

  it('moves the referral a stage and shows the tell-the-referrer touch it planned', async () => {
    const before = await referrals.count('contacted')
    await referrals.moveNext()
    expect(await referrals.stage.textContent()).toBe('Contacted')
    expect(await referrals.told.textContent()).toBe(
      'Planned for today: Tell Rania the news about Tomas: contacted',
    )
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="referral-tell"]').length === 2)
    await page.waitForFunction(
      (n) =>
        Number(
          document
            .querySelector('[data-testid="stage-contacted"] [data-testid="stage-count"]')
            ?.textContent?.replace(/\D/g, ''),
        ) === n,
      before + 1,
    )
    expect(await referrals.ledgerLines.count()).toBeGreaterThan(1)
    await screenshot(page, 'referrals-01-moved-en')
    await app.setLocale('ar')
    await screenshot(page, 'referrals-02-moved-ar')
    await app.setLocale('en')
    expect(errors).toEqual([])
  })
})
