import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startSignalServer } from '../../scripts/signal-server.mjs'
import { newAppContext, screenshot } from './helpers/browser'
import { AppPage } from './pages/app-page'
import { ContactsPage } from './pages/contacts-page'
import { JoinTeamForm, TeamPage } from './pages/team-page'
import { WelcomePage } from './pages/welcome-page'

/** As in pwa-sync.e2e.ts: real host candidates and no throttling of background pages. */
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Serious and critical axe-core violations (WCAG 2.1 A and AA) inside the device list only. */
async function deviceListViolations(page: Page) {
  await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe
    const r = await axe.run('[data-testid="team-devices"]', {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

interface Device {
  context: BrowserContext
  page: Page
  app: AppPage
}

// A starts the demo team, B joins it over WebRTC; A removes B, which keeps what it had and syncs no more.
describe('Team devices: removing a device rotates the team secret', () => {
  let browser: Browser
  let signal: { port: number; close(): Promise<void> }
  let signalUrl: string
  let a: Device
  let b: Device
  let memberA = ''
  let deviceB = ''
  const baseUrl = inject('pwaUrl')

  async function device(): Promise<Device> {
    const context = await newAppContext(browser)
    const page = await context.newPage()
    return { context, page, app: new AppPage(page, baseUrl) }
  }

  const rows = (d: Device) => d.page.getByTestId('device-row')
  /** The "new version" prompt sits over the end of the page once the service worker updates: a user says later. */
  const dismissUpdatePrompt = async (d: Device) => {
    const prompt = d.page.getByTestId('update-prompt')
    if (await prompt.isVisible()) await prompt.getByRole('button', { name: 'Later' }).click()
  }
  const contactCount = async (d: Device) => {
    if (new URL(d.page.url()).pathname !== '/contacts') await d.app.navigate('contacts')
    await new ContactsPage(d.page).count.waitFor()
    return (await new ContactsPage(d.page).count.textContent())!.replace(/\D/g, '')
  }

  beforeAll(async () => {
    signal = await startSignalServer({ host: '127.0.0.1', port: 0 })
    signalUrl = `ws://127.0.0.1:${signal.port}`
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    })
  })

  afterAll(async () => {
    await browser?.close()
    await signal?.close()
  })

  it('registers this device, marked, with the same id after a reload; no serious axe issue', async () => {
    a = await device()
    await a.app.goto('/')
    await new WelcomePage(a.page).tryDemo()
    await a.app.navigate('team')
    await rows(a).first().waitFor()
    expect(await rows(a).count()).toBe(1)
    await expect(rows(a).first().getByTestId('this-device').textContent()).resolves.toBe('This device')
    await expect(rows(a).first().textContent()).resolves.toContain('Chrome on Linux')
    const id = await rows(a).first().getAttribute('data-device-id')
    await a.page.reload()
    await rows(a).first().waitFor()
    expect(await rows(a).first().getAttribute('data-device-id')).toBe(id)
    expect(await rows(a).count()).toBe(1)
    expect(await deviceListViolations(a.page)).toEqual([])
    await a.app.setLocale('ar')
    await expect(a.page.getByTestId('this-device').textContent()).resolves.toBe('هذا الجهاز')
    expect(await deviceListViolations(a.page)).toEqual([])
    await a.app.setLocale('en')
    await new TeamPage(a.page).startLiveSync([signalUrl])
    memberA = (await a.page
      .locator('main')
      .getByText(/^You are .+ on this device\.$/)
      .textContent())!
      .replace(/^You are /, '')
      .replace(/ on this device\.$/, '')
  })

  it('a device that joins shows up on both', async () => {
    const joinCode = await new TeamPage(a.page).joinCode()
    b = await device()
    await b.app.goto('/')
    const join = new JoinTeamForm(b.page)
    await join.enterCode(joinCode)
    await join.joinAsExisting(memberA)
    await b.app.navigate('team')
    await expect.poll(() => rows(b).count(), { timeout: 60_000, interval: 250 }).toBe(2)
    await expect.poll(() => rows(a).count(), { timeout: 60_000, interval: 250 }).toBe(2)
    deviceB = (await b.page
      .locator('[data-testid="device-row"]:has([data-testid="this-device"])')
      .getAttribute('data-device-id'))!
    expect(deviceB).toBeTruthy()
    await new TeamPage(b.page).syncedPeers.first().waitFor({ timeout: 30_000 })
  })

  it('A removes B after a plain confirm; B says it was removed and gets nothing new', async () => {
    const codeBefore = await new TeamPage(a.page).joinCode()
    await dismissUpdatePrompt(a)
    await a.page.locator(`[data-device-id="${deviceB}"]`).getByTestId('remove-device').click()
    const confirm = a.page.getByTestId('remove-device-confirm')
    await expect(confirm.textContent()).resolves.toContain('keeps its copy of everything it already has')
    expect(await deviceListViolations(a.page)).toEqual([])
    await screenshot(a.page, 'devices-01-remove-confirm')
    const started = performance.now()
    await a.page.getByTestId('confirm-remove-device').click()
    await a.page
      .getByTestId('remove-device-status')
      .getByText(/was removed/)
      .waitFor()
    await a.page.locator(`[data-device-id="${deviceB}"] [data-testid="device-removed"]`).waitFor()
    // The join code now carries the new secret.
    await expect.poll(() => new TeamPage(a.page).joinCode(), { timeout: 30_000 }).not.toBe(codeBefore)

    await b.page.getByTestId('device-removed-banner').waitFor({ timeout: 60_000 })
    console.log(
      `pwa-devices: B showed its removal ${Math.round(performance.now() - started)} ms after the confirm`,
    )
    await expect(b.page.getByTestId('device-removed-banner').textContent()).resolves.toContain(
      'It keeps its copy of what it already had, but it can no longer sync',
    )
    expect(await deviceListViolations(b.page)).toEqual([])
    await screenshot(b.page, 'devices-02-removed-banner')
    await expect.poll(() => new TeamPage(a.page).peers.count(), { timeout: 30_000 }).toBe(0)

    // B keeps what it had; what A adds now does not reach it, even after a reload.
    const kept = await contactCount(b)
    expect(Number(kept)).toBeGreaterThan(0)
    await a.app.navigate('contacts')
    await new ContactsPage(a.page).addContact({ name: 'Rana After-Removal', email: 'rana@example.org' })
    await a.page.getByText('Rana After-Removal').first().waitFor()
    await b.page.reload()
    await b.app.navigate('team')
    await b.page.getByTestId('device-removed-banner').waitFor({ timeout: 30_000 })
    expect(await new TeamPage(b.page).peers.count()).toBe(0)
    expect(await contactCount(b)).toBe(kept)
    await new ContactsPage(b.page).search('Rana After-Removal')
    expect(await new ContactsPage(b.page).rows.getByText('Rana After-Removal').count()).toBe(0)
  })
})
