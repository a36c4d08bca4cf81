import { defineContentScript } from '#imports'
import { startAppBridge } from '../lib/bridge/start-relay'

// The app on this computer, any port; the script checks the origin against the options.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main: (ctx) => startAppBridge(ctx),
})
