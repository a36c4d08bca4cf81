import { browser } from 'wxt/browser'
import type { ContentScriptContext } from 'wxt/utils/content-script-context'
import { readSettings } from '../settings'
import { startPageCapture } from './page-capture'
import type { SiteAdapter } from './sites'

/** Starts capture on a site when the options have it on; a change takes effect at the next page load. */
export async function startSiteCapture(ctx: ContentScriptContext, site: SiteAdapter): Promise<void> {
  const settings = await readSettings(browser.storage.local)
  if (!settings.sites[site.site] || ctx.isInvalid) return
  await startPageCapture(ctx, site, settings)
}
