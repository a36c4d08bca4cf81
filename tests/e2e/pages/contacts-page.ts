import type { Page } from 'playwright-core'

/** What the Add contact form takes. */
export interface NewContact {
  name: string
  email?: string
  phone?: string
  organisation?: string
  met?: boolean
}

/** The Contacts screen: the virtual list, search, filters and the Add form. */
export class ContactsPage {
  constructor(readonly page: Page) {}

  get rows() {
    return this.page.getByTestId('contact-row')
  }

  get count() {
    return this.page.getByTestId('contact-count')
  }

  /** Fills and submits the Add contact form; resolves once the status line names the contact. */
  async addContact(c: NewContact) {
    await this.page.getByTestId('add-contact').click()
    const form = this.page.locator('form.contact-form')
    await form.getByLabel('Name').fill(c.name)
    if (c.email) await form.getByLabel('Email').fill(c.email)
    if (c.phone) await form.getByLabel('Phone').fill(c.phone)
    if (c.organisation) await form.getByLabel('Organisation').fill(c.organisation)
    if (c.met) await form.getByLabel('I have met this person').check()
    await form.getByRole('button', { name: 'Add contact' }).click()
  }

  async search(query: string) {
    await this.page.getByTestId('contact-search').fill(query)
  }

  /** Opens a contact from the list by name. */
  async open(name: string) {
    await this.rows.getByRole('link', { name, exact: true }).first().click()
    await this.page.waitForURL((url) => url.pathname.startsWith('/contacts/'))
  }

  /** Picks a value in one of the list filters (`met`, `tag`, `plan`, …) by its option label. */
  async filter(testId: 'filter-tag' | 'filter-plan' | 'filter-role' | 'filter-source', label: string) {
    await this.page.getByTestId(testId).selectOption({ label })
  }

  get selected() {
    return this.page.getByTestId('bulk-selected')
  }

  get bulkResult() {
    return this.page.getByTestId('bulk-result')
  }

  /** Ticks the box of a listed contact, by name. */
  async tick(name: string) {
    await this.page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check()
  }

  async selectAllMatching() {
    await this.page.getByTestId('bulk-select-all').click()
  }

  /** Enrolls the selection in a plan; resolves once the result line is written. */
  async enrollSelected(plan: string) {
    await this.page.getByTestId('bulk-enroll').click()
    await this.page.getByTestId('bulk-plan').selectOption({ label: plan })
    return this.submitBulk()
  }

  /** Adds (or removes) a tag on the selection; resolves with the result line. */
  async tagSelected(tag: string, mode: 'add' | 'remove' = 'add') {
    await this.page.getByTestId(mode === 'add' ? 'bulk-add-tag' : 'bulk-remove-tag').click()
    await this.page.getByTestId('bulk-tag').fill(tag)
    return this.submitBulk()
  }

  /** Submits the open bulk form; resolves with the new result line (it differs from the last one). */
  private async submitBulk() {
    const before = await this.bulkResult.textContent()
    await this.page.getByTestId('bulk-submit').click()
    await this.page.waitForFunction((prev) => {
      const text = document.querySelector('[data-testid="bulk-result"]')?.textContent ?? ''
      return text !== '' && text !== prev
    }, before)
    return (await this.bulkResult.textContent())!.trim()
  }
}
