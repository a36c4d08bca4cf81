import path from 'node:path'
import type { Page } from 'playwright-core'

/** The Team & sync screen: invite, live sync, pairing and sync bundles. */
export class TeamPage {
  constructor(readonly page: Page) {}

  /** The join code as the invite card shows it. */
  joinCode() {
    return this.page.getByTestId('join-code').inputValue()
  }

  get liveSyncState() {
    return this.page.getByTestId('live-sync-state')
  }

  get peers() {
    return this.page.getByTestId('peer')
  }

  get syncedPeers() {
    return this.page.locator('[data-testid="peer"][data-synced="true"]')
  }

  get unshared() {
    return this.page.getByTestId('unshared')
  }

  /** Sets the signaling servers and turns live sync on (when it is off); waits until it runs. */
  async startLiveSync(signalUrls: string[]) {
    await this.page.getByTestId('signaling-urls').fill(signalUrls.join('\n'))
    await this.page.getByTestId('save-signaling').click()
    if ((await this.liveSyncState.getAttribute('data-state')) !== 'on') {
      await this.page.getByTestId('live-sync-toggle').click()
    }
    await this.page.locator('[data-testid="live-sync-state"][data-state="on"]').waitFor()
  }

  /** Saves a file through a button or input and returns where Chromium put it. */
  private async download(click: () => Promise<void>, dir: string): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), click()])
    const file = path.join(dir, download.suggestedFilename())
    await download.saveAs(file)
    return file
  }

  exportEverything(dir: string) {
    return this.download(() => this.page.getByTestId('bundle-export-all').click(), dir)
  }

  saveStateVectors(dir: string) {
    return this.download(() => this.page.getByTestId('bundle-state-vectors').click(), dir)
  }

  exportSince(stateVectorsFile: string, dir: string) {
    return this.download(
      () => this.page.getByTestId('bundle-export-since').setInputFiles(stateVectorsFile),
      dir,
    )
  }

  async importBundle(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByTestId('bundle-import').setInputFiles(file)
  }

  get bundleMessage() {
    return this.page.getByTestId('bundle-message')
  }

  get bundleProblem() {
    return this.page.getByTestId('bundle-problem')
  }
}

/** The Join a team card of the welcome screen. */
export class JoinTeamForm {
  constructor(readonly page: Page) {}

  async enterCode(code: string) {
    await this.page.getByTestId('join-code-input').fill(code)
    await this.page.getByTestId('join-check').click()
  }

  get codeProblem() {
    return this.page.getByTestId('join-code-problem')
  }

  get memberForm() {
    return this.page.getByTestId('join-member-form')
  }

  /** Joins as a new member; waits for the Today screen. */
  async joinAsNew(name: string) {
    await this.page.getByTestId('join-as-new').check()
    await this.memberForm.getByLabel('Your name').fill(name)
    await this.page.getByTestId('join-submit').click()
    await this.page.waitForURL((url) => url.pathname === '/today')
  }

  /**
   * Joins as a member already in the team, picked by name once the team document has arrived
   * from another device; waits for the Today screen.
   */
  async joinAsExisting(name: string) {
    const asExisting = this.page.getByTestId('join-as-existing')
    await this.page.waitForFunction(
      (el) => el instanceof HTMLInputElement && !el.disabled,
      await asExisting.elementHandle(),
    )
    await asExisting.check()
    await this.page.getByTestId('join-member').selectOption({ label: name })
    await this.page.getByTestId('join-submit').click()
    await this.page.waitForURL((url) => url.pathname === '/today')
  }
}
