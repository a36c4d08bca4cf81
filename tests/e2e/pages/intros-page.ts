import type { Page } from 'playwright-core'

/** The Intros screen: the CARE board and one intro's checklist. */
export class IntrosPage {
  constructor(readonly page: Page) {}

  get board() {
    return this.page.getByTestId('intro-board')
  }

  get draft() {
    return this.page.getByTestId('intro-draft')
  }

  get refusal() {
    return this.page.getByTestId('intro-draft-refused')
  }

  get draftBody() {
    return this.page.getByTestId('intro-draft-body')
  }

  get notice() {
    return this.page.getByTestId('intros-notice')
  }

  columnCount(column: 'consent' | 'ready' | 'exit' | 'evaluated') {
    return this.page.getByTestId(`intro-column-${column}`).getByTestId('intro-column-count')
  }

  /** Types `query` into a contact picker and chooses the hit at `index`; returns its name. */
  async pick(testid: string, query: string, index = 0): Promise<string> {
    const picker = this.page.getByTestId(testid)
    await picker.locator('input[type="search"]').fill(query)
    const hit = picker.locator('button.hit').nth(index)
    await hit.waitFor()
    const name = (await hit.textContent())!.trim()
    await hit.click()
    return name
  }

  /** Opens the New intro form, picks both parties and creates the intro; waits for its checklist. */
  async create(need: string, a: { query: string; index?: number }, b: { query: string; index?: number }) {
    await this.page.getByTestId('intro-new').click()
    const nameA = await this.pick('pick-party-a', a.query, a.index)
    const nameB = await this.pick('pick-party-b', b.query, b.index)
    await this.page.getByTestId('intro-need').locator('input').fill(need)
    await this.page.getByTestId('intro-create').click()
    await this.page.getByTestId('intro-detail').waitFor()
    return { nameA, nameB }
  }

  /** Records one party's consent, given the way they agreed. */
  async consent(party: 'A' | 'B', how: string) {
    await this.page.getByTestId(`consent-how-${party}`).selectOption(how)
    await this.page.getByTestId(`consent-record-${party}`).click()
    await this.page.getByTestId(`consent-${party}`).locator('.ok').waitFor()
  }

  async evaluate(outcome: 'worked' | 'did-not' | 'unknown') {
    await this.page.getByTestId(`outcome-${outcome}`).check()
    await this.page.getByTestId('intro-evaluate').click()
    await this.page.getByTestId('intro-outcome').waitFor()
  }

  get referralLink() {
    return this.page.getByTestId('intro-referral-link')
  }
}
