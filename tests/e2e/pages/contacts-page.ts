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
}
