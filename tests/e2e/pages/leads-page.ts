import type { Page } from 'playwright-core'

/** What the Add lead form takes. */
export interface NewLead {
  name: string
  email?: string
  phone?: string
  source: string
  need?: string
}

/** The Leads screen: the inbox, the add form, a lead's detail, the funnel and the sources. */
export class LeadsPage {
  constructor(readonly page: Page) {}

  get rows() {
    return this.page.getByTestId('lead-row')
  }

  get notice() {
    return this.page.getByTestId('leads-notice')
  }

  get detail() {
    return this.page.getByTestId('lead-detail')
  }

  rowOf(name: string) {
    return this.rows.filter({ hasText: name })
  }

  /** The funnel's count of leads that reached a stage, and of those at it now. */
  async funnel(stage: string) {
    const row = this.page.getByTestId(`funnel-${stage}`)
    const num = async (id: string) => Number(await row.getByTestId(id).textContent())
    return { reached: await num('funnel-reached'), at: await num('funnel-at') }
  }

  /** Fills and submits the Add lead form; resolves once the status line names the lead. */
  async addLead(lead: NewLead) {
    await this.page.getByTestId('add-lead').click()
    const form = this.page.getByTestId('lead-form')
    await form.getByLabel('Name').fill(lead.name)
    if (lead.email) await form.getByLabel('Email', { exact: true }).fill(lead.email)
    if (lead.phone) await form.getByLabel('Phone', { exact: true }).fill(lead.phone)
    await form.getByTestId('lead-source').selectOption({ label: lead.source })
    if (lead.need) await form.getByLabel('What they are looking for').fill(lead.need)
    await form.getByRole('button', { name: 'Add lead' }).click()
    await this.page.waitForFunction(
      (name) => document.querySelector('[data-testid="leads-notice"]')?.textContent?.includes(name),
      lead.name,
    )
  }

  /** Opens a lead of the list by name. */
  async open(name: string) {
    await this.rowOf(name).getByRole('link', { name }).click()
    await this.detail.filter({ hasText: name }).waitFor()
  }

  /** Clicks a detail button and waits for the status line to change to `expected`. */
  async act(testId: string, expected: RegExp) {
    await this.detail.getByTestId(testId).click()
    await this.page.waitForFunction(
      (re) => new RegExp(re).test(document.querySelector('[data-testid="leads-notice"]')?.textContent ?? ''),
      expected.source,
    )
  }

  async addSource(name: string, kind: string) {
    const form = this.page.getByTestId('source-form')
    await form.getByLabel('Source name').fill(name)
    await form.getByLabel('Kind').selectOption({ label: kind })
    await form.getByRole('button', { name: 'Add source' }).click()
    await this.page.getByTestId('source-row').filter({ hasText: name }).waitFor()
  }
}
