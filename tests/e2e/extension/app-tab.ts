import type { Page } from 'playwright-core'
import { ContactsPage, type NewContact } from '../pages/contacts-page'

/** The real app (dist/pwa) in a tab of the extension's browser: a new team, its Contacts list. */
export class AppTab {
  readonly contacts: ContactsPage

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.contacts = new ContactsPage(page)
  }

  /** Starts a new team from the welcome screen and waits for Today. */
  async startNewTeam(memberName: string, teamName: string) {
    await this.page.goto(new URL('/', this.baseUrl).href)
    const form = this.page.locator('form.team-new-form')
    await form.getByLabel('Your name').fill(memberName)
    await form.getByLabel('Team name').fill(teamName)
    await form.getByRole('button', { name: 'Create team' }).click()
    await this.page.waitForURL((url) => url.pathname === '/today')
  }

  /** Opens the Contacts screen (the team opens from this device's settings on a reload). */
  async openContacts() {
    await this.page.goto(new URL('/contacts', this.baseUrl).href)
    await this.contacts.count.waitFor()
  }

  /**
   * Starts watching the Contacts list for a row naming `name`; `seenAt` then gives the page's
   * `Date.now()` when it first showed (the same clock as the test's, on this computer).
   */
  async watchFor(name: string) {
    await this.page.evaluate((n) => {
      const w = window as unknown as { rapportSeen?: Record<string, number> }
      const seen = (w.rapportSeen ??= {})
      const look = () => {
        const rows = document.querySelectorAll('[data-testid="contact-row"]')
        if (!(n in seen) && [...rows].some((r) => r.textContent?.includes(n))) seen[n] = Date.now()
      }
      new MutationObserver(look).observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
      })
      look()
    }, name)
  }

  /** When the row naming `name` first showed, once it has (waits up to `timeout`). */
  async seenAt(name: string, timeout = 10_000): Promise<number> {
    const handle = await this.page.waitForFunction(
      (n) => (window as unknown as { rapportSeen?: Record<string, number> }).rapportSeen?.[n],
      name,
      { timeout, polling: 50 },
    )
    return (await handle.jsonValue()) as number
  }

  /** The names in the Contacts list. */
  rowTexts(): Promise<string[]> {
    return this.contacts.rows.allTextContents()
  }

  async addContact(c: NewContact) {
    await this.contacts.addContact(c)
    await this.contacts.rows.filter({ hasText: c.name }).first().waitFor()
  }
}
