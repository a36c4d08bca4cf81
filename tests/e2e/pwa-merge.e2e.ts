import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { seriousViolations } from './helpers/axe'
import { collectErrors, launchChromium, newAppContext, screenshot } from './helpers/browser'
import { AppPage } from './pages/app-page'
import { ContactPage } from './pages/contact-page'
import { ContactsPage } from './pages/contacts-page'

// The same person entered twice (same email, written another way, another phone), the second
// entry with a referral; on a new team so the story does not depend on the demo.
const KEPT = { name: 'Samira Haddad', email: 'samira.haddad@example.com', phone: '+1 503 555 0142' }
const DUPE = { name: 'Samira H.', email: 'Samira.Haddad@Example.com', phone: '+1 503 555 0199' }
const REFERRED = { name: 'Karim Nassar', email: 'karim.nassar@example.com' }
const NEED = 'A two-bedroom flat near the river'

describe('merging two duplicate contacts in the PWA', () => {
  let browser: Browser
  let page: Page
  let app: AppPage
  let contacts: ContactsPage
  let contact: ContactPage
  let errors: string[]

  beforeAll(async () => {
    browser = await launchChromium()
    page = await (await newAppContext(browser)).newPage()
    errors = collectErrors(page)
    app = new AppPage(page, inject('pwaUrl'))
    contacts = new ContactsPage(page)
    contact = new ContactPage(page)
    await app.goto('/')
    const form = page.locator('form.team-new-form')
    await form.getByLabel('Your name').fill('Nadia Farouk')
    await form.getByLabel('Team name').fill('Riverside Homes')
    await form.getByRole('button', { name: 'Create team' }).click()
    await page.waitForURL((url) => url.pathname === '/today')
    await app.navigate('contacts')
    for (const c of [KEPT, DUPE, REFERRED]) {
      await contacts.addContact(c)
      await page.getByText(`Added ${c.name}`).waitFor()
    }
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('receives a referral from the duplicate', async () => {
    await app.navigate('referrals')
    await page.getByTestId('referral-new').click()
    const form = page.getByTestId('referral-new-form')
    for (const [picker, name] of [
      ['pick-referrer', DUPE.name],
      ['pick-referred', REFERRED.name],
    ] as const) {
      await form.getByTestId(picker).getByRole('searchbox').fill(name)
      await form
        .getByTestId(picker)
        .getByRole('button', { name: `Choose ${name}`, exact: true })
        .click()
    }
    await form.getByLabel('Need').fill(NEED)
    await page.getByTestId('referral-create').click()
    await page.getByText(/^Referral received/).waitFor()
  })

  it('suggests the duplicate by email, previews the merge and merges it', async () => {
    await app.navigate('contacts')
    await contacts.open(KEPT.name)
    await page.getByTestId('merge-open').click()
    const suggestion = page.getByTestId('merge-suggestions').getByRole('listitem')
    await suggestion.first().waitFor()
    expect(await suggestion.count()).toBe(1)
    expect(await suggestion.textContent()).toContain('same email')
    await suggestion.getByRole('button', { name: `Merge ${DUPE.name} into this one` }).click()

    const result = page.getByTestId('merge-result')
    await result.waitFor()
    expect(await result.textContent()).toContain(KEPT.phone)
    expect(await result.textContent()).toContain(DUPE.phone)
    expect(await page.getByTestId('merge-moves').textContent()).toContain('one referral')
    await screenshot(page, 'merge-01-preview-en')
    expect(await seriousViolations(page)).toEqual([])
    await app.setLocale('ar')
    await page.getByTestId('merge-confirm').getByText('دمج').waitFor()
    expect(await app.htmlAttribute('dir')).toBe('rtl')
    // Phone numbers keep their order inside the right-to-left page.
    const phone = result.getByText(DUPE.phone)
    expect(await phone.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr')
    expect(await seriousViolations(page)).toEqual([])
    await screenshot(page, 'merge-02-preview-ar')
    await app.setLocale('en')

    await page.getByTestId('merge-confirm').click()
    await contact.notice.getByText(`${DUPE.name} was merged into this contact.`).waitFor()
    const details = page.locator('.contact-details')
    await details.getByText(DUPE.phone, { exact: false }).waitFor()
    expect(await details.textContent()).toContain(KEPT.phone)
    expect(await contact.name.textContent()).toBe(KEPT.name)
  })

  it('lists the kept contact only, and the referral under its name', async () => {
    await app.navigate('contacts')
    await contacts.rows.getByRole('link', { name: KEPT.name, exact: true }).waitFor()
    await expect.poll(() => contacts.rows.getByRole('link', { name: DUPE.name, exact: true }).count()).toBe(0)
    expect(await contacts.rows.count()).toBe(2)

    await app.navigate('referrals')
    const card = page.getByTestId('referral-pipeline').getByText(KEPT.name, { exact: false })
    await card.first().waitFor()
    expect(await page.getByTestId('referral-pipeline').textContent()).not.toContain(DUPE.name)
    expect(errors).toEqual([])
  })
})
