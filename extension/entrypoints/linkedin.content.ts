import { defineContentScript } from '#imports'
import { startSiteCapture } from '../lib/content/start'
import { linkedinSite } from '../lib/content/sites'

// All of www.linkedin.com, not only /in/*: LinkedIn navigates to profiles without a page load.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main: (ctx) => startSiteCapture(ctx, linkedinSite),
})
