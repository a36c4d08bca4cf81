import type { Page } from 'playwright-core'
import type { StockRoom } from './stock-page-api'
import './stock-page-api'

/** A stock y-webrtc client in its own browser context: a page object over `window.stockYWebrtc`. */
export class StockClient {
  constructor(readonly page: Page) {}

  join(roomId: string, password: string, signalingUrl: string) {
    return this.page.evaluate(
      ([r, p, u]) => window.stockYWebrtc.join(r!, p!, u!),
      [roomId, password, signalingUrl],
    )
  }
  /** One provider per open room (`deriveOpenRooms`), team document first. */
  joinTeam(rooms: StockRoom[], signalingUrl: string) {
    const plain = rooms.map(({ room, password }) => ({ room, password }))
    return this.page.evaluate(([r, u]) => window.stockYWebrtc.joinTeam(r, u), [plain, signalingUrl] as const)
  }
  connectedPeers(): Promise<string[]> {
    return this.page.evaluate(() => window.stockYWebrtc.connectedPeers())
  }
  content(): Promise<string> {
    return this.page.evaluate(() => window.stockYWebrtc.content())
  }
  names(): Promise<string[]> {
    return this.page.evaluate(() => window.stockYWebrtc.names())
  }
  rename(id: string, name: string): Promise<boolean> {
    return this.page.evaluate(([i, n]) => window.stockYWebrtc.rename(i!, n!), [id, name])
  }
  addContact(name: string): Promise<string> {
    return this.page.evaluate((n) => window.stockYWebrtc.addContact(n), name)
  }
  leave() {
    return this.page.evaluate(() => window.stockYWebrtc.leave())
  }
}
