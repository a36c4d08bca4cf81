import type { Page } from 'playwright-core'
import type { PeerStatus } from '../../../shared/sync/peer-link'
import type { JoinOptions, PairingStep, TestContact } from './page-api'

/** One device of a team in the sync test page: a page object over `window.rapportTest`. */
export class SyncTestPage {
  /** What the page printed as errors, and its uncaught exceptions. */
  readonly pageErrors: string[] = []

  constructor(
    readonly page: Page,
    readonly actor: string,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.pageErrors.push(m.text())
    })
    page.on('pageerror', (e) => this.pageErrors.push(e.message))
  }

  init(teamId: string) {
    return this.page.evaluate(([t, a]) => window.rapportTest.init(t, a), [teamId, this.actor])
  }
  join(secret: string, signalingUrl: string, options: JoinOptions = {}): Promise<string> {
    return this.page.evaluate(([s, u, o]) => window.rapportTest.join(s, u, o), [
      secret,
      signalingUrl,
      options,
    ] as const)
  }
  leave() {
    return this.page.evaluate(() => window.rapportTest.leave())
  }
  openRooms(secret: string, signalingUrl: string) {
    return this.page.evaluate(([s, u]) => window.rapportTest.openRooms(s!, u!), [secret, signalingUrl])
  }
  closeRooms() {
    return this.page.evaluate(() => window.rapportTest.closeRooms())
  }
  stockPeers(): Promise<number> {
    return this.page.evaluate(() => window.rapportTest.stockPeers())
  }
  peers(): Promise<PeerStatus[]> {
    return this.page.evaluate(() => window.rapportTest.peers())
  }
  pairOffer(secret: string | null): Promise<PairingStep> {
    return this.page.evaluate((s) => window.rapportTest.pairOffer(s), secret)
  }
  pairAccept(secret: string | null, code: string): Promise<PairingStep> {
    return this.page.evaluate(([s, c]) => window.rapportTest.pairAccept(s, c!), [secret, code])
  }
  pairComplete(code: string): Promise<PairingStep> {
    return this.page.evaluate((c) => window.rapportTest.pairComplete(c), code)
  }
  pairStatus(): Promise<PeerStatus | null> {
    return this.page.evaluate(() => window.rapportTest.pairStatus())
  }
  unpair() {
    return this.page.evaluate(() => window.rapportTest.unpair())
  }
  createContact(name: string): Promise<string> {
    return this.page.evaluate((n) => window.rapportTest.createContact(n), name)
  }
  renameContact(id: string, name: string) {
    return this.page.evaluate(([i, n]) => window.rapportTest.renameContact(i, n), [id, name])
  }
  optOut(id: string) {
    return this.page.evaluate((i) => window.rapportTest.optOut(i), id)
  }
  contacts(): Promise<TestContact[]> {
    return this.page.evaluate(() => window.rapportTest.contacts())
  }
  seed(n: number): Promise<number> {
    return this.page.evaluate((k) => window.rapportTest.seed(k), n)
  }
  count(): Promise<number> {
    return this.page.evaluate(() => window.rapportTest.count())
  }
  digest(): Promise<string> {
    return this.page.evaluate(() => window.rapportTest.digest())
  }
  errors(): Promise<string[]> {
    return this.page.evaluate(() => window.rapportTest.errors())
  }
  loadTeam(url: string): Promise<number> {
    return this.page.evaluate((u) => window.rapportTest.loadTeam(u), url)
  }
  stateVectors(): Promise<Record<number, number>[]> {
    return this.page.evaluate(() => window.rapportTest.stateVectors())
  }
  watchFirstSync(expected: Record<number, number>[]) {
    return this.page.evaluate((e) => window.rapportTest.watchFirstSync(e), expected)
  }
  firstSyncTimes() {
    return this.page.evaluate(() => window.rapportTest.firstSyncTimes())
  }
  contactIds(n: number): Promise<string[]> {
    return this.page.evaluate((k) => window.rapportTest.contactIds(k), n)
  }
  expectName(id: string, name: string) {
    return this.page.evaluate(([i, n]) => window.rapportTest.expectName(i!, n!), [id, name])
  }
  seenAt(): Promise<number | null> {
    return this.page.evaluate(() => window.rapportTest.seenAt())
  }
  renameAt(id: string, name: string): Promise<number> {
    return this.page.evaluate(([i, n]) => window.rapportTest.renameAt(i!, n!), [id, name])
  }
  /** Names of the contacts, sorted. */
  async names(): Promise<string[]> {
    return (await this.contacts()).map((c) => c.name).sort()
  }
}

/**
 * Connects a bare data channel from `a` to `b` (the benchmarks' yardstick), exchanging the
 * descriptions through the test, with no signaling server.
 */
export async function connectRaw(a: SyncTestPage, b: SyncTestPage): Promise<void> {
  const offer = await a.page.evaluate(() => window.rapportTest.raw.offer())
  const answer = await b.page.evaluate((o) => window.rapportTest.raw.answer(o), offer)
  await a.page.evaluate((x) => window.rapportTest.raw.accept(x), answer)
}

/** Sends `bytes` over the bare channel from `a` to `b`; returns the ms from first send to last byte in. */
export async function rawTransfer(a: SyncTestPage, b: SyncTestPage, bytes: number): Promise<number> {
  await b.page.evaluate((n) => window.rapportTest.raw.expect(n), bytes)
  const startAt = await a.page.evaluate((n) => window.rapportTest.raw.send(n), bytes)
  const doneAt = await eventually(
    () => b.page.evaluate(() => window.rapportTest.raw.doneAt()),
    (at) => at !== null,
    `${bytes} bytes over the bare channel`,
    120_000,
  )
  return doneAt! - startAt
}

/** Polls `read` until `accept` holds of its value; returns that value. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const start = Date.now()
  let last: T = await read()
  while (!accept(last)) {
    if (Date.now() - start > timeoutMs) {
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 400)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    last = await read()
  }
  return last
}
