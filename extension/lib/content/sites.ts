import type { CaptureSite } from '../settings'

/** Where a site's capture button goes, and which of its pages can be captured. */
export interface SiteAdapter {
  site: CaptureSite
  /** The element the button is placed after; `null` while the page shows none. */
  anchor(doc: Document): Element | null
  /** Whether `url` is a page of this site that can be captured (SPA routes change without reload). */
  isCapturable(url: URL): boolean
}

/** Gmail: the open thread's subject. */
export const gmailSite: SiteAdapter = {
  site: 'gmail',
  anchor: (doc) => doc.querySelector('h2.hP'),
  isCapturable: (url) => url.hostname === 'mail.google.com' && url.hash.length > 1,
}

/** LinkedIn: the name in a member profile's top card. */
export const linkedinSite: SiteAdapter = {
  site: 'linkedin',
  anchor: (doc) => {
    const main = doc.querySelector('main.scaffold-layout__main') ?? doc.querySelector('main')
    return main?.querySelector('section.artdeco-card h1') ?? main?.querySelector('h1') ?? null
  },
  isCapturable: (url) => url.hostname === 'www.linkedin.com' && /^\/in\/[^/]+/.test(url.pathname),
}
