import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startSignalServer } from '../../scripts/signal-server.mjs'
import { seriousViolations } from './helpers/axe'
import { newAppContext, screenshot } from './helpers/browser'
import { AppPage } from './pages/app-page'
import { ContactsPage } from './pages/contacts-page'
import { JoinTeamForm, TeamPage } from './pages/team-page'
import { WelcomePage } from './pages/welcome-page'

/**
 * The project's Chromium flags plus those of the WebRTC tests (tests/e2e/sync/harness.ts): real
 * host candidates instead of mDNS names, so connections stay on this machine's interfaces, and no
 * throttling of pages in the background (several devices are open at once).
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
]

/** A device: its own browser profile with the app open. */
interface Device {
  context: BrowserContext
  page: Page
  app: AppPage
}

// One story across three devices: A starts the demo team, B joins it over WebRTC, C has no network.
describe('Team & sync: joining, live sync over WebRTC and sync bundles', () => {
  let browser: Browser
  let signal: { port: number; close(): Promise<void> }
  let signalUrl: string
  let files: string
  let a: Device
  let b: Device
  let c: Device
  let joinCode = ''
  let memberA = ''
  const baseUrl = inject('pwaUrl')

  async function device(): Promise<Device> {
    const context = await newAppContext(browser)
    const page = await context.newPage()
    return { context, page, app: new AppPage(page, baseUrl) }
  }

  /** The team's contact count once the list has loaded (a team with contacts never shows 0). */
  const loadedCount = async (d: Device) => {
    let count = '0'
    await expect
      .poll(async () => (count = await contactCount(d)), { timeout: 30_000, interval: 200 })
      .not.toBe('0')
    return count
  }

  const contactCount = async (d: Device) => {
    if (new URL(d.page.url()).pathname !== '/contacts') await d.app.navigate('contacts')
    await new ContactsPage(d.page).count.waitFor()
    return (await new ContactsPage(d.page).count.textContent())!.replace(/\D/g, '')
  }

  beforeAll(async () => {
    signal = await startSignalServer({ host: '127.0.0.1', port: 0 })
    signalUrl = `ws://127.0.0.1:${signal.port}`
    files = await mkdtemp(path.join(tmpdir(), 'rapport-sync-ui-'))
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    })
  })

  afterAll(async () => {
    await browser?.close()
    await signal?.close()
    if (files) await rm(files, { recursive: true, force: true })
  })

  it('device A starts the demo team, turns live sync on and shows the join code', async () => {
    a = await device()
    await a.app.goto('/')
    await new WelcomePage(a.page).tryDemo()
    await a.app.navigate('team')
    const team = new TeamPage(a.page)
    await team.startLiveSync([signalUrl])
    joinCode = await team.joinCode()
    expect(joinCode).toMatch(/^rapport1\.[A-Za-z0-9_-]+$/)
    await expect(a.page.getByRole('img', { name: 'QR code of the team’s join code' }).count()).resolves.toBe(
      1,
    )
    memberA = (await a.page
      .locator('main')
      .getByText(/^You are .+ on this device\.$/)
      .textContent())!
      .replace(/^You are /, '')
      .replace(/ on this device\.$/, '')
    expect(memberA).not.toBe('')
  })

  it('refuses a damaged join code with the reason, and joins nothing', async () => {
    b = await device()
    await b.app.goto('/')
    const join = new JoinTeamForm(b.page)
    // One character changed in the middle: the checksum catches it.
    const i = Math.floor(joinCode.length / 2)
    const damaged = joinCode.slice(0, i) + (joinCode[i] === 'A' ? 'B' : 'A') + joinCode.slice(i + 1)
    await join.enterCode(damaged)
    await expect(join.codeProblem.textContent()).resolves.toContain('the join code is damaged')
    await expect(join.memberForm.count()).resolves.toBe(0)
  })

  it('device B joins from the code as the same member and converges over WebRTC', async () => {
    const join = new JoinTeamForm(b.page)
    const started = performance.now()
    await join.enterCode(joinCode)
    await join.memberForm.waitFor()
    expect(await seriousViolations(b.page)).toEqual([])
    await join.joinAsExisting(memberA)
    const expected = await loadedCount(a)
    await b.app.navigate('contacts')
    await expect.poll(() => contactCount(b), { timeout: 60_000, interval: 250 }).toBe(expected)
    console.log(
      `pwa-sync: ${expected} contacts converged ${Math.round(performance.now() - started)} ms after the code was entered`,
    )
    await b.app.navigate('team')
    await new TeamPage(b.page).syncedPeers.first().waitFor({ timeout: 30_000 })
    await a.app.navigate('team')
    await new TeamPage(a.page).syncedPeers.first().waitFor({ timeout: 30_000 })
    await screenshot(a.page, 'sync-01-team-page-en')
    expect(await seriousViolations(a.page)).toEqual([])
    await a.app.setLocale('ar')
    await screenshot(a.page, 'sync-02-team-page-ar')
    expect(await seriousViolations(a.page)).toEqual([])
    await a.app.setLocale('en')
  })

  it('brings B an edit made on A while B was closed, and A counts it unshared meanwhile', async () => {
    await b.page.close()
    const teamA = new TeamPage(a.page)
    await expect.poll(() => teamA.peers.count(), { timeout: 30_000 }).toBe(0)
    await a.app.navigate('contacts')
    await new ContactsPage(a.page).addContact({ name: 'Noor Offline-Edit', email: 'noor@example.org' })
    await a.page.getByText('Noor Offline-Edit').first().waitFor()
    await a.app.navigate('team')
    await expect(teamA.unshared.getAttribute('data-count')).resolves.not.toBe('0')

    b.page = await b.context.newPage()
    b.app = new AppPage(b.page, baseUrl)
    await b.app.goto('/contacts')
    await new ContactsPage(b.page).search('Noor Offline-Edit')
    await new ContactsPage(b.page).rows.getByText('Noor Offline-Edit').first().waitFor({ timeout: 60_000 })
    await expect.poll(() => teamA.unshared.getAttribute('data-count'), { timeout: 30_000 }).toBe('0')
  })

  it('pairs A and B with no server: offer on A, answer on B, both list the paired device', async () => {
    await b.app.navigate('team')
    await a.page.getByTestId('pair-offer').click()
    const offer = await a.page.getByTestId('pair-offer-code').inputValue()
    expect(offer).toMatch(/^rapport-offer1\./)
    await b.page.getByTestId('pair-offer-input').fill(offer)
    await b.page.getByTestId('pair-answer').click()
    const answer = await b.page.getByTestId('pair-answer-code').inputValue()
    expect(answer).toMatch(/^rapport-answer1\./)
    await a.page.getByTestId('pair-answer-input').fill(answer)
    await a.page.getByTestId('pair-connect').click()
    for (const d of [a, b]) {
      await d.page
        .locator('[data-testid="peer"][data-synced="true"]', { hasText: 'Paired device' })
        .waitFor({ timeout: 30_000 })
    }
  })

  it('moves the team to an offline device C through bundle files; bad files change nothing', async () => {
    c = await device()
    await c.app.goto('/')
    await c.app.waitForServiceWorker()
    await c.context.setOffline(true)
    const join = new JoinTeamForm(c.page)
    await join.enterCode(joinCode)
    await join.joinAsNew('Sami Offline')
    await c.app.navigate('team')
    const teamC = new TeamPage(c.page)

    const teamA = new TeamPage(a.page)
    const everything = await teamA.exportEverything(files)
    const bytes = await readFile(everything)
    await teamC.importBundle({
      name: 'cut.rapportbundle',
      mimeType: 'application/octet-stream',
      buffer: bytes.subarray(0, bytes.length - 100),
    })
    await expect.poll(() => teamC.bundleProblem.textContent()).toContain('truncated')
    const flipped = Buffer.from(bytes)
    flipped[60] = flipped[60]! ^ 0xff
    await teamC.importBundle({
      name: 'bad.rapportbundle',
      mimeType: 'application/octet-stream',
      buffer: flipped,
    })
    await expect.poll(() => teamC.bundleProblem.textContent()).toContain('damaged')
    expect(await contactCount(c)).toBe('0')

    await c.app.navigate('team')
    await teamC.importBundle(everything)
    await teamC.bundleMessage.waitFor()
    await expect.poll(() => contactCount(c), { timeout: 30_000 }).toBe(await loadedCount(a))

    // Only what C lacks: C tells what it has, A answers with the difference.
    await a.app.navigate('contacts')
    await new ContactsPage(a.page).addContact({ name: 'Lina Bundle-Only' })
    await a.page.getByText('Lina Bundle-Only').first().waitFor()
    await c.app.navigate('team')
    const has = await teamC.saveStateVectors(files)
    await a.app.navigate('team')
    const update = await teamA.exportSince(has, files)
    expect((await readFile(update)).length).toBeLessThan(bytes.length / 10)
    await teamC.importBundle(update)
    await teamC.bundleMessage.waitFor()
    await expect.poll(() => contactCount(c), { timeout: 30_000 }).toBe(await loadedCount(a))
  })
})
