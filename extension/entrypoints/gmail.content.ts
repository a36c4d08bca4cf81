import { defineContentScript } from '#imports'
import { startSiteCapture } from '../lib/content/start'
import { gmailSite } from '../lib/content/sites'

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main: (ctx) => startSiteCapture(ctx, gmailSite),
})
